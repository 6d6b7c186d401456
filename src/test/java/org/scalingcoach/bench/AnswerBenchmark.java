package org.scalingcoach.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.KnowledgeDocument;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.HybridRetriever;
import org.scalingcoach.retrieval.OnnxEmbedder;
import org.scalingcoach.retrieval.OnnxModel;
import org.scalingcoach.retrieval.ScopePolicy;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteEmbeddingCache;

/**
 * Prints answer quality on the evaluation set, warm answer latency on the shipped and on a
 * generated 5,000-section knowledge base, time from process start to first answer with a warm
 * cache, and peak heap.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.AnswerBenchmark}
 */
public final class AnswerBenchmark {
  private static final int ROUNDS = 5;
  private static final int GENERATED_SECTIONS = 5_000;

  public static void main(String[] args) throws Exception {
    Path work = Path.of("target", "bench");
    Files.createDirectories(work);
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("COACH_DATA_DIR", work.resolve("shipped").toString());
    env.put("COACH_KNOWLEDGE_DIR", "knowledge");
    String model = System.getenv("COACH_EMBEDDING_MODEL");
    if (model != null) {
      env.put("COACH_EMBEDDING_MODEL", model); // the `ask` children inherit it as well
    }
    CoachConfig config = CoachConfig.fromEnvironment(env);
    CoachCore core = CoachWiring.core(config, CoachWiring.database(config));
    EvaluationSet set = EvaluationSet.load();

    QualityCheck.print(core.knowledge(), core.answers(), false);

    List<String> questions = set.items().stream().map(EvaluationSet.Item::question).toList();
    System.out.printf(
        "warm answer latency, shipped knowledge base (%d sections): %s  (target p95 < 20 ms)%n",
        core.retriever().size(), Stats.summary(latencies(core.answers(), questions)));
    System.out.printf(
        "warm answer latency, shipped knowledge base, every question new (the model runs each"
            + " time): %s  (target p95 < 20 ms)%n",
        Stats.summary(distinctLatencies(core.answers(), questions)));

    AnswerEngine large =
        generated(core.knowledge(), work.resolve("generated"), config.embeddingModel());
    System.out.printf(
        "warm answer latency, generated knowledge base (%d sections): %s  (target p95 < 50 ms)%n",
        GENERATED_SECTIONS, Stats.summary(latencies(large, questions)));
    System.out.printf("peak heap in this process: %d MB%n", peakHeapMb());

    List<Double> starts = new ArrayList<>();
    startToFirstAnswer(work.resolve("shipped"));
    for (int i = 0; i < 3; i++) {
      starts.add(startToFirstAnswer(work.resolve("shipped")));
    }
    System.out.printf(
        "process start to first answer, warm embedding cache (new JVM running `ask`): median %.0f"
            + " ms of %s  (target < 3000 ms)%n",
        Stats.percentile(starts, 50), starts);
  }

  private static List<Double> latencies(AnswerEngine engine, List<String> questions) {
    for (String q : questions) {
      engine.answer(Question.of(q));
    }
    List<Double> millis = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (String q : questions) {
        long start = System.nanoTime();
        engine.answer(Question.of(q));
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    return millis;
  }

  /**
   * The same, each question with a round number added, so that the embedder's cache of recent
   * questions never answers and every answer runs the model.
   */
  private static List<Double> distinctLatencies(AnswerEngine engine, List<String> questions) {
    List<Double> millis = new ArrayList<>();
    for (int round = 0; round <= ROUNDS; round++) {
      for (String q : questions) {
        long start = System.nanoTime();
        engine.answer(Question.of(q + " (" + round + ")"));
        if (round > 0) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    return millis;
  }

  /** A knowledge base of 5,000 sections made by recombining sentences of the shipped one. */
  private static AnswerEngine generated(KnowledgeBase shipped, Path dataDir, OnnxModel embedding) {
    List<Section> source = shipped.sections();
    List<String> units = source.stream().flatMap(s -> s.units().stream()).toList();
    Random random = new Random(42);
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < GENERATED_SECTIONS; i++) {
      Section model = source.get(random.nextInt(source.size()));
      List<String> picked = new ArrayList<>();
      for (int u = 0; u < 4; u++) {
        picked.add(units.get(random.nextInt(units.size())));
      }
      sections.add(
          new Section(
              "generated-" + (i / 10),
              model.documentTitle() + " " + (i / 10),
              model.topic(),
              model.tags(),
              model.heading() + " " + i,
              "part-" + i,
              i,
              String.join(" ", picked),
              picked,
              List.of()));
    }
    long start = System.nanoTime();
    Database database = Database.open(dataDir.resolve("coach.db"));
    HybridRetriever retriever =
        HybridRetriever.build(
            sections,
            new OnnxEmbedder(embedding),
            new SqliteEmbeddingCache(database),
            ScopePolicy.DEFAULT);
    System.out.printf(
        "generated knowledge base indexed in %.1f s (cached in %s after the first run)%n",
        (System.nanoTime() - start) / 1e9, dataDir);
    KnowledgeBase knowledge =
        new KnowledgeBase(
            List.of(
                new KnowledgeDocument(
                    "generated",
                    "Generated",
                    sections.get(0).topic(),
                    List.of(),
                    "bench",
                    null,
                    dataDir,
                    sections)),
            List.of());
    return new ExtractiveAnswerEngine(knowledge, retriever);
  }

  private static double startToFirstAnswer(Path dataDir) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                CoachProcess.classpath(),
                "org.scalingcoach.Main",
                "ask",
                "--json",
                "how do we notice that a model is drifting")
            .redirectErrorStream(false)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("COACH_DATA_DIR", dataDir.toString());
    builder.environment().put("COACH_KNOWLEDGE_DIR", "knowledge");
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("ask exited with " + exit);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }
}
