package org.scalingcoach.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.assistant.AssistantThread;
import com.slack.api.model.assistant.SuggestedPrompt;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AssistantThreadContextChangedEvent;
import com.slack.api.model.event.AssistantThreadStartedEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import java.util.Set;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Welcome;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.store.AssistantThreadStore;
import org.scalingcoach.store.HandledEventStore;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.Place;

/**
 * Translates Slack events into questions: mentions, direct messages, follow-ups in threads the
 * coach answered, the App Home and the assistant panel. Every handler acknowledges at once and
 * leaves the work to {@link BackgroundWork}.
 */
final class SlackEvents {
  private final BackgroundWork work;
  private final SlackAnswerer answerer;
  private final HandledEventStore handled;
  private final SlackAnswerStore answers;
  private final Home home;
  private final SlackWebApi slack;
  private final AssistantThreadStore assistantThreads;

  /** The parts of a person's App Home. */
  interface Home {
    List<Reply> parts(String team, String user);
  }

  /** Takes replies in experts' threads before they could be read as questions. */
  interface ThreadReplies {
    boolean take(MessageEvent event);
  }

  private volatile ThreadReplies expertThreads = event -> false;

  SlackEvents(
      BackgroundWork work,
      SlackAnswerer answerer,
      HandledEventStore handled,
      SlackAnswerStore answers,
      Home home,
      SlackWebApi slack,
      AssistantThreadStore assistantThreads) {
    this.assistantThreads = assistantThreads;
    this.work = work;
    this.answerer = answerer;
    this.handled = handled;
    this.answers = answers;
    this.home = home;
    this.slack = slack;
  }

  void divertThreadReplies(ThreadReplies replies) {
    this.expertThreads = replies;
  }

  void register(App app) {
    app.event(
        AppMentionEvent.class,
        (request, context) -> {
          String team = request.getTeamId();
          String eventId = request.getEventId();
          AppMentionEvent event = request.getEvent();
          String bot = context.getBotUserId();
          work.submit("answer mention " + eventId, () -> onMention(team, eventId, event, bot));
          return context.ack();
        });
    app.event(
        MessageEvent.class,
        (request, context) -> {
          String team = request.getTeamId();
          String eventId = request.getEventId();
          MessageEvent event = request.getEvent();
          String bot = context.getBotUserId();
          work.submit("answer message " + eventId, () -> onMessage(team, eventId, event, bot));
          return context.ack();
        });
    app.event(
        AppHomeOpenedEvent.class,
        (request, context) -> {
          String team = request.getTeamId();
          AppHomeOpenedEvent event = request.getEvent();
          if ("home".equals(event.getTab())) {
            work.submit("publish home for " + event.getUser(), () -> publishHome(team, event));
          }
          return context.ack();
        });
    app.event(
        AssistantThreadStartedEvent.class,
        (request, context) -> {
          String team = request.getTeamId();
          AssistantThreadStartedEvent event = request.getEvent();
          work.submit(
              "suggest prompts",
              () -> {
                rememberContext(team, event.getAssistantThread());
                suggestPrompts(event);
              });
          return context.ack();
        });
    app.event(
        AssistantThreadContextChangedEvent.class,
        (request, context) -> {
          String team = request.getTeamId();
          AssistantThread thread = request.getEvent().getAssistantThread();
          work.submit("remember the assistant's channel", () -> rememberContext(team, thread));
          return context.ack();
        });
  }

  private void onMention(String team, String eventId, AppMentionEvent event, String botUserId) {
    if (event.getBotId() != null || event.getUser() == null) {
      return; // never answer bots, ourselves included: no loops
    }
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    if (!firstDelivery(team, eventId, event.getChannel(), event.getTs())) {
      return;
    }
    String question = IncomingText.question(event.getText(), botUserId);
    var destination = new Destination.Conversation(event.getChannel(), thread, false);
    ask(team, event.getUser(), question, destination);
  }

  private void onMessage(String team, String eventId, MessageEvent event, String botUserId) {
    if (event.getBotId() != null || event.getUser() == null || event.getUser().equals(botUserId)) {
      return;
    }
    Destination.Conversation destination;
    if ("im".equals(event.getChannelType())) {
      boolean threaded = event.getThreadTs() != null;
      destination = new Destination.Conversation(event.getChannel(), event.getThreadTs(), threaded);
    } else {
      boolean mentioned =
          event.getText() != null && event.getText().contains("<@" + botUserId + ">");
      if (event.getThreadTs() == null || mentioned) {
        return; // top-level chatter is not for us; mentions arrive as app_mention
      }
      if (expertThreads.take(event)) {
        return; // an expert answering in the thread of a question the coach handed over
      }
      Set<String> askers =
          answers.askersIn(new Place(team, event.getChannel(), event.getThreadTs()));
      if (askers.isEmpty()
          || !org.scalingcoach.conversation.ThreadReplies.forTheCoach(
              event.getText() == null ? null : IncomingText.question(event.getText(), null),
              IncomingText.addressedToSomeoneElse(event.getText(), botUserId),
              event.getUser(),
              askers)) {
        return; // not our thread, or colleagues talking to each other under an answer
      }
      destination = new Destination.Conversation(event.getChannel(), event.getThreadTs(), false);
    }
    if (!firstDelivery(team, eventId, event.getChannel(), event.getTs())) {
      return;
    }
    ask(team, event.getUser(), IncomingText.question(event.getText(), botUserId), destination);
  }

  private void ask(String team, String user, String question, Destination.Conversation where) {
    answerer.converse(
        SlackTurns.typed(team, user, where, question), where, AnswerBlocks.Options.PLAIN);
  }

  /**
   * Claims the delivery by its event id and by the message it carries, so a retry, or the mention
   * and message events of one message, produce a single answer.
   */
  private boolean firstDelivery(String team, String eventId, String channel, String ts) {
    return handled.claim(team, List.of("event:" + eventId, "message:" + channel + ":" + ts));
  }

  private void publishHome(String team, AppHomeOpenedEvent event) {
    var view = HomeView.of(home.parts(team, event.getUser()));
    slack.call(
        "views.publish", client -> client.viewsPublish(r -> r.userId(event.getUser()).view(view)));
  }

  /** Keeps the channel the person is viewing beside the assistant thread. */
  private void rememberContext(String team, AssistantThread thread) {
    if (thread == null || thread.getChannelId() == null || thread.getThreadTs() == null) {
      return;
    }
    String viewing = thread.getContext() == null ? null : thread.getContext().getChannelId();
    assistantThreads.remember(
        team, thread.getChannelId(), thread.getThreadTs(), thread.getUserId(), viewing);
  }

  private void suggestPrompts(AssistantThreadStartedEvent event) {
    var thread = event.getAssistantThread();
    List<SuggestedPrompt> prompts =
        Welcome.EXAMPLES.stream().map(q -> new SuggestedPrompt(q, q)).toList();
    slack.call(
        "assistant.threads.setSuggestedPrompts",
        client ->
            client.assistantThreadsSetSuggestedPrompts(
                r ->
                    r.channelId(thread.getChannelId())
                        .threadTs(thread.getThreadTs())
                        .title("Ask me about scaling AI in your company")
                        .prompts(prompts)));
  }
}
