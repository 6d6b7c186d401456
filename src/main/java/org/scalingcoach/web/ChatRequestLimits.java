package org.scalingcoach.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits on requests to the chat endpoints while they are still unauthenticated: at most {@code
 * maxPending} of them at once (more get a 503 at once, without reading their body), and the whole
 * body within {@code bodyDeadline} or the connection is closed. Together with reading bodies
 * without holding a thread (Jetty's {@code EagerContentHandler}), slow senders cannot starve {@code
 * /healthz} or Slack's and Teams' own requests.
 */
final class ChatRequestLimits extends Handler.Wrapper {
  private static final Logger log = LoggerFactory.getLogger(ChatRequestLimits.class);

  private final Set<String> paths;
  private final int maxPending;
  private final Duration bodyDeadline;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger refusedSinceLastLog = new AtomicInteger();

  ChatRequestLimits(Handler next, Set<String> paths, int maxPending, Duration bodyDeadline) {
    super(next);
    this.paths = paths;
    this.maxPending = maxPending;
    this.bodyDeadline = bodyDeadline;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!paths.contains(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      if (refusedSinceLastLog.getAndIncrement() % 100 == 0) {
        log.warn("too many requests still sending their body (limit {}): refusing", maxPending);
      }
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
      return true;
    }
    BodyDeadline deadline = new BodyDeadline(request);
    Callback done =
        new Callback.Nested(callback) {
          @Override
          public void succeeded() {
            deadline.finish();
            super.succeeded();
          }

          @Override
          public void failed(Throwable x) {
            deadline.finish();
            super.failed(x);
          }
        };
    try {
      if (super.handle(deadline, response, done)) {
        return true;
      }
    } catch (Exception | Error e) {
      deadline.finish();
      throw e;
    }
    deadline.finish();
    return false;
  }

  /** Counts the request as pending until its body is in, and closes it if that takes too long. */
  private final class BodyDeadline extends Request.Wrapper {
    private final AtomicBoolean counted = new AtomicBoolean(true);
    private final Scheduler.Task timeout;

    BodyDeadline(Request request) {
      super(request);
      timeout =
          request
              .getComponents()
              .getScheduler()
              .schedule(this::expire, bodyDeadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = super.read();
      if (chunk != null && (chunk.isLast() || Content.Chunk.isFailure(chunk))) {
        bodyIn();
      }
      return chunk;
    }

    private void expire() {
      if (counted.get()) {
        log.info("closed a request whose body took longer than {} s", bodyDeadline.toSeconds());
        bodyIn();
        getConnectionMetaData().getConnection().getEndPoint().close();
      }
    }

    private void bodyIn() {
      if (counted.compareAndSet(true, false)) {
        timeout.cancel();
        pending.decrementAndGet();
      }
    }

    void finish() {
      bodyIn();
    }
  }
}
