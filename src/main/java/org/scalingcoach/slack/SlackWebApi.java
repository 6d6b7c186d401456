package org.scalingcoach.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.scalingcoach.conversation.DeliveryScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the coach makes, each retried after {@code Retry-After} when Slack answers 429,
 * and turned into a {@link SlackCallFailed} when Slack answers {@code ok: false}.
 */
public final class SlackWebApi {
  private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
  private static final int MAX_ATTEMPTS = 4;
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** Calls that only read, so they say nothing about whether a reply went out. */
  private static final Set<String> READ_ONLY =
      Set.of("auth.test", "conversations.replies", "conversations.history");

  private final MethodsClient client;
  private final ActionResponseSender responses;
  private final Sleeper sleeper;

  /** Waits between attempts; tests may shorten it. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** One Web API call on the bot's client. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T run(MethodsClient client) throws IOException, SlackApiException;
  }

  public SlackWebApi(Slack slack, String botToken, Sleeper sleeper) {
    this.client = slack.methods(botToken);
    this.responses = new ActionResponseSender(slack);
    this.sleeper = sleeper;
  }

  /**
   * Calls {@code method} (its Slack name, such as {@code chat.postMessage}); the method must be
   * listed in {@link SlackScopes} so that the manifest asks for its scope.
   */
  public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    if (!SlackScopes.isListed(method)) {
      throw new IllegalArgumentException(
          "Slack method " + method + " is not listed in SlackScopes with the scope it needs");
    }
    if (!READ_ONLY.contains(method)) {
      DeliveryScope.beforeSending();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        T response = call.run(client);
        if (!response.isOk()) {
          throw new SlackCallFailed(method, response.getError(), null);
        }
        if (response instanceof ChatPostMessageResponse posted) {
          DeliveryScope.sent(posted.getTs());
        }
        if (response.getWarning() != null) {
          log.debug("Slack {} warned: {}", method, response.getWarning());
        }
        return response;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status != 429 || attempt == MAX_ATTEMPTS) {
          throw new SlackCallFailed(method, "HTTP " + status, e);
        }
        waitBeforeRetry(method, e.getResponse().header("Retry-After"), attempt);
      } catch (IOException e) {
        throw new SlackCallFailed(method, e.getMessage(), e);
      }
    }
  }

  /** Posts to an interaction's or slash command's {@code response_url}. */
  public void respond(String responseUrl, ActionResponse response) {
    DeliveryScope.beforeSending();
    for (int attempt = 1; ; attempt++) {
      WebhookResponse result;
      try {
        result = responses.send(responseUrl, response);
      } catch (IOException e) {
        throw new SlackCallFailed("response_url", e.getMessage(), e);
      }
      int status = result.getCode();
      if (status == 429 && attempt < MAX_ATTEMPTS) {
        waitBeforeRetry("response_url", retryAfter(result), attempt);
        continue;
      }
      if (status / 100 != 2) {
        throw new SlackCallFailed("response_url", "HTTP " + status + " " + result.getBody(), null);
      }
      DeliveryScope.sent("response_url");
      return;
    }
  }

  private static String retryAfter(WebhookResponse result) {
    if (result.getHeaders() == null) {
      return null;
    }
    return result.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Retry-After") && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  private void waitBeforeRetry(String method, String retryAfter, int attempt) {
    Duration wait = Duration.ofSeconds(1);
    if (retryAfter != null) {
      try {
        wait = Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.strip())));
      } catch (NumberFormatException e) {
        log.debug("unreadable Retry-After '{}' from Slack {}", retryAfter, method);
      }
    }
    if (wait.compareTo(MAX_WAIT) > 0) {
      wait = MAX_WAIT;
    }
    log.warn("Slack {} is rate limited; retry {} in {} s", method, attempt, wait.toSeconds());
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallFailed(method, "interrupted while waiting to retry", e);
    }
  }
}
