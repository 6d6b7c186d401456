package org.scalingcoach.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatStartStreamResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.model.Message;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.scalingcoach.delivery.DeliveryScope;
import org.scalingcoach.delivery.ProcessorSlots;
import org.scalingcoach.delivery.Retry;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the coach makes, each retried after {@code Retry-After} when Slack answers 429,
 * with a growing pause when Slack answers 5xx or the connection fails (for a call that posts a
 * message, only when it cannot have reached Slack), and turned into a {@link SlackCallFailed} when
 * Slack answers {@code ok: false}.
 */
public final class SlackWebApi {
  private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  /** Calls that change nothing when repeated, so a dropped connection can be retried safely. */
  private static final java.util.Set<String> REPEATABLE =
      java.util.Set.of(
          "auth.test",
          "files.getUploadURLExternal",
          "files.completeUploadExternal",
          "views.publish",
          "chat.update",
          "assistant.threads.setStatus",
          "assistant.threads.setSuggestedPrompts");

  /** Calls that only read, so they say nothing about whether a reply went out. */
  private static final Set<String> READ_ONLY =
      Set.of("auth.test", "conversations.replies", "conversations.history", "conversations.open");

  /** The event type of the metadata that marks each message of a delivery's reply. */
  static final String MARK_EVENT = "scaling_coach_reply";

  /** How many of a conversation's latest messages are searched for an interrupted one. */
  private static final int READ_BACK = 100;

  /**
   * Calls that each put a new message (or file) in the chat: counted as the delivery's messages,
   * and skipped when a delivery redone after a crash had already sent them. The others only change
   * what is there and are simply made again.
   */
  private static final Set<String> NEW_MESSAGE =
      Set.of("chat.postMessage", "chat.startStream", "files.completeUploadExternal");

  private final SharedGsonMethodsClient client;
  private final SlackHttpClient http;
  private final Retry retry;

  /** One Web API call on the bot's client. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T run(MethodsClient client) throws IOException, SlackApiException;
  }

  /** {@code sleeper} waits between attempts: four in all, 0.5 s, 1 s, 2 s apart after a 5xx. */
  public SlackWebApi(Slack slack, String botToken, Retry.Sleeper sleeper) {
    this.client = new SharedGsonMethodsClient(slack, botToken, this::postedBefore);
    this.http = slack.getHttpClient();
    this.retry = new Retry(4, Duration.ofMillis(500), sleeper);
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
    if (NEW_MESSAGE.contains(method)) {
      @SuppressWarnings("unchecked") // the method names the response type
      T sent =
          DeliveryScope.newMessage(
              () -> attempt(method, call),
              SlackWebApi::messageRef,
              ref -> (T) sentBefore(method, ref));
      return sent;
    }
    if (!READ_ONLY.contains(method)) {
      DeliveryScope.beforeSending();
    }
    return attempt(method, call);
  }

