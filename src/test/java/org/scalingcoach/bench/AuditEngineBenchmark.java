package org.scalingcoach.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditFixture;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.Progress;

/**
 * The audit engine alone on a real SQLite file: 200 auditors at once each answer a whole audit.
 * Prints answers committed per second and the latency of one answer (commit plus loading the next
 * question). Run with {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.AuditEngineBenchmark}.
 */
public final class AuditEngineBenchmark {
  private static final int AUDITORS = Integer.getInteger("auditors", 200);
  private static final String TYPE = "audit-your-data";

  private AuditEngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    AuditFixture warmUp = new AuditFixture();
    for (int i = 0; i < 20; i++) {
      warmUp.finishWith(new Actor("TW", "UW" + i), TYPE, "Warm-up", i % 4);
    }
    AuditFixture fixture = new AuditFixture();
    ExecutorService pool = Executors.newFixedThreadPool(AUDITORS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Long>>> runs = new ArrayList<>();
    for (int u = 0; u < AUDITORS; u++) {
      Actor actor = new Actor("T" + (u % 5), "U" + u);
      int choice = u % 4;
      runs.add(
          pool.submit(
              () -> {
                go.await();
                return audit(fixture, actor, choice);
              }));
    }
    long start = System.nanoTime();
    go.countDown();
    List<Long> latencies = new ArrayList<>();
    for (Future<List<Long>> run : runs) {
      latencies.addAll(run.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "AuditEngineBenchmark: %d auditors, %d answers in %.2f s on %d cores%n",
        AUDITORS,
        latencies.size(),
        seconds,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        Locale.ROOT, "  answers recorded per second: %.0f%n", latencies.size() / seconds);
    System.out.printf(
        Locale.ROOT,
        "  answer -> next question latency: median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99),
        percentile(latencies, 100));
  }

  private static List<Long> audit(AuditFixture fixture, Actor actor, int choice) {
    List<Long> latencies = new ArrayList<>();
    Progress progress = fixture.engine.start(actor, TYPE, "Benchmark subject");
    while (!progress.readyToFinish()) {
      AuditQuestion q = progress.question();
      String option = q.options().get(Math.min(choice, q.options().size() - 1)).id();
      long t0 = System.nanoTime();
      progress =
          fixture.engine.answer(
              actor, progress.audit().id(), progress.audit().revision(), q.id(), option);
      latencies.add(System.nanoTime() - t0);
    }
    fixture.engine.finish(actor, progress.audit().id());
    return latencies;
  }

  static double percentile(List<Long> sortedNanos, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
  }
}
