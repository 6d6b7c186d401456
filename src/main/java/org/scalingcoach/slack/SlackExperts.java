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
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.expert.ExpertChannel;
import org.scalingcoach.expert.ExpertDesk.Expert;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.StoredAnswer;

/**
 * "Ask an expert" in Slack: translates the buttons, modals, thread replies and {@code /coach my
 * questions} into steps of the {@link ExpertRelay}; every decision is the desk's.
 */
final class SlackExperts {
  static final String SENT = "Sent to the experts. You will get their answer here.";
  static final String ASK = "coach_" + ExpertReplies.ASK;
  static final String ANSWER = "coach_" + ExpertReplies.ANSWER;
  static final String NOT_FOR_US = "coach_" + ExpertReplies.NOT_FOR_US;
  static final String CLAIM = "coach_" + ExpertReplies.CLAIM;
  static final String DRAFT = "coach_" + ExpertReplies.DRAFT;
  static final String ASK_VIEW = "coach_expert_ask_view";
  static final String ANSWER_VIEW = "coach_expert_answer_view";
  static final String NOT_FOR_US_VIEW = "coach_expert_not_for_us_view";
  private static final String EPHEMERAL_THREAD = "ephemeral";

  private final ExpertRelay experts;
  private final SlackAnswerStore answers;
  private final BackgroundWork work;
  private final SlackWebApi slack;
  private final ConversationService service;

  SlackExperts(
      ExpertRelay experts,
      ConversationService service,
      SlackAnswerStore answers,
      BackgroundWork work,
      SlackWebApi slack) {
    this.service = service;
    this.experts = experts;
    this.answers = answers;
    this.work = work;
    this.slack = slack;
  }

  void register(App app, HomeView home) {
    app.blockAction(
        ASK,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          work.submit("open the ask-an-expert dialog", () -> openAsk(p));
          return context.ack();
        });
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
    app.blockAction(
        CLAIM,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          work.submit(
              "claim an expert question",
              () -> tellClicker(p, experts.claim(id(p), expert(p, channel(p)))));
          return context.ack();
        });
    app.blockAction(
        ANSWER,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          work.submit("open the answer dialog", () -> openStep(p, true));
          return context.ack();
        });
    app.blockAction(
        NOT_FOR_US,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          work.submit("open the not-for-us dialog", () -> openStep(p, false));
          return context.ack();
        });
    app.viewSubmission(
        ANSWER_VIEW,
        (request, context) ->
            step(
                request.getPayload().getView().getPrivateMetadata(),
                request.getPayload().getUser().getId(),
                typed(request.getPayload().getView().getState()),
                true,
                context));
    app.viewSubmission(
        NOT_FOR_US_VIEW,
        (request, context) ->
            step(
                request.getPayload().getView().getPrivateMetadata(),
                request.getPayload().getUser().getId(),
                typed(request.getPayload().getView().getState()),
                false,
                context));
    app.blockAction(
        DRAFT,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          work.submit(
              "draft knowledge from an expert answer",
              () -> tellClicker(p, experts.draft(id(p), p.getTeam().getId(), p.getUser().getId())));
          return context.ack();
        });
    home.add(this::homeSection);
  }

  /**
   * A reply in the thread of an experts' message is that expert's answer. Returns true when the
   * thread is an experts' thread, so nobody else treats the reply as a question.
   */
  boolean onThreadReply(MessageEvent event) {
    if (event.getThreadTs() == null || event.getText() == null) {
      return false;
    }
    Optional<ExpertQuestion> question =
        experts
            .desk()
            .byMessage(SlackExpertMessenger.reference(event.getChannel(), event.getThreadTs()));
    if (question.isEmpty()) {
      return false;
    }
    Expert expert = new Expert(new ExpertChannel("slack", event.getChannel()), event.getUser());
    String text =
        event.getText().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    if (!question.get().state().settled()) {
      experts.answer(question.get().id(), expert, text);
    }
    return true;
  }

  boolean available() {
    return experts.available();
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
            "slack",
            team,
            user,
            ephemeral ? user : place.channel(),
            ephemeral || place.threadTs() == null ? "" : place.threadTs());
    var answer = stored.get().answer();
    Outcome outcome =
        experts.ask(
            asker,
            answer.question(),
            context,
            answer.answered() ? answer.markdown() : "",
            answer.citations().stream().map(c -> c.title() + " › " + c.section()).toList(),
            Optional.ofNullable(answer.topic()));
    slack.call(
        "chat.postMessage",
        client ->
            client.chatPostMessage(
                r ->
                    r.channel(asker.conversation())
                        .threadTs(asker.thread().isEmpty() ? null : asker.thread())
                        .text("<@" + user + "> " + Mrkdwn.escape(outcome.message()))));
  }

  /** Opens the answer or not-for-us modal, unless the question is already settled. */
  private void openStep(BlockActionPayload p, boolean answering) {
    long id = id(p);
    Optional<ExpertQuestion> question = experts.desk().find(id);
    if (question.isEmpty() || question.get().state().settled()) {
      // The desk words why; a claim attempt on a settled question changes nothing and says so.
      tellClicker(p, experts.desk().claim(id, expert(p, channel(p))));
      return;
    }
    String metadata = id + "\n" + channel(p);
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

  /**
   * An answer or a not-for-us reason submitted: refused steps show the desk's words in the modal.
   */
  private Response step(
      String metadata, String user, String text, boolean answering, ViewSubmissionContext context) {
    String[] parts = metadata.split("\n", 2);
    long id = Long.parseLong(parts[0]);
    Expert expert = new Expert(new ExpertChannel("slack", parts.length > 1 ? parts[1] : ""), user);
    Outcome outcome =
        answering ? experts.answer(id, expert, text) : experts.notForUs(id, expert, text);
    if (!outcome.changed()) {
      return context.ack(
          r ->
              r.responseAction("errors").errors(Map.of(SlackModals.TEXT_BLOCK, outcome.message())));
    }
    return context.ack();
  }

  private Reply homeSection(String team, String user) {
    if (!experts.available() || experts.desk().askedBy("slack", team, user).isEmpty()) {
      return null;
    }
    return Reply.text(service.myQuestions(team, user));
  }

  private void tellClicker(BlockActionPayload p, Outcome outcome) {
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

  private static Expert expert(BlockActionPayload p, String channel) {
    return new Expert(new ExpertChannel("slack", channel), p.getUser().getId());
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

  private static long id(BlockActionPayload p) {
    try {
      return Long.parseLong(value(p));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String typed(ViewState state) {
    return SlackModals.typed(state, SlackModals.TEXT_BLOCK);
  }
}