  private <T extends SlackApiTextResponse> T attempt(String method, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        T response =
            ProcessorSlots.<T, IOException, SlackApiException>whileWaiting(
                () -> {
                  long asked = System.nanoTime();
                  T answered = call.run(client);
                  CoachMetrics.apiLatency("slack", method, System.nanoTime() - asked);
                  return answered;
                });
        CoachMetrics.apiCall("slack", method, response.isOk() ? "ok" : response.getError());
        if (!response.isOk()) {
          throw new SlackCallFailed(method, response.getError(), null);
        }
        if (response.getWarning() != null) {
          log.debug("Slack {} warned: {}", method, response.getWarning());
        }
        return response;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429 && retry.another(attempt)) {
          CoachMetrics.apiRetry("slack", method);
          waitBeforeRetry(method, e.getResponse().header("Retry-After"), attempt);
        } else if (status >= 500 && retry.another(attempt)) {
          CoachMetrics.apiRetry("slack", method);
          backOff(method, "HTTP " + status, attempt);
        } else {
          CoachMetrics.apiCall("slack", method, "http_" + status);
          throw new SlackCallFailed(method, "HTTP " + status, e);
        }
      } catch (IOException e) {
        boolean safe = REPEATABLE.contains(method) || e instanceof java.net.ConnectException;
        if (!safe || !retry.another(attempt)) {
          CoachMetrics.apiCall("slack", method, "io_error");
          throw new SlackCallFailed(method, e.getMessage(), e);
        }
        CoachMetrics.apiRetry("slack", method);
        backOff(method, e.toString(), attempt);
      }
    }
  }

  /**
   * Called just before a message is posted. A message of a delivery's reply is marked (message
   * metadata, which people do not see, derived from the delivery and the message's place in its
   * reply); when a crash may have let this very message out without its {@code ts} being recorded,
   * the conversation is read for the mark first. Found, Slack's answer is rebuilt from the message
   * and nothing is posted; not found, or when the conversation cannot be read, the message is
   * posted, since a duplicate is better than a loss.
   */
  private Optional<ChatPostMessageResponse> postedBefore(ChatPostMessageRequest request) {
    Optional<DeliveryScope.NextMessage> next = DeliveryScope.nextMessage();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    String mark = next.get().mark();
    if (request.getMetadata() == null && request.getMetadataAsString() == null) {
      request.setMetadata(
          Message.Metadata.builder()
              .eventType(MARK_EVENT)
              .eventPayload(Map.of("mark", mark))
              .build());
    }
    long delivery = next.get().delivery().id();
    if (!next.get().mayAlreadyBeOut() || request.getChannel() == null) {
      return Optional.empty();
    }
    try {
      String channel = conversation(request.getChannel());
      String thread = request.getThreadTs();
      List<Message> messages =
          thread == null
              ? call(
                      "conversations.history",
                      c ->
                          c.conversationsHistory(
                              r -> r.channel(channel).limit(READ_BACK).includeAllMetadata(true)))
                  .getMessages()
              : call(
                      "conversations.replies",
                      c ->
                          c.conversationsReplies(
                              r ->
                                  r.channel(channel)
                                      .ts(thread)
                                      .limit(READ_BACK)
                                      .includeAllMetadata(true)))
                  .getMessages();
      Optional<Message> found =
          messages == null
              ? Optional.empty()
              : messages.stream().filter(m -> carries(m, mark)).findFirst();
      if (found.isPresent()) {
        log.info(
            "Slack delivery {}: message {} of its reply is in the conversation ({}); not posted"
                + " again",
            delivery,
            next.get().index(),
            found.get().getTs());
        ChatPostMessageResponse posted = new ChatPostMessageResponse();
        posted.setOk(true);
        posted.setChannel(channel);
        posted.setTs(found.get().getTs());
        posted.setMessage(found.get());
        return Optional.of(posted);
      }
      log.info(
          "Slack delivery {}: message {} of its interrupted reply is not in the conversation;"
              + " posting it",
          delivery,
          next.get().index());
    } catch (RuntimeException e) {
      log.warn(
          "Slack delivery {}: cannot tell whether message {} of its interrupted reply went out"
              + " ({}); posting it again rather than risk losing it",
          delivery,
          next.get().index(),
          e.toString());
    }
    return Optional.empty();
  }

  /** The conversation a post to {@code channel} lands in: a user id posts to the app's DM. */
  private String conversation(String channel) {
    if (!channel.startsWith("U") && !channel.startsWith("W")) {
      return channel;
    }
    return call("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(channel))))
        .getChannel()
        .getId();
  }

  private static boolean carries(Message message, String mark) {
    Message.Metadata metadata = message.getMetadata();
    return metadata != null
        && MARK_EVENT.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && mark.equals(String.valueOf(metadata.getEventPayload().get("mark")));
  }

  /** What a delivery records for a new message: {@code channel/ts} when Slack gave them. */
  private static String messageRef(SlackApiTextResponse response) {
    if (response instanceof ChatPostMessageResponse posted && posted.getTs() != null) {
      return posted.getChannel() + "/" + posted.getTs();
    }
    if (response instanceof ChatStartStreamResponse started && started.getTs() != null) {
      return started.getChannel() + "/" + started.getTs();
    }
    return null;
  }

  /** The answer a call would have had, for a message an earlier try already sent. */
  private static SlackApiTextResponse sentBefore(String method, String ref) {
    int slash = ref.lastIndexOf('/');
    String channel = slash > 0 ? ref.substring(0, slash) : null;
    String ts = slash >= 0 ? ref.substring(slash + 1) : ref;
    SlackApiTextResponse response =
        switch (method) {
          case "chat.postMessage" -> {
            ChatPostMessageResponse posted = new ChatPostMessageResponse();
            posted.setChannel(channel);
            posted.setTs(ts);
            yield posted;
          }
          case "chat.startStream" -> {
            ChatStartStreamResponse started = new ChatStartStreamResponse();
            started.setChannel(channel);
            started.setTs(ts);
            yield started;
          }
          default -> new FilesCompleteUploadExternalResponse();
        };
    response.setOk(true);
    log.info("Slack {} skipped: an earlier try of this delivery sent it ({})", method, ref);
    return response;
  }

  /** Posts to an interaction's or slash command's {@code response_url}. */
  public void respond(String responseUrl, ActionResponse response) {
    if (responseUrl == null) {
      log.info("nothing to answer through: the request had no response_url");
      return;
    }
    DeliveryScope.newMessage(
        () -> {
          post(responseUrl, response);
          return null;
        },
        posted -> null,
        ref -> {
          log.info("response_url post skipped: an earlier try of this delivery sent it");
          return null;
        });
  }

  private void post(String responseUrl, ActionResponse response) {
    for (int attempt = 1; ; attempt++) {
      WebhookResponse result;
      try {
        result = send(responseUrl, response);
      } catch (IOException e) {
        throw new SlackCallFailed("response_url", e.getMessage(), e);
      }
      int status = result.getCode();
      if (status == 429 && retry.another(attempt)) {
        waitBeforeRetry("response_url", retryAfter(result), attempt);
        continue;
      }
      if (status / 100 != 2) {
        throw new SlackCallFailed("response_url", "HTTP " + status + " " + result.getBody(), null);
      }
      return;
    }
  }

  /**
   * What the SDK's {@code ActionResponseSender} does, but writing the JSON with the shared Gson:
   * the SDK builds a new one for each body it writes.
   */
  private WebhookResponse send(String responseUrl, ActionResponse response) throws IOException {
    try (okhttp3.Response sent = http.postJsonBody(responseUrl, client.gson().toJson(response))) {
      String body = sent.body() == null ? "" : sent.body().string();
      http.runHttpResponseListeners(sent, body);
      return WebhookResponse.builder()
          .code(sent.code())
          .message(sent.message())
          .body(body)
          .headers(sent.headers().toMultimap())
          .build();
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

  /** Waits 0.5 s, 1 s, 2 s … before another attempt after a transient failure. */
  void backOff(String what, String failure, int attempt) {
    Duration wait = retry.backoff(attempt);
    log.warn("Slack {} failed ({}); retry {} in {} ms", what, failure, attempt, wait.toMillis());
    pause(what, wait);
  }

  /** How calls are retried, for uploads made beside the Web API. */
  Retry retry() {
    return retry;
  }

  private void waitBeforeRetry(String method, String retryAfter, int attempt) {
    Duration wait = Retry.retryAfter(retryAfter).filter(w -> w.toSeconds() >= 1).orElse(ONE_SECOND);
    log.warn("Slack {} is rate limited; retry {} in {} s", method, attempt, wait.toSeconds());
    pause(method, wait);
  }

  private void pause(String what, Duration wait) {
    try {
      retry.pause(wait);
    } catch (Retry.Interrupted e) {
      throw new SlackCallFailed(what, e.getMessage(), e);
    }
  }
}
