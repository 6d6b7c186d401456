package org.scalingcoach.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client langchain4j talks to the provider through. Unlike langchain4j's JDK client, whose
 * timeout ends at the response headers, no exchange here outlives its deadline: when it passes, the
 * response body is closed (which closes the connection) even if the provider stalls mid-stream, and
 * the stream is reported as timed out rather than finished. Streams are always read on {@code
 * streams}, never on the caller's thread, so {@code chat()} returns at once.
 */
final class DeadlineHttpClient implements HttpClient {
  private static final int MAX_ERROR_BODY_BYTES = 8_192;

  private final java.net.http.HttpClient http;
  private final Duration deadline;
  private final Executor streams;
  private final ScheduledExecutorService timer;

  DeadlineHttpClient(
      Duration connectTimeout,
      Duration deadline,
      Executor streams,
      ScheduledExecutorService timer) {
    this.http =
        java.net.http.HttpClient.newBuilder()
            .connectTimeout(connectTimeout.compareTo(deadline) < 0 ? connectTimeout : deadline)
            .build();
    this.deadline = deadline;
    this.streams = streams;
    this.timer = timer;
  }

  /** Builds the client for langchain4j's model builders, which set the timeouts on it. */
  static HttpClientBuilder builder(Executor streams, ScheduledExecutorService timer) {
    return new HttpClientBuilder() {
      private Duration connectTimeout = Duration.ofSeconds(10);
      private Duration readTimeout = Duration.ofSeconds(60);

      @Override
      public Duration connectTimeout() {
        return connectTimeout;
      }

      @Override
      public HttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
          connectTimeout = timeout;
        }
        return this;
      }

      @Override
      public Duration readTimeout() {
        return readTimeout;
      }

      /** For this client the whole exchange, headers and body, must finish within it. */
      @Override
      public HttpClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
          readTimeout = timeout;
        }
        return this;
      }

      @Override
      public HttpClient build() {
        return new DeadlineHttpClient(connectTimeout, readTimeout, streams, timer);
      }
    };
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(jdk(request), BodyHandlers.ofByteArray());
      if (!successful(response.statusCode())) {
        throw new HttpException(
            response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
      }
      return SuccessfulHttpResponse.builder()
          .statusCode(response.statusCode())
          .headers(response.headers().map())
          .body(response.body())
          .build();
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new dev.langchain4j.exception.LangChain4jException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.langchain4j.exception.LangChain4jException("interrupted", e);
    }
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    Exchange exchange = new Exchange();
    exchange.alarm = timer.schedule(exchange::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
    http.sendAsync(jdk(request), BodyHandlers.ofInputStream())
        .whenCompleteAsync(
            (response, error) -> exchange.read(response, error, parser, listener), streams);
  }

  /** One streamed exchange and its deadline. */
  private final class Exchange {
    private ScheduledFuture<?> alarm;
    private InputStream body;
    private boolean expired;

    /**
     * The deadline passed: close the body being read. Before the headers, the request's own timeout
     * (the same deadline) aborts the exchange; cancelling the future instead would lose a response
     * arriving at that moment together with its open connection.
     */
    void expire() {
      InputStream open;
      synchronized (this) {
        expired = true;
        open = body;
      }
      closeQuietly(open);
    }

    synchronized boolean expired() {
      return expired;
    }

    void read(
        HttpResponse<InputStream> answer,
        Throwable error,
        ServerSentEventParser parser,
        ServerSentEventListener listener) {
      try {
        if (error != null) {
          listener.onError(failure(error));
          return;
        }
        synchronized (this) {
          body = answer.body();
        }
        if (expired()) {
          listener.onError(timedOut());
          return;
        }
        if (!successful(answer.statusCode())) {
          listener.onError(new HttpException(answer.statusCode(), errorBody(answer.body())));
          return;
        }
        listener.onOpen(
            SuccessfulHttpResponse.builder()
                .statusCode(answer.statusCode())
                .headers(answer.headers().map())
                .build());
        boolean[] failed = {false};
        parser.parse(
            answer.body(),
            new ServerSentEventListener() {
              @Override
              public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                listener.onEvent(event, context);
              }

              @Override
              public void onEvent(ServerSentEvent event) {
                listener.onEvent(event);
              }

              @Override
              public void onError(Throwable throwable) {
                failed[0] = true;
                listener.onError(expired() ? timedOut() : throwable);
              }
            });
        if (failed[0]) {
          return;
        }
        if (expired()) {
          // A body closed at the deadline reads as its end: it is not a finished reply.
          listener.onError(timedOut());
        } else {
          listener.onClose();
        }
      } catch (RuntimeException e) {
        listener.onError(e);
      } finally {
        alarm.cancel(false);
        InputStream open;
        synchronized (this) {
          open = body;
        }
        closeQuietly(open);
      }
    }

    private Throwable failure(Throwable error) {
      Throwable cause = error;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (expired() || cause instanceof CancellationException) {
        return timedOut();
      }
      if (cause instanceof HttpTimeoutException) {
        return new TimeoutException(cause);
      }
      return cause;
    }
  }

  private TimeoutException timedOut() {
    return new TimeoutException("no complete reply within " + deadline.toMillis() + " ms");
  }

  private java.net.http.HttpRequest jdk(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      throw new UnsupportedOperationException("form uploads are not used by the coach");
    }
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(deadline);
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (values != null) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    builder.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    return builder.build();
  }

  private static boolean successful(int status) {
    return status >= 200 && status < 300;
  }

  private static String errorBody(InputStream body) {
    try (body) {
      return new String(body.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(the error body could not be read: " + e.getMessage() + ")";
    }
  }

  private static void closeQuietly(InputStream stream) {
    if (stream == null) {
      return;
    }
    try {
      stream.close();
    } catch (IOException e) {
      // Closing is how the exchange is aborted; a failure to close changes nothing for the caller.
    }
  }
}
