package org.scalingcoach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.delivery.ProcessorSlots;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.llm.PromptException;
import org.scalingcoach.metrics.CoachMetrics;
import org.scalingcoach.retrieval.HybridRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel-neutral heart of the coach, shared by the CLI, Slack and Teams. What it knows can be
 * reloaded while it runs: each accessor gives the version in use at the time of the call, and a
 * question already being answered finishes on the version it started with.
 */
public final class CoachCore {
  private static final Logger log = LoggerFactory.getLogger(CoachCore.class);

  private final Supplier<CoachSnapshot> loader;
  private final LlmFeatures llm;
  private final AtomicReference<CoachSnapshot> current;
  private final AnswerEngine answers = new CurrentAnswers();
  private final Object reloading = new Object();
  private static final String ANSWERING_THREAD = "answering-";
  private final ExecutorService answering =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, ANSWERING_THREAD + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });
  private final String knowledgeSource;

  /** Loads the first snapshot with {@code loader}; {@link #reload()} calls it again. */
  public CoachCore(Supplier<CoachSnapshot> loader, LlmFeatures llm) {
    this(loader, llm, "supplied by the caller");
  }

  /** The same, saying where the knowledge comes from (a folder, or the copy in the jar). */
  public CoachCore(Supplier<CoachSnapshot> loader, LlmFeatures llm, String knowledgeSource) {
    this.knowledgeSource = knowledgeSource;
    this.loader = loader;
    this.llm = llm;
    this.current = new AtomicReference<>(loader.get());
  }

  /** Where the knowledge base is read from, for operators. */
  public String knowledgeSource() {
    return knowledgeSource;
  }

  /** Everything the coach knows right now, consistent with itself. */
  public CoachSnapshot snapshot() {
    return current.get();
  }

  public KnowledgeBase knowledge() {
    return current.get().knowledge();
  }

  public HybridRetriever retriever() {
    return current.get().retriever();
  }

  /** Answers each question from the snapshot in use when the question arrives. */
  public AnswerEngine answers() {
    return answers;
  }

  public AuditCatalog catalog() {
    return current.get().catalog();
  }

  public LlmFeatures llm() {
    return llm;
  }

  /**
   * Reads the knowledge base, audit definitions and prompt templates again and swaps them in at
   * once. Broken files are skipped and reported; broken prompt templates leave the ones in use; a
   * knowledge folder with no usable document leaves the whole previous snapshot in use.
   */
  public ReloadReport reload() {
    synchronized (reloading) {
      long start = System.nanoTime();
      CoachSnapshot next = loader.get();
      List<Problem> problems = new ArrayList<>(next.problems());
      boolean usable =
          !next.knowledge().documents().isEmpty()
              || current.get().knowledge().documents().isEmpty();
      if (usable) {
        current.set(next);
      }
      try {
        llm.reloadPrompts();
      } catch (PromptException e) {
        problems.addAll(e.problems());
      }
      CoachSnapshot now = current.get();
      ReloadReport report =
          new ReloadReport(
              usable,
              now.knowledge().documents().size(),
              now.retriever().size(),
              now.catalog().definitions().size(),
              next.retriever().embedded(),
              problems,
              Duration.ofNanos(System.nanoTime() - start));
      CoachMetrics.reload(usable, problems.size());
      log.info("{}", report.summary());
      problems.forEach(problem -> log.warn("reload problem: {}", problem));
      return report;
    }
  }

  /**
   * The stable engine handed to the channels: it asks whichever snapshot is current. Without a
   * language model answering is pure CPU work (retrieval and extraction), so it runs on a pool
   * sized to the cores: however many deliveries wait, the request threads that acknowledge and
   * store them, and the threads that send replies, still get the processor. With a model the time
   * goes to waiting on it, so the caller's thread waits.
   */
  private final class CurrentAnswers implements AnswerEngine {
    @Override
    public Answer answer(Question question) {
      if (Thread.currentThread().getName().startsWith(ANSWERING_THREAD)) {
        return current.get().answers().answer(question);
      }
      if (llm.enabled()) {
        // Mostly waiting on the model: a delivery thread gives back its processor slot meanwhile.
        return ProcessorSlots.whileWaiting(() -> current.get().answers().answer(question));
      }
      Future<Answer> answer = answering.submit(() -> current.get().answers().answer(question));
      return ProcessorSlots.whileWaiting(() -> awaited(answer));
    }

    private static Answer awaited(Future<Answer> answer) {
      try {
        return answer.get();
      } catch (InterruptedException e) {
        answer.cancel(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while answering", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("answering failed", e.getCause());
      }
    }

    @Override
    public Answer answerStreaming(Question question, Consumer<String> partialMarkdown) {
      if (llm.enabled()) {
        return ProcessorSlots.whileWaiting(
            () -> current.get().answers().answerStreaming(question, partialMarkdown));
      }
      // Without a model nothing streams: the answer is CPU work like any other, on the pool.
      return answer(question);
    }
  }
}
