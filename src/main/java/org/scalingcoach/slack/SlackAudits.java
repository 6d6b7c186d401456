package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.Map;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.conversation.Command;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Route;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.delivery.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits in Slack, parsed into {@link Turn}s for the conversation service, which decides and places
 * the replies ({@link AuditTurns#place}); {@link SlackAnswerer} sends them, new messages in the
 * person's DM. Clicks, {@code /coach audit …} (whose acknowledgement is the core's first reply, the
 * slow ones following in the DM) and the subject dialog, Slack's form for the subject of an audit
 * started from the list. Slack gets its acknowledgement at once; the work runs in the background.
 */
final class SlackAudits {
  private static final Logger log = LoggerFactory.getLogger(SlackAudits.class);
  static final String SUBJECT_VIEW = "audit_subject";

  private final ConversationService conversation;
  private final AuditTurns turns;
  private final SlackAnswerer answerer;
  private final BackgroundWork work;
  private final SlackWebApi slack;

  SlackAudits(
      ConversationService conversation,
      AuditTurns turns,
      SlackAnswerer answerer,
      BackgroundWork work,
      SlackWebApi slack) {
    this.conversation = conversation;
    this.turns = turns;
    this.answerer = answerer;
    this.work = work;
    this.slack = slack;
  }

  /** The subject dialog; the clicks come through {@link SlackActions}. */
  void register(App app) {
    app.viewSubmission(
        SUBJECT_VIEW,
        (request, context) -> {
          var payload = request.getPayload();
          String subject = SlackModals.typed(payload.getView().getState(), "subject");
          if (subject == null || subject.isBlank()) {
            return context.ack(
                r ->
                    r.responseAction("errors")
                        .errors(Map.of("subject", "Please name what you are auditing.")));
          }
          Turn turn =
              Turn.clicked(
                  "slack",
                  payload.getTeam().getId(),
                  payload.getUser().getId(),
                  null,
                  Turn.Kind.PERSONAL, // a modal is seen by its opener only
                  null,
                  new Turn.Action(
                      AuditReplies.START,
                      Map.of("type", payload.getView().getPrivateMetadata(), "subject", subject)));
          run(turn, SlackAnswerer.Origin.direct(turn.user(), null), null);
          return context.ack();
        });
  }

  /**
   * {@code /coach audit …}, already allowed by the conversation service ({@code turn} is the slash
   * command, parsed by {@link SlashCommands}): the core's answer is the ephemeral acknowledgement,
   * and slow replies (the first question, the exports) go to the DM.
   */
  Response command(
      Turn turn, Command.Audit command, SlashCommandRequest request, SlashCommandContext context) {
    // Mentions stay in the text as <@U…>, where the core reads them.
    AuditTurns.Outcome outcome = turns.command(turn, command, List.of());
    if (outcome.later() != null) {
      var origin = SlackAnswerer.Origin.direct(turn.user(), request.getPayload().getResponseUrl());
      work.submit(
          "audit " + command.verb() + " by " + turn.user(),
          () ->
              safely(
                  origin, () -> turns.place(outcome.later().get(), answerer.outbox(turn, origin))));
      return context.ack(outcome.acknowledgement());
    }
    Reply reply = outcome.now().get(0);
    return context.ack(
        r ->
            r.responseType("ephemeral")
                .text(SlackReplies.text(reply))
                .blocks(SlackReplies.blocks(reply)));
  }

  /** A click on an audit button, read by {@link SlackActions}. */
  void click(BlockActionPayload p, Turn.Action action) {
    click(p, action, null);
  }

  /** A channel picked to share a report in; the report's id travels in the picker's block. */
  void sharePicked(BlockActionPayload p) {
    BlockActionPayload.Action action = p.getActions().get(0);
    String blockId = action.getBlockId() == null ? "" : action.getBlockId();
    String channel = action.getSelectedConversation();
    if (channel != null) { // else no channel was picked
      click(
          p,
          new Turn.Action(
              AuditReplies.REPORT, Map.of("audit", blockId.substring(blockId.indexOf(':') + 1))),
          channel);
    }
  }

  /** A click, answered where it came from; a shared report goes to {@code shareIn} instead. */
  private void click(BlockActionPayload p, Turn.Action action, String shareIn) {
    String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
    Turn turn =
        Turn.clicked(
            "slack", p.getTeam().getId(), p.getUser().getId(), channel, kind(p), null, action);
    SlackAnswerer.Origin origin =
        SlackAnswerer.Origin.direct(turn.user(), p.getResponseUrl())
            .clicked(channel, p.getContainer() == null ? null : p.getContainer().getMessageTs());
    if (action.name().equals(AuditReplies.START)
        && action.value("subject").isEmpty()
        && !(conversation.route(turn) instanceof Route.Say)) {
      work.submit(
          "open the audit subject dialog",
          () -> safely(origin, () -> openSubjectDialog(p.getTriggerId(), action.value("type"))));
      return;
    }
    run(turn, origin, shareIn);
  }

  private void run(Turn turn, SlackAnswerer.Origin origin, String shareIn) {
    work.submit(
        turn.action().name() + " by " + turn.user(),
        () ->
            safely(
                origin,
                () -> {
                  if (shareIn == null) {
                    conversation.converse(turn, answerer.outbox(turn, origin));
                  } else if (conversation.route(turn) instanceof Route.Say refused) {
                    answerer.outbox(turn, origin).note(refused.reply());
                  } else {
                    share(origin, turn, shareIn);
                  }
                }));
  }

  /** Runs an audit action for a person, telling them plainly when it cannot be done. */
  private void safely(SlackAnswerer.Origin origin, Runnable action) {
    try {
      action.run();
    } catch (AuditException e) {
      answerer.tell(origin.responseUrl(), origin.user(), Mrkdwn.escape(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("audit action failed for {}", origin.user(), e);
      answerer.tell(origin.responseUrl(), origin.user(), AuditTurns.SORRY);
    }
  }

  private void share(SlackAnswerer.Origin origin, Turn turn, String channel) {
    try {
      answerer.post(channel, turns.shared(turn));
      answerer.tell(origin.responseUrl(), origin.user(), "Shared in <#" + channel + ">.");
    } catch (SlackCallFailed e) {
      if (!"not_in_channel".equals(e.error()) && !"channel_not_found".equals(e.error())) {
        throw e;
      }
      answerer.tell(
          origin.responseUrl(),
          origin.user(),
          "I can't post in <#"
              + channel
              + "> yet: invite me there first with `/invite @Scaling Coach`.");
    }
  }

  /**
   * Who sees the message clicked: a DM, an ephemeral message, the App Home or a modal is the
   * person's own; a group DM is a group; anything else is a channel.
   */
  static Turn.Kind kind(BlockActionPayload p) {
    var container = p.getContainer();
    if (container == null || "view".equals(container.getType()) || container.isEphemeral()) {
      return Turn.Kind.PERSONAL;
    }
    String channel = container.getChannelId() == null ? "" : container.getChannelId();
    if (channel.startsWith("D")) {
      return Turn.Kind.PERSONAL;
    }
    String name = p.getChannel() == null ? null : p.getChannel().getName();
    return name != null && name.startsWith("mpdm-") ? Turn.Kind.GROUP : Turn.Kind.CHANNEL;
  }

  private void openSubjectDialog(String triggerId, String type) {
    AuditDefinition definition =
        turns
            .definition(type)
            .orElseThrow(
                () ->
                    new AuditException(
                        AuditException.Reason.UNKNOWN_TYPE,
                        "That audit is no longer available. Try /coach audit for the list."));
    View view =
        SlackModals.of(
            SUBJECT_VIEW,
            type,
            definition.title().length() > 24 ? "Start an audit" : definition.title(),
            Mrkdwn.escape(definition.summary()),
            AuditReplies.SUBJECT,
            "subject");
    slack.call("views.open", client -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
  }
}
