package org.scalingcoach.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.scalingcoach.slack.SlackRequests;

/**
 * Posts signed Slack form bodies (slash commands, clicks) to a coach, as {@link SlackRequests#form}
 * does, with OkHttp's blocking client. The JDK's {@code HttpClient} runs even a blocking send
 * through its selector thread and a chain of futures: in {@link AuditBenchmark} it was most of the
 * clicking client's processor time, taken from the two cores the coach runs on.
 */
final class SignedPoster {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final OkHttpClient http;
  private final String url;

  SignedPoster(int port, int connections) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(connections);
    dispatcher.setMaxRequestsPerHost(connections);
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(
                new ConnectionPool(connections, 1, java.util.concurrent.TimeUnit.MINUTES))
            .callTimeout(Duration.ofSeconds(10))
            .build();
    this.url = "http://127.0.0.1:" + port + "/slack/events";
  }

  /** Posts {@code body} signed now; returns the HTTP status. */
  int form(String body) {
    long timestamp = Instant.now().getEpochSecond();
    Request request =
        new Request.Builder()
            .url(url)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header(
                "X-Slack-Signature",
                SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body))
            .post(RequestBody.create(body, FORM))
            .build();
    try (Response response = http.newCall(request).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
