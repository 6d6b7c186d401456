package org.scalingcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.metrics.CoachMetrics;
import org.scalingcoach.metrics.Scrape;

class MetricsEndpointTest {
  @Test
  void should_serve_prometheus_text_with_the_coach_and_jvm_metrics() throws Exception {
    CoachMetrics.reload(true, 0);
    try (CoachServer server =
        CoachServer.start(
            CoachConfig.fromEnvironment(Map.of("PORT", "0")),
            TestCore.shared(),
            TestCore.database())) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(response.body()).contains("# TYPE coach_reloads_total counter");
      assertThat(Scrape.value(response.body(), "coach_reloads_total", "result=\"clean\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(response.body()).contains("jvm_memory_used_bytes");
    }
  }
}
