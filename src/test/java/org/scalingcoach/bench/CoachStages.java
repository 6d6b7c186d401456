package org.scalingcoach.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a click's time goes inside the coach, read from its {@code /metrics}: the SQLite write turn
 * (waits and holds, for the door's inbox inserts and the workers' transactions) and the inbox's
 * stages (waiting for a worker, then the work) and the Web API calls. Two readings, before and
 * after the measured rounds, give the counts, sums and histogram buckets of those rounds.
 */
record CoachStages(long nanos, Map<String, Double> values) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static CoachStages read(int port) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Double> values = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.startsWith("coach_db_write_")
          || line.startsWith("coach_delivery_")
          || line.startsWith("coach_api_latency_")) {
        int space = line.lastIndexOf(' ');
        values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return new CoachStages(System.nanoTime(), values);
  }

  /** The stages between {@code before} and this reading, per click of {@code clicks}. */
  String since(CoachStages before, int clicks) {
    double seconds = (nanos - before.nanos) / 1e9;
    StringBuilder text = new StringBuilder();
    for (String writer : new String[] {"door", "worker"}) {
      String held = "coach_db_write_held_seconds";
      String wait = "coach_db_write_wait_seconds";
      String tag = "{writer=\"" + writer + "\"";
      double count = delta(before, held + "_count" + tag + "}");
      double heldSum = delta(before, held + "_sum" + tag + "}");
      double waitSum = delta(before, wait + "_sum" + tag + "}");
      text.append(
          String.format(
              Locale.ROOT,
              "%s writes %.1f per click, held %.2f ms each (p99 %.1f), waited %.2f ms each (p99"
                  + " %.1f), write turn busy %.0f%% of the time; ",
              writer,
              count / clicks,
              count == 0 ? 0 : heldSum * 1000 / count,
              quantile(before, held, tag, 0.99),
              count == 0 ? 0 : waitSum * 1000 / count,
              quantile(before, wait, tag, 0.99),
              heldSum * 100 / seconds));
    }
    for (String method : new String[] {"chat.postMessage", "chat.update"}) {
      String tag = "{method=\"" + method + "\",platform=\"slack\"";
      text.append(method)
          .append(timer(before, "coach_api_latency_seconds", tag, clicks))
          .append("; ");
    }
    String platform = "{platform=\"slack\"";
    text.append("delivery queued")
        .append(timer(before, "coach_delivery_queued_seconds", platform, clicks))
        .append("; delivery work")
        .append(timer(before, "coach_delivery_work_seconds", platform, clicks));
    return text.toString();
  }

  /** A timer's count per click, mean and p99 in ms, between {@code before} and this reading. */
  private String timer(CoachStages before, String name, String tag, int clicks) {
    double count = delta(before, name + "_count" + tag + "}");
    double sum = delta(before, name + "_sum" + tag + "}");
    return String.format(
        Locale.ROOT,
        " %.1f per click, %.2f ms each (p99 %.1f)",
        count / clicks,
        count == 0 ? 0 : sum * 1000 / count,
        quantile(before, name, tag, 0.99));
  }

  private double delta(CoachStages before, String key) {
    return values.getOrDefault(key, 0.0) - before.values.getOrDefault(key, 0.0);
  }

  /**
   * Quantile {@code q} in ms over the measured rounds, from the histogram's bucket counts at both
   * readings: the upper bound of the first bucket that holds it (Micrometer's buckets are about 10%
   * apart in this range).
   */
  private double quantile(CoachStages before, String name, String tag, double q) {
    String label = tag.substring(1);
    java.util.TreeMap<Double, Double> cumulative = new java.util.TreeMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(name + "_bucket{") && key.contains(label)) {
        int at = key.indexOf("le=\"") + 4;
        String bound = key.substring(at, key.indexOf('"', at));
        double le = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
        cumulative.put(le, e.getValue() - before.values.getOrDefault(key, 0.0));
      }
    }
    if (cumulative.isEmpty()) {
      return Double.NaN;
    }
    double total = cumulative.lastEntry().getValue();
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= q * total) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }
}
