package org.scalingcoach.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.answer.Asker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the tokens of every model call, as langchain4j reports them to its listeners: the
 * provider's counts for a finished reply; for a call that timed out or broke off mid-stream (the
 * provider bills those too), an estimate from the prompt and the text streamed so far, marked
 * unfinished. Calls the provider refused (an HTTP error, no connection) cost nothing and are not
 * recorded. Writes happen on {@code bookkeeping}, so the database never delays a reply.
 */
final class UsageRecorder implements ChatModelListener {
  private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);
  private static final String CALL = "scalingcoach.call";

  /** A rough, provider-neutral size of a token in English text, for estimates only. */
  private static final int CHARS_PER_TOKEN = 4;

  /** Who a call is for, and how much text it has streamed so far. */
  static final class Call {
    private final Asker asker;
    private final AtomicInteger streamedChars = new AtomicInteger();

    Call(Asker asker) {
      this.asker = asker;
    }

    void streamed(int chars) {
      streamedChars.addAndGet(chars);
    }

    /** The options that hand this call to the listener. */
    ChatRequestOptions options() {
      return ChatRequestOptions.builder().addListenerAttribute(CALL, this).build();
    }
  }

  private final TokenUsageLog usage;
  private final String provider;
  private final String model;
  private final Clock clock;
  private final Executor bookkeeping;

  UsageRecorder(
      TokenUsageLog usage, String provider, String model, Clock clock, Executor bookkeeping) {
    this.usage = usage;
    this.provider = provider;
    this.model = model;
    this.clock = clock;
    this.bookkeeping = bookkeeping;
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    Call call = call(context.attributes());
    if (call == null) {
      return;
    }
    dev.langchain4j.model.output.TokenUsage tokens = context.chatResponse().tokenUsage();
    int input = count(tokens == null ? null : tokens.inputTokenCount());
    int output = count(tokens == null ? null : tokens.outputTokenCount());
    record(call, input, output, true);
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    Call call = call(context.attributes());
    if (call == null || !billed(context.error())) {
      return;
    }
    int promptChars = 0;
    for (ChatMessage message : context.chatRequest().messages()) {
      if (message instanceof SystemMessage system) {
        promptChars += system.text().length();
      } else if (message instanceof UserMessage user && user.hasSingleText()) {
        promptChars += user.singleText().length();
      }
    }
    record(call, estimate(promptChars), estimate(call.streamedChars.get()), false);
  }

  /** Whether the provider had the request when the call failed, so it may have billed it. */
  private static boolean billed(Throwable error) {
    boolean reachedModel = false;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException
          || cause instanceof ConnectException
          || cause instanceof HttpConnectTimeoutException) {
        return false;
      }
      reachedModel |= cause instanceof TimeoutException || cause instanceof IOException;
    }
    return reachedModel;
  }

  private void record(Call call, int input, int output, boolean finished) {
    TokenUsage row =
        new TokenUsage(
            call.asker.workspace(),
            call.asker.user(),
            provider,
            model,
            input,
            output,
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
            finished);
    bookkeeping.execute(
        () -> {
          try {
            usage.record(row);
          } catch (RuntimeException e) {
            // The answer is worth more to the asker than the bookkeeping.
            log.error("could not record token usage", e);
          }
        });
  }

  private static Call call(Map<Object, Object> attributes) {
    return attributes.get(CALL) instanceof Call call ? call : null;
  }

  private static int count(Integer tokens) {
    return tokens == null ? 0 : tokens;
  }

  private static int estimate(int chars) {
    return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }
}
