package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Optional;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.conversation.ExpertTurns;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.StoredAnswer;

/**
 * "Ask an expert" in Slack: the clicks {@link SlackActions} reads, the dialogs Slack needs for the
 * words (a message holds no form) and replies in the experts' threads, translated into the core's
 * {@link ExpertTurns}, which decide; this class opens the dialogs and shows the outcome.
 */
final class SlackExperts {
  static final String ASK_VIEW = "coach_expert_ask_view";
  static final String ANSWER_VIEW = "coach_expert_answer_view";
  static final String NOT_FOR_US_VIEW = "coach_expert_not_for_us_view";
  private static final String EPHEMERAL_THREAD = "ephemeral";

  private final ExpertTurns experts;
  private final SlackAnswerStore answers;
  private final BackgroundWork work;
  private final SlackWebApi slack;
  private final ConversationService service;

  SlackExperts(
      ConversationService service,
      SlackAnswerStore answers,
      BackgroundWork work,
      SlackWebApi slack) {
    this.service = service;
    this.experts = service.experts();
    this.answers = answers;
    this.work = work;
    this.slack = slack;
  }

  void register(App app) {
    app.viewSubmission(
        ASK_VIEW,
        (request, context) -> {
          var payload = request.getPayload();
          String team = payload.getTeam().getId();
          String user = payload.getUser().getId();
          String answerId = payload.getView().getPrivateMetadata();
          String text = typed(payload.getView().getState());
          work.submit("ask the experts", () -> ask(team, user, answerId, text));
          return context.ack();
        });
    for (String view : new String[] {ANSWER_VIEW, NOT_FOR_US_VIEW}) {
      app.viewSubmission(
          view,
          (request, context) -> {
            var payload = request.getPayload();
            String action =
                view.equals(ANSWER_VIEW) ? ExpertReplies.ANSWER : ExpertReplies.NOT_FOR_US;
            return step(
                payload.getTeam().getId(),
                payload.getView().getPrivateMetadata(),
                payload.getUser().getId(),
                new Turn.Action(
                    action,
                    Map.of(ExpertReplies.inputKey(action), typed(payload.getView().getState()))),
                context);
          });
    }
  }

  /** A click on an expert button or on the offer to ask them, read by {@link SlackActions}. */
  void click(BlockActionPayload p, Turn.Action action) {
    Turn turn = turn(p.getTeam().getId(), p.getUser().getId(), action);
    switch (action.name()) {
      case ExpertReplies.ASK -> work.submit("open the ask-an-expert dialog", () -> openAsk(p));
      case ExpertReplies.ANSWER, ExpertReplies.NOT_FOR_US ->
          work.submit("open the " + action.name() + " dialog", () -> openStep(p, turn));
      default ->
          work.submit(
              action.name() + " by " + turn.user(), () -> tell(p, experts.click(turn, channel(p))));
    }
  }

  /**
   * A reply in the thread of an experts' message is that expert's answer. Returns true when the
   * thread is an experts' thread, so nobody else treats the reply as a question.
   */
  boolean onThreadReply(MessageEvent event) {
    if (event.getThreadTs() == null || event.getText() == null) {
      return false;
    }
    String text = event.getText().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return experts.threadReply(
        SlackExpertMessenger.reference(event.getChannel(), event.getThreadTs()),
        event.getUser(),
        event.getChannel(),
        text);
  }

