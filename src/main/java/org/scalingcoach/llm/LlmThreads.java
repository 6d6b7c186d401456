package org.scalingcoach.llm;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads model calls run on, each kind apart so none can hold up another: the call itself,
 * reading its stream, the deadlines that close streams, sending previews, and bookkeeping. All are
 * daemons and idle ones end after a few seconds.
 */
final class LlmThreads {
  /** Where {@code StreamingChatModel.chat} is called, so no provider client blocks the asker. */
  static final Executor CALLS = pool("llm-call");

  /** Where a response stream is read, as long as its deadline allows. */
  static final Executor STREAMS = pool("llm-stream");

  /** Sends previews to the channel, off the thread reading the stream. */
  static final Executor PREVIEWS = pool("llm-preview");

  /** Records token usage off the answer's path, so the database never delays a reply. */
  static final Executor BOOKKEEPING = Executors.newSingleThreadExecutor(daemons("llm-usage"));

  /** Closes each exchange at its deadline. */
  static final ScheduledExecutorService DEADLINES = timer();

  private LlmThreads() {}

  private static Executor pool(String name) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons(name));
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("llm-deadline"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
