package org.scalingcoach.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a prompt to a streaming langchain4j model and waits for the whole reply, at most {@code
 * timeout}; turns every way the provider can fail into an {@link LlmUnavailableException}.
 */
final class LlmClient {
  private static final Logger log = LoggerFactory.getLogger(LlmClient.class);

  private final StreamingChatModel model;
  private final String provider;
  private final String modelName;
  private final Duration timeout;

  LlmClient(StreamingChatModel model, String provider, String modelName, Duration timeout) {
    this.model = model;
    this.provider = provider;
    this.modelName = modelName;
    this.timeout = timeout;
  }

  String provider() {
    return provider;
  }

  String modelName() {
    return modelName;
  }

  /** Streams the reply and waits for it; see {@link #start}. */
  Completion complete(Prompt prompt, Consumer<String> onText) throws LlmUnavailableException {
    return start(prompt, onText).await();
  }

  /**
   * Sends the prompt and returns at once; the reply streams in the background, passing the text
   * written so far to {@code onText} as it grows. The timeout counts from now.
   */
  Pending start(Prompt prompt, Consumer<String> onText) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    StringBuilder written = new StringBuilder();
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
            .build();
    try {
      model.chat(
          request,
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
              handle.set(context.streamingHandle());
              if (done.isDone()) {
                context.streamingHandle().cancel();
                return;
              }
              String soFar;
              synchronized (written) {
                written.append(partial.text());
                soFar = written.toString();
              }
              try {
                onText.accept(soFar);
              } catch (RuntimeException e) {
                log.warn("showing a partial answer failed; the final answer will still be sent", e);
              }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
              done.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return new Pending(done, handle, written, deadline);
  }

  /** A reply on its way. */
  final class Pending {
    private final CompletableFuture<ChatResponse> done;
    private final AtomicReference<StreamingHandle> handle;
    private final StringBuilder written;
    private final long deadline;

    private Pending(
        CompletableFuture<ChatResponse> done,
        AtomicReference<StreamingHandle> handle,
        StringBuilder written,
        long deadline) {
      this.done = done;
      this.handle = handle;
      this.written = written;
      this.deadline = deadline;
    }

    /** Waits for the whole reply until the deadline; then stops the stream and gives up. */
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
        TokenUsage usage = response.tokenUsage();
        Completion completion = new Completion(text, tokens(usage, true), tokens(usage, false));
        CoachMetrics.modelCall(
            provider, "ok", completion.inputTokens(), completion.outputTokens(), elapsed());
        return completion;
      } catch (TimeoutException e) {
        CoachMetrics.modelCall(provider, "timeout", 0, 0, elapsed());
        done.cancel(true);
        StreamingHandle streaming = handle.get();
        if (streaming != null) {
          streaming.cancel();
        }
        throw new LlmUnavailableException(
            LlmUnavailableException.Reason.TIMEOUT,
            provider + " did not finish within " + timeout.toMillis() + " ms",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmUnavailableException(
            LlmUnavailableException.Reason.TIMEOUT, "interrupted while waiting for " + provider, e);
      } catch (ExecutionException e) {
        LlmUnavailableException failure = classify(e.getCause());
        CoachMetrics.modelCall(
            provider, failure.reason().name().toLowerCase(java.util.Locale.ROOT), 0, 0, elapsed());
        throw failure;
      }
    }

    private long elapsed() {
      return System.nanoTime() - (deadline - timeout.toNanos());
    }
  }

  private LlmUnavailableException classify(Throwable error) {
    Throwable cause = error;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    LlmUnavailableException.Reason reason = LlmUnavailableException.Reason.PROVIDER_ERROR;
    if (cause instanceof RateLimitException
        || cause instanceof HttpException http && http.statusCode() == 429) {
      reason = LlmUnavailableException.Reason.RATE_LIMITED;
    } else if (cause instanceof dev.langchain4j.exception.TimeoutException
        || cause instanceof java.net.http.HttpTimeoutException) {
      reason = LlmUnavailableException.Reason.TIMEOUT;
    } else if (cause instanceof InternalServerException) {
      reason = LlmUnavailableException.Reason.PROVIDER_ERROR;
    }
    return new LlmUnavailableException(
        reason, provider + " failed: " + cause.getClass().getSimpleName(), cause);
  }

  private static int tokens(TokenUsage usage, boolean input) {
    if (usage == null) {
      return 0;
    }
    Integer count = input ? usage.inputTokenCount() : usage.outputTokenCount();
    return count == null ? 0 : count;
  }
}
