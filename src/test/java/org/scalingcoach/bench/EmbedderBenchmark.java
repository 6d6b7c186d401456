package org.scalingcoach.bench;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.scalingcoach.retrieval.OnnxEmbedder;
import org.scalingcoach.retrieval.OnnxModel;

/**
 * Question embedding with langchain4j's stock MiniLM model (ONNX's default threading) beside ours
 * (one thread an inference) and ours with bge-small-en-v1.5, alternating, alone (with the processor
 * time each question takes) and with 8 questions at a time. Distinct questions, so the
 * recent-question cache never answers.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.EmbedderBenchmark}
 */
public final class EmbedderBenchmark {
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

  public static void main(String[] args) throws Exception {
    List<String> questions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/eval/questions.tsv"))) {
      String[] columns = line.split("\t");
      if (columns.length >= 2) {
        questions.add(columns[1]);
      }
    }
    AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
    OnnxEmbedder ours = new OnnxEmbedder(OnnxModel.ALL_MINILM_L6_V2_Q);
    OnnxEmbedder bge = new OnnxEmbedder(OnnxModel.BGE_SMALL_EN_V15_Q);
    bge.awaitLoaded();
    ours.awaitLoaded();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    int[] counter = {0};
    Function<String, float[]> stockEmbed = q -> stock.embed(q).content().vector();
    Function<String, float[]> oursEmbed = ours::embed;
    Function<String, float[]> bgeEmbed = bge::embed;
    List<Double> bgeAlone = new ArrayList<>();
    List<Double> bgeBusy = new ArrayList<>();
    double bgeRate = 0;
    double oursCpu = 0;
    double bgeCpu = 0;
    System.out.printf(
        "Embedding %d questions per round, %d rounds, %d cores, load average %s%n",
        questions.size(),
        ROUNDS,
        Runtime.getRuntime().availableProcessors(),
        BoltJsSideBySide.loadAverage());
    List<Double> stockAlone = new ArrayList<>();
    List<Double> oursAlone = new ArrayList<>();
    List<Double> stockBusy = new ArrayList<>();
    List<Double> oursBusy = new ArrayList<>();
    double stockRate = 0;
    double oursRate = 0;
    for (int r = 0; r < ROUNDS; r++) {
      int round = r;
      Function<String, String> distinct = q -> q + " (" + round + "-" + counter[0]++ + ")";
      stockAlone.addAll(sequential(questions, q -> stockEmbed.apply(distinct.apply(q))));
      long cpu = threads.getCurrentThreadCpuTime();
      oursAlone.addAll(sequential(questions, q -> oursEmbed.apply(distinct.apply(q))));
      oursCpu += (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / questions.size();
      cpu = threads.getCurrentThreadCpuTime();
      bgeAlone.addAll(sequential(questions, q -> bgeEmbed.apply(distinct.apply(q))));
      bgeCpu += (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / questions.size();
      long start = System.nanoTime();
      stockBusy.addAll(concurrent(questions, q -> stockEmbed.apply(distinct.apply(q))));
      stockRate += questions.size() / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      oursBusy.addAll(concurrent(questions, q -> oursEmbed.apply(distinct.apply(q))));
      oursRate += questions.size() / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      bgeBusy.addAll(concurrent(questions, q -> bgeEmbed.apply(distinct.apply(q))));
      bgeRate += questions.size() / ((System.nanoTime() - start) / 1e9);
    }
    System.out.println("stock, one at a time:  " + Stats.summary(stockAlone));
    System.out.printf(
        "ours,  one at a time:  %s, CPU %.2f ms a question%n",
        Stats.summary(oursAlone), oursCpu / ROUNDS);
    System.out.printf(
        "bge,   one at a time:  %s, CPU %.2f ms a question%n",
        Stats.summary(bgeAlone), bgeCpu / ROUNDS);
    System.out.printf(
        "stock, 8 at a time:    %s, %.0f questions/s%n",
        Stats.summary(stockBusy), stockRate / ROUNDS);
    System.out.printf(
        "ours,  8 at a time:    %s, %.0f questions/s%n",
        Stats.summary(oursBusy), oursRate / ROUNDS);
    System.out.printf(
        "bge,   8 at a time:    %s, %.0f questions/s%n", Stats.summary(bgeBusy), bgeRate / ROUNDS);
    System.exit(0);
  }

  private static List<Double> sequential(List<String> questions, Function<String, float[]> embed) {
    List<Double> millis = new ArrayList<>();
    for (String q : questions) {
      long start = System.nanoTime();
      embed.apply(q);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private static List<Double> concurrent(List<String> questions, Function<String, float[]> embed)
      throws InterruptedException {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (String q : questions) {
      pool.submit(
          () -> {
            long start = System.nanoTime();
            embed.apply(q);
            millis.add((System.nanoTime() - start) / 1e6);
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    return millis;
  }
}
