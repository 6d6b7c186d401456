package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Route;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.StoredAnswer;

/** Button clicks on answers and the App Home: feedback, follow-ups, sharing, example questions. */
final class SlackActions {

  private final BackgroundWork work;
  private final SlackAnswerer answerer;
  private final SlackAnswerStore answers;
  private final ConversationService conversation;
  private final SlackWebApi slack;

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

  void register(App app) {
    // The classic 👍/👎 buttons, and Slack's own feedback_buttons under a streamed answer.
    for (String vote :
        List.of(
            SlackButtons.FEEDBACK_UP, SlackButtons.FEEDBACK_DOWN, SlackButtons.FEEDBACK_BUTTONS)) {
      app.blockAction(
          vote,
          (request, context) -> {
            BlockActionPayload payload = request.getPayload();
            var clicked = payload.getActions().get(0);
            Turn.Action action = SlackButtons.vote(clicked.getActionId(), clicked.getValue());
            if (action != null) {
              work.submit("record feedback", () -> recordFeedback(payload, action));
            }
            return context.ack();
          });
    }
    app.blockAction(
        Pattern.compile(Pattern.quote(SlackButtons.FOLLOW_UP_PREFIX) + "\\d+"),
        (request, context) -> {
          BlockActionPayload payload = request.getPayload();
          work.submit("answer a follow-up click", () -> followUp(payload));
          return context.ack();
        });
    app.blockAction(
        AnswerBlocks.SHARE,
        (request, context) -> {
          BlockActionPayload payload = request.getPayload();
          work.submit("share an answer", () -> share(payload));
          return context.ack();
        });
    app.blockAction(
        Pattern.compile(Pattern.quote(HomeView.ASK_EXAMPLE_PREFIX) + "\\d+"),
        (request, context) -> {
          BlockActionPayload payload = request.getPayload();
          work.submit("answer an example question", () -> askExample(payload));
          return context.ack();
        });
  }

  private void recordFeedback(BlockActionPayload payload, Turn.Action action) {
    String channel = payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    // The thanks is ephemeral, seen by the voter alone.
    Turn vote =
        SlackTurns.clicked(
            payload.getTeam().getId(),
            payload.getUser().getId(),
            new Destination.ResponseUrl(payload.getResponseUrl(), channel),
            action);
    Reply reply = conversation.feedback(vote);
    if (payload.getResponseUrl() == null) {
      return;
    }
    // The core decides what the thanks offers (such as "Ask an expert" after a 👎).
    slack.respond(
        payload.getResponseUrl(),
        ActionResponse.builder()
            .responseType("ephemeral")
            .replaceOriginal(false)
            .text(SlackReplies.text(reply))
            .blocks(reply.blocks().isEmpty() ? null : SlackReplies.blocks(reply))
            .build());
  }

  /** A click that asks a question: a suggested follow-up under an answer, or an example. */
  private void askClicked(BlockActionPayload payload, Destination where, String askedBy) {
    String team = payload.getTeam().getId();
    String user = payload.getUser().getId();
    String question = payload.getActions().get(0).getValue();
    Turn click = SlackTurns.clicked(team, user, where, SlackButtons.ask(question));
    boolean ephemeral = where instanceof Destination.ResponseUrl;
    Route route = conversation.route(click);
    if (route instanceof Route.Ask ask) {
      answerer.answer(
          new SlackAnswerer.Ask(
              click, ask.question(), where, new AnswerBlocks.Options(askedBy, ephemeral)));
    } else if (route instanceof Route.Say say) {
      answerer.tell(where, say.reply());
    }
  }

  private void followUp(BlockActionPayload payload) {
    BlockActionPayload.Container container = payload.getContainer();
    String channel = container.getChannelId();
    if (channel == null) {
      return; // a follow-up button is only ever in a message, which has a channel
    }
    Destination destination;
    if (container.isEphemeral()) {
      destination = new Destination.ResponseUrl(payload.getResponseUrl(), channel);
    } else {
      String threadTs =
          container.getThreadTs() != null ? container.getThreadTs() : container.getMessageTs();
      boolean assistant = channel.startsWith("D") && container.getThreadTs() != null;
      destination = new Destination.Conversation(channel, threadTs, assistant);
    }
    askClicked(payload, destination, payload.getUser().getId());
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

  private void askExample(BlockActionPayload payload) {
    String user = payload.getUser().getId();
    askClicked(payload, new Destination.Conversation(user, null, false), user);
  }

  private static ActionResponse ephemeral(String text) {
    return ActionResponse.builder()
        .responseType("ephemeral")
        .replaceOriginal(false)
        .text(text)
        .build();
  }
}
