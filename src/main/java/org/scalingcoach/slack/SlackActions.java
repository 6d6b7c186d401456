package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scalingcoach.conversation.AnswerReplies;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.ExpertTurns;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.conversation.Welcome;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.StoredAnswer;

/**
 * Every click in Slack, buttons and pickers alike, in one handler: read with the one {@link
 * ButtonCode} into the core's action, then handled here (votes, follow-ups, examples, sharing) or
 * by the audits and the experts; a button no release of the coach knows gets a clear answer.
 */
final class SlackActions {

  private final BackgroundWork work;
  private final SlackAnswerer answerer;
  private final SlackAnswerStore answers;
  private final ConversationService conversation;
  private final SlackWebApi slack;
  private volatile SlackAudits audits;
  private volatile SlackExperts experts;

  SlackActions(
      BackgroundWork work,
      SlackAnswerer answerer,
      SlackAnswerStore answers,
      ConversationService conversation,
      SlackWebApi slack) {
    this.work = work;
    this.answerer = answerer;
    this.answers = answers;
    this.conversation = conversation;
    this.slack = slack;
  }

  void withAudits(SlackAudits audits) {
    this.audits = audits;
  }

  void withExperts(SlackExperts experts) {
    this.experts = experts;
  }

  void register(App app) {
    app.blockAction(
        Pattern.compile(".*"),
        (request, context) -> {
          click(request.getPayload());
          return context.ack();
        });
  }

  /** Runs at the door: what needs Slack's Web API is left to the background work. */
  private void click(BlockActionPayload payload) {
    BlockActionPayload.Action clicked = payload.getActions().get(0);
    String id = clicked.getActionId();
    if (id.equals(AnswerBlocks.SHARE)) {
      work.submit("share an answer", () -> share(payload));
      return;
    }
    SlackAudits audits = this.audits;
    if (id.equals(ButtonCode.Audits.SHARE) && audits != null) {
      audits.sharePicked(payload);
      return;
    }
    Turn.Action action = ButtonCode.action(id, clicked.getValue()).orElse(ButtonCode.UNKNOWN);
    String name = action.name();
    SlackExperts experts = this.experts;
    if (name.equals(AnswerReplies.ASK)) {
      work.submit("answer a clicked question", () -> askClicked(payload, action));
    } else if (name.startsWith("audit-") && audits != null) {
      audits.click(payload, action);
    } else if (ExpertTurns.handles(name) && experts != null) {
      experts.click(payload, action);
    } else {
      // A vote, or a button no release reads (or of a feature that is off): the core decides,
      // and the clicker alone sees what it says.
      work.submit("answer a click", () -> noted(payload, action));
    }
  }

  private void noted(BlockActionPayload payload, Turn.Action action) {
    String channel = payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    String user = payload.getUser().getId();
    Destination where =
        payload.getResponseUrl() != null
            ? new Destination.ResponseUrl(payload.getResponseUrl(), channel)
            : new Destination.Conversation(user, null, false);
    Turn click = SlackTurns.clicked(payload.getTeam().getId(), user, where, action);
    answerer.converse(click, where, AnswerBlocks.Options.PLAIN);
  }

  /**
   * A click that asks a question: a suggested follow-up under an answer (answered where it was
   * clicked), or an example (answered in the person's DM, whichever view it is clicked in).
   */
  private void askClicked(BlockActionPayload payload, Turn.Action action) {
    String user = payload.getUser().getId();
    Destination where;
    BlockActionPayload.Container container = payload.getContainer();
    if (!action.value(Welcome.EXAMPLE).isEmpty()) {
      where = new Destination.Conversation(user, null, false);
    } else if (container == null || container.getChannelId() == null) {
      return; // a follow-up button is only ever in a message, which has a channel
    } else if (container.isEphemeral()) {
      where = new Destination.ResponseUrl(payload.getResponseUrl(), container.getChannelId());
    } else {
      String channel = container.getChannelId();
      String threadTs =
          container.getThreadTs() != null ? container.getThreadTs() : container.getMessageTs();
      boolean assistant = channel.startsWith("D") && container.getThreadTs() != null;
      where = new Destination.Conversation(channel, threadTs, assistant);
    }
    Turn click = SlackTurns.clicked(payload.getTeam().getId(), user, where, action);
    boolean ephemeral = where instanceof Destination.ResponseUrl;
    answerer.converse(click, where, new AnswerBlocks.Options(user, ephemeral));
  }

  private void share(BlockActionPayload payload) {
    String team = payload.getTeam().getId();
    String answerId = payload.getActions().get(0).getValue();
    String channel = payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    Turn click =
        SlackTurns.clicked(
            team,
            payload.getUser().getId(),
            new Destination.ResponseUrl(payload.getResponseUrl(), channel),
            new Turn.Action(AnswerBlocks.SHARE, Map.of("answer", answerId)));
    if (!conversation.firstClick(click)) {
      return; // a double click shares once
    }
    Optional<StoredAnswer> stored = answers.find(team, answerId);
    if (stored.isEmpty()) {
      slack.respond(payload.getResponseUrl(), ephemeral(ConversationService.ANSWER_GONE));
      return;
    }
    var answer = stored.get().answer();
    slack.respond(
        payload.getResponseUrl(),
        ActionResponse.builder()
            .responseType("in_channel")
            .replaceOriginal(false)
            .text(AnswerBlocks.fallbackText(answer))
            .blocks(
                AnswerBlocks.answer(
                    answer, answerId, new AnswerBlocks.Options(payload.getUser().getId(), false)))
            .build());
    slack.respond(payload.getResponseUrl(), ActionResponse.builder().deleteOriginal(true).build());
  }

  private static ActionResponse ephemeral(String text) {
    return ActionResponse.builder()
        .responseType("ephemeral")
        .replaceOriginal(false)
        .text(text)
        .build();
  }
}