  private void openAsk(BlockActionPayload p) {
    Optional<StoredAnswer> stored = answers.find(p.getTeam().getId(), value(p));
    if (stored.isEmpty()) {
      respond(p, ConversationService.ANSWER_GONE);
      return;
    }
    var view =
        SlackModals.of(
            ASK_VIEW,
            value(p),
            "Ask an expert",
            "The experts will see your question: _"
                + Mrkdwn.escape(stored.get().answer().question())
                + "_",
            ExpertReplies.ASK_PROMPT,
            SlackModals.TEXT_BLOCK);
    slack.call(
        "views.open", client -> client.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
  }

  private void ask(String team, String user, String answerId, String context) {
    Optional<StoredAnswer> stored = answers.find(team, answerId);
    if (stored.isEmpty()) {
      dm(user, ConversationService.ANSWER_GONE);
      return;
    }
    var place = stored.get().place();
    boolean ephemeral = EPHEMERAL_THREAD.equals(place.threadTs());
    Asker asker =
        new Asker(
            SlackTurns.PLATFORM,
            team,
            user,
            ephemeral ? user : place.channel(),
            ephemeral || place.threadTs() == null ? "" : place.threadTs());
    Outcome outcome = experts.ask(asker, stored.get().answer(), context);
    slack.call(
        "chat.postMessage",
        client ->
            client.chatPostMessage(
                r ->
                    r.channel(asker.conversation())
                        .threadTs(asker.thread().isEmpty() ? null : asker.thread())
                        .text("<@" + user + "> " + Mrkdwn.escape(outcome.message()))));
  }

  /** Opens the answer or not-for-us dialog, unless the question is already settled. */
  private void openStep(BlockActionPayload p, Turn click) {
    Optional<ExpertQuestion> question = experts.open(click);
    if (question.isEmpty()) {
      tell(p, experts.refusal(click, channel(p)));
      return;
    }
    boolean answering = click.action().name().equals(ExpertReplies.ANSWER);
    String metadata = question.get().id() + "\n" + channel(p);
    String asked = "*" + Mrkdwn.escape(question.get().question()) + "*";
    var view =
        answering
            ? SlackModals.of(
                ANSWER_VIEW,
                metadata,
                "Answer the question",
                asked,
                ExpertReplies.ANSWER_PROMPT,
                SlackModals.TEXT_BLOCK)
            : SlackModals.of(
                NOT_FOR_US_VIEW,
                metadata,
                "Not for us",
                asked + "\nIt goes on to the default experts; if there are none, it is declined.",
                ExpertReplies.NOT_FOR_US_PROMPT,
                SlackModals.TEXT_BLOCK);
    slack.call(
        "views.open", client -> client.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
  }

  /** An answer or a reason submitted: refused steps show the desk's words in the dialog. */
  private Response step(
      String team, String metadata, String user, Turn.Action typed, ViewSubmissionContext context) {
    String[] parts = metadata.split("\n", 2);
    Map<String, String> token = new java.util.HashMap<>(typed.token());
    token.put("id", parts[0]);
    Turn turn = turn(team, user, new Turn.Action(typed.name(), token));
    Outcome outcome = experts.click(turn, parts.length > 1 ? parts[1] : "");
    if (!outcome.changed()) {
      return context.ack(
          r ->
              r.responseAction("errors").errors(Map.of(SlackModals.TEXT_BLOCK, outcome.message())));
    }
    return context.ack();
  }

  private void tell(BlockActionPayload p, Outcome outcome) {
    respond(p, outcome.message());
  }

  private void respond(BlockActionPayload p, String text) {
    if (p.getResponseUrl() == null) {
      dm(p.getUser().getId(), text);
      return;
    }
    slack.respond(
        p.getResponseUrl(),
        ActionResponse.builder()
            .responseType("ephemeral")
            .replaceOriginal(false)
            .text(Mrkdwn.escape(text))
            .build());
  }

  private void dm(String user, String text) {
    slack.call(
        "chat.postMessage",
        client -> client.chatPostMessage(r -> r.channel(user).text(Mrkdwn.escape(text))));
  }

  /** An expert's click, seen by them alone (a reply in a dialog or ephemerally). */
  private static Turn turn(String team, String user, Turn.Action action) {
    return Turn.clicked(SlackTurns.PLATFORM, team, user, null, Turn.Kind.PERSONAL, null, action);
  }

  private static String channel(BlockActionPayload p) {
    if (p.getContainer() != null && p.getContainer().getChannelId() != null) {
      return p.getContainer().getChannelId();
    }
    return p.getChannel() == null ? "" : p.getChannel().getId();
  }

  private static String value(BlockActionPayload p) {
    return p.getActions().get(0).getValue();
  }

  private static String typed(ViewState state) {
    return SlackModals.typed(state, SlackModals.TEXT_BLOCK);
  }
}
