package org.scalingcoach.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.LlmSettings;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.llm.FakeLlmServer;
import org.scalingcoach.llm.FakeLlmServer.Recorded;
import org.scalingcoach.llm.FakeLlmServer.Reply;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteTokenUsageLog;

/**
 * Streams written answers from a local fake model that sends a fixed number of words at a fixed
 * rate, and prints the time to the first streamed words, the time to the final answer, and the time
 * the coach adds on top of the model (retrieval, prompt, HTTP, checking; target < 50 ms p95).
 *
 * <p>Run: {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.LlmBenchmark}
 */
public final class LlmBenchmark {
  private static final int WARMUP = 10;
  private static final int ROUNDS = 60;
  private static final long FIRST_WORD_MILLIS = 150;
  private static final long WORD_MILLIS = 8;

  public static void main(String[] args) throws Exception {
    Path work = Path.of("target", "bench", "llm");
    Files.createDirectories(work);
    CoachConfig config =
        CoachConfig.fromEnvironment(
            Map.of("COACH_DATA_DIR", work.toString(), "COACH_KNOWLEDGE_DIR", "knowledge"));
    Database database = CoachWiring.database(config);
    CoachCore core = CoachWiring.core(config, database);
    List<String> questions =
        EvaluationSet.load().items().stream()
            .filter(i -> !i.expected().equals(EvaluationSet.OUT_OF_SCOPE))
            .map(EvaluationSet.Item::question)
            .toList();
    String reply =
        "Compare the live inputs with the data the model was trained on, and track its accuracy"
            + " against fresh labels every week [1]. When either moves beyond the threshold you"
            + " agreed, retrain on recent data and compare the new model with the old one before"
            + " you switch [2]. Keep a named owner for each model so someone acts on the alert [1].";
    int words = reply.split(" ").length;

    try (FakeLlmServer model = new FakeLlmServer()) {
      model.reply(Reply.streamed(reply, FIRST_WORD_MILLIS, WORD_MILLIS));
      LlmSettings settings =
          new LlmSettings(
              Provider.OPENAI,
              "fake-model",
              "bench-key",
              Optional.of(URI.create(model.baseUrl())),
              Duration.ofSeconds(20),
              700,
              1_000_000,
              6,
              Path.of("prompts"));
      AnswerEngine engine =
          LlmFeatures.create(settings, new SqliteTokenUsageLog(database))
              .answers(new ExtractiveAnswerEngine(core.knowledge(), core.retriever()));

      List<Double> firstWords = new ArrayList<>();
      List<Double> finals = new ArrayList<>();
      List<Double> modelTimes = new ArrayList<>();
      List<Double> overheads = new ArrayList<>();
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      int written = 0;
      int asked = 0;
      for (int round = 0; round < WARMUP + ROUNDS; round++) {
        String question = questions.get(round % questions.size());
        int requestsBefore = model.requests().size();
        AtomicLong firstPartial = new AtomicLong();
        long start = System.nanoTime();
        Answer answer =
            engine.answerStreaming(
                Question.of(question), partial -> firstPartial.compareAndSet(0, System.nanoTime()));
        long end = System.nanoTime();
        if (model.requests().size() == requestsBefore || round < WARMUP) {
          continue; // out of scope for the retriever: never reached the model
        }
        asked++;
        Recorded request = model.lastRequest();
        if (answer.citations().size() == 2) {
          written++;
        }
        firstWords.add(millis(firstPartial.get() - start));
        finals.add(millis(end - start));
        modelTimes.add(millis(request.finishedNanos() - request.receivedNanos()));
        before.add(millis(request.receivedNanos() - start));
        after.add(millis(end - request.finishedNanos()));
        overheads.add(millis((end - start) - (request.finishedNanos() - request.receivedNanos())));
      }

      System.out.printf(
          "system load average %.1f on %d cores (numbers grow with load)%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "fake model: first word after %d ms, then %d words at one per %d ms%n",
          FIRST_WORD_MILLIS, words, WORD_MILLIS);
      System.out.printf(
          "questions that reached the model: %d, written answers kept: %d%n", asked, written);
      System.out.println("time to first streamed words:  " + Stats.summary(firstWords));
      System.out.println("time to final answer:          " + Stats.summary(finals));
      System.out.println("model time (fake server):      " + Stats.summary(modelTimes));
      System.out.println("coach overhead, total:         " + Stats.summary(overheads));
      System.out.println("  before the request arrives:  " + Stats.summary(before));
      System.out.println("  after the last chunk is sent: " + Stats.summary(after));
      ExtractiveAnswerEngine extractive =
          new ExtractiveAnswerEngine(core.knowledge(), core.retriever());
      List<Double> retrievals = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        Question q = Question.of(questions.get(round % questions.size()));
        extractive.retrieve(q);
        retrievals.add(millis(System.nanoTime() - start));
      }
      System.out.println(
          "  retrieval alone (extractive answers pay it too): " + Stats.summary(retrievals));
      System.out.printf(
          "overhead p95 %.1f ms (target < 50 ms): %s%n",
          Stats.percentile(overheads, 95),
          Stats.percentile(overheads, 95) < 50 ? "met" : "NOT met");
    }
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
