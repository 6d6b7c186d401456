package org.scalingcoach.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What an operator needs to see without reading SQLite: questions answered and refused, answer
 * latency, work queues, Web API and Connector calls, model tokens and latency, audits and reloads.
 * The rest of the code records through these few methods and never sees Micrometer; the registry is
 * one per process because metrics describe the process, and {@code GET /metrics} serves it in
 * Prometheus' text format.
 */
public final class CoachMetrics {
  private static final PrometheusMeterRegistry REGISTRY = createRegistry();

  private CoachMetrics() {}

  private static PrometheusMeterRegistry createRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    return registry;
  }

  /** Every metric in Prometheus' text exposition format. */
  public static String scrape() {
    return REGISTRY.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  static MeterRegistry registry() {
    return REGISTRY;
  }

  /**
   * A question was answered (or refused as out of scope) on {@code platform} ({@code slack}, {@code
   * teams}), {@code startNanos} being {@link System#nanoTime()} when it arrived.
   */
  public static void question(String platform, boolean answered, String topic, long startNanos) {
    Counter.builder("coach.questions")
        .description("Questions, by platform, result and topic of the best source")
        .tag("platform", platform)
        .tag("result", answered ? "answered" : "refused")
        .tag("topic", answered && topic != null ? topic : "none")
        .register(REGISTRY)
        .increment();
    histogram(
            "coach.answer.latency",
            "From the question's arrival to the finished answer",
            Duration.ofMillis(1),
            Duration.ofSeconds(60),
            "platform",
            platform)
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * One outgoing call to a platform: {@code result} is {@code ok}, Slack's error code or {@code
   * http_<status>}.
   */
  public static void apiCall(String platform, String method, String result) {
    Counter.builder("coach.api.calls")
        .description("Slack Web API and Bot Connector calls, by method and result")
        .tag("platform", platform)
        .tag("method", method)
        .tag("result", tagValue(result))
        .register(REGISTRY)
        .increment();
  }

  /** How long a call that the platform answered took, retries not included. */
  public static void apiLatency(String platform, String method, long nanos) {
    histogram(
            "coach.api.latency",
            "Slack Web API and Bot Connector calls answered, by method",
            Duration.ofNanos(100_000),
            Duration.ofSeconds(30),
            "platform",
            platform,
            "method",
            method)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A call that was throttled or failed and is tried again. */
  public static void apiRetry(String platform, String method) {
    Counter.builder("coach.api.retries")
        .description("Slack Web API and Bot Connector calls tried again (429, 5xx)")
        .tag("platform", platform)
        .tag("method", method)
        .register(REGISTRY)
        .increment();
  }

  /** One language-model request: its outcome and how long it took. */
  public static void modelCall(String provider, String result, long nanos) {
    histogram(
            "coach.model.latency",
            "Language-model requests, by provider and result",
            Duration.ofMillis(10),
            Duration.ofSeconds(300),
            "provider",
            provider,
            "result",
            result)
        .record(Duration.ofNanos(nanos));
  }

  /** Tokens a language-model request cost (the provider's count, or an estimate if cut off). */
  public static void modelTokens(String provider, int inputTokens, int outputTokens) {
    tokens(provider, "input", inputTokens);
    tokens(provider, "output", outputTokens);
  }

  private static void tokens(String provider, String direction, int count) {
    if (count > 0) {
      Counter.builder("coach.model.tokens")
          .description("Language-model tokens, by provider and direction")
          .tag("provider", provider)
          .tag("direction", direction)
          .register(REGISTRY)
          .increment(count);
    }
  }

  /** An audit was started ({@code started}) or finished ({@code finished}). */
  public static void audit(String event, String auditType) {
    Counter.builder("coach.audits")
        .description("Audits started and finished, by audit")
        .tag("event", event)
        .tag("audit", auditType)
        .register(REGISTRY)
        .increment();
  }

  private static final Timer[] WRITE_WAIT = {
    writeTimer("wait", "worker"), writeTimer("wait", "door")
  };
  private static final Timer[] WRITE_HELD = {
    writeTimer("held", "worker"), writeTimer("held", "door")
  };

  private static Timer writeTimer(String phase, String writer) {
    return histogram(
        "coach.db.write." + phase,
        phase.equals("wait")
            ? "Time a SQLite transaction waited for this process's turn to write"
            : "Time a SQLite transaction held the write turn, from its start to its commit",
        Duration.ofNanos(10_000),
        Duration.ofSeconds(10),
        "writer",
        writer);
  }

  /**
   * One SQLite write transaction: how long it waited for the write turn and how long it held it;
   * {@code door} for the request threads' inbox inserts. The held time summed over a run, against
   * the run's length, is how busy the single writer is.
   */
  public static void writeTurn(boolean door, long waitNanos, long heldNanos) {
    WRITE_WAIT[door ? 1 : 0].record(waitNanos, TimeUnit.NANOSECONDS);
    WRITE_HELD[door ? 1 : 0].record(heldNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A delivery taken in at the door and worked off: how long it waited for a worker, then how long
   * the work took until its reply was sent.
   */
  public static void delivery(String platform, long queuedNanos, long workNanos) {
    deliveryTimer(
            "coach.delivery.queued", "From storing a delivery to a worker taking it", platform)
        .record(queuedNanos, TimeUnit.NANOSECONDS);
    deliveryTimer("coach.delivery.work", "From a worker taking a delivery to its end", platform)
        .record(workNanos, TimeUnit.NANOSECONDS);
  }

  private static Timer deliveryTimer(String name, String description, String platform) {
    return histogram(
        name, description, Duration.ofNanos(10_000), Duration.ofSeconds(60), "platform", platform);
  }

  /** A timer published as a Prometheus histogram between {@code min} and {@code max}. */
  private static Timer histogram(
      String name, String description, Duration min, Duration max, String... tags) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(min)
        .maximumExpectedValue(max)
        .register(REGISTRY);
  }

  /** A reload of the knowledge base, audits and prompts, with or without problems. */
  public static void reload(boolean swappedIn, int problems) {
    Counter.builder("coach.reloads")
        .description("Reloads, by result")
        .tag("result", !swappedIn ? "kept_previous" : problems > 0 ? "with_problems" : "clean")
        .register(REGISTRY)
        .increment();
  }

  /**
   * A queue of work waiting for a thread: its depth and how long its oldest item has waited, read
   * when Prometheus scrapes. Registering a queue of the same name again replaces the earlier one,
   * so a restarted component (or the next test) reports itself rather than its predecessor.
   */
  public static synchronized void queue(
      String name, Supplier<Number> depth, Supplier<Number> oldestSeconds) {
    for (String metric : new String[] {"coach.queue.depth", "coach.queue.oldest"}) {
      Gauge old = REGISTRY.find(metric).tag("queue", name).gauge();
      if (old != null) {
        REGISTRY.remove(old);
      }
    }
    Gauge.builder("coach.queue.depth", () -> depth.get())
        .description("Items waiting in a work queue")
        .tag("queue", name)
        .strongReference(true)
        .register(REGISTRY);
    Gauge.builder("coach.queue.oldest", () -> oldestSeconds.get())
        .description("Seconds the oldest waiting item has waited")
        .tag("queue", name)
        .baseUnit("seconds")
        .strongReference(true)
        .register(REGISTRY);
  }

  private static final java.util.regex.Pattern NOT_A_TAG =
      java.util.regex.Pattern.compile("[^a-z0-9_]+");

  private static String tagValue(String value) {
    if (value == null || value.isBlank()) {
      return "unknown";
    }
    String clean = NOT_A_TAG.matcher(value.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    return clean.length() > 40 ? clean.substring(0, 40) : clean;
  }
}
