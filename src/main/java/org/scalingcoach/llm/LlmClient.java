package org.scalingcoach.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.scalingcoach.answer.Asker;

/**
 * Sends a prompt to a streaming langchain4j model and waits for the whole reply, at most {@code
 * timeout}; turns every way the provider can fail into an {@link LlmUnavailableException}. The call
 * is made on {@code calls}, so no provider client can hold the caller past the deadline; the HTTP
 * exchange itself is closed by {@link DeadlineHttpClient} at the same deadline.
 */
final class LlmClient {
  private final StreamingChatModel model;
  private final String provider;
  private final String modelName;
  private final Duration timeout;
  private final Executor calls;

  LlmClient(
      StreamingChatModel model,
      String provider,
      String modelName,
      Duration timeout,
      Executor calls) {
    this.model = model;
    this.provider = provider;
    this.modelName = modelName;
    this.timeout = timeout;
    this.calls = calls;
  }

  String provider() {
    return provider;
  }

  String modelName() {
    return modelName;
  }

  /** Streams the reply and waits for it; see {@link #start}. */
  Completion complete(Prompt prompt, Asker asker) throws LlmUnavailableException {
    return start(prompt, asker, text -> {}).await();
  }

  /**
   * Sends the prompt and returns at once; the reply streams in the background, passing the text
   * written so far to {@code onText} on the thread that reads the stream, so {@code onText} must
   * not block. The timeout counts from now.
   */
  Pending start(Prompt prompt, Asker asker, Consumer<String> onText) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuilder written = new StringBuilder();
    UsageRecorder.Call call = new UsageRecorder.Call(asker);
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
            .build();
    StreamingChatResponseHandler handler =
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            call.streamed(partial.text().length());
            if (done.isDone()) {
              // Too late: the exchange is closed at the deadline by DeadlineHttpClient. Cancelling
              // through the handle instead would silence langchain4j's listeners, and with them
              // the record of the tokens this call cost.
              return;
            }
            String soFar;
            synchronized (written) {
              written.append(partial.text());
              soFar = written.toString();
            }
            onText.accept(soFar);
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        };
    try {
      calls.execute(
          () -> {
            try {
              model.chat(request, call.options(), handler);
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return new Pending(done, written, deadline);
  }

  /** A reply on its way. */
  final class Pending {
    private final CompletableFuture<ChatResponse> done;
    private final StringBuilder written;
    private final long deadline;

    private Pending(CompletableFuture<ChatResponse> done, StringBuilder written, long deadline) {
      this.done = done;
      this.written = written;
      this.deadline = deadline;
    }

    /** Waits for the whole reply until the deadline, then gives up. */
    Completion await() throws LlmUnavailableException {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        ChatResponse response = done.get(left, TimeUnit.NANOSECONDS);
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
          synchronized (written) {
            text = written.toString();
          }
        }
        return new Completion(text);
      } catch (TimeoutException e) {
        done.cancel(true);
        throw new LlmUnavailableException(
            LlmUnavailableException.Reason.TIMEOUT,
            provider + " did not finish within " + timeout.toMillis() + " ms",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmUnavailableException(
            LlmUnavailableException.Reason.TIMEOUT, "interrupted while waiting for " + provider, e);
      } catch (ExecutionException e) {
        throw classify(e.getCause());
      }
    }
  }

  private LlmUnavailableException classify(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    LlmUnavailableException.Reason reason = LlmUnavailableException.Reason.PROVIDER_ERROR;
    String what = cause.getClass().getSimpleName();
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof HttpException http) {
        what = "HTTP " + http.statusCode();
        break;
      }
    }
    if (cause instanceof RateLimitException
        || cause instanceof HttpException http && http.statusCode() == 429) {
      reason = LlmUnavailableException.Reason.RATE_LIMITED;
    } else if (cause instanceof dev.langchain4j.exception.TimeoutException
        || cause instanceof java.net.http.HttpTimeoutException) {
      reason = LlmUnavailableException.Reason.TIMEOUT;
    }
    return new LlmUnavailableException(reason, provider + " failed: " + what, cause);
  }
}
