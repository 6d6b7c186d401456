package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import java.util.Map;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Route;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.delivery.BackgroundWork;

/**
 * Audit clicks in Slack, parsed into {@link Turn}s: each goes through the conversation service's
 * policy, then the core's {@code AuditTurns}, and its replies are sent by {@link
 * AuditConversation}. Slack gets its acknowledgement at once; the work runs in the background. Also
 * the subject dialog, Slack's form for the subject of an audit started from the list.
 */
final class SlackAudits {
  static final String SUBJECT_VIEW = "audit_subject";

  private final ConversationService conversation;
  private final AuditConversation sender;
  private final BackgroundWork work;
  private final SlackWebApi slack;

  SlackAudits(
      ConversationService conversation,
      AuditConversation sender,
      BackgroundWork work,
      SlackWebApi slack) {
    this.conversation = conversation;
    this.sender = sender;
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
          run(turn, AuditConversation.Origin.of(turn.user(), null), null);
          return context.ack();
        });
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

  /** A click, sent where it came from; a shared report goes to {@code shareIn} instead. */
  private void click(BlockActionPayload p, Turn.Action action, String shareIn) {
    String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
    Turn turn =
        Turn.clicked(
            "slack", p.getTeam().getId(), p.getUser().getId(), channel, kind(p), null, action);
    AuditConversation.Origin origin =
        new AuditConversation.Origin(
            turn.user(),
            p.getResponseUrl(),
            channel,
            p.getContainer() == null ? null : p.getContainer().getMessageTs());
    if (action.name().equals(AuditReplies.START)
        && action.value("subject").isEmpty()
        && !(conversation.route(turn) instanceof Route.Say)) {
      work.submit(
          "open the audit subject dialog",
          () ->
              sender.safely(
                  origin, () -> openSubjectDialog(p.getTriggerId(), action.value("type"))));
      return;
    }
    run(turn, origin, shareIn);
  }

  private void run(Turn turn, AuditConversation.Origin origin, String shareIn) {
    Route route = conversation.route(turn);
    if (route instanceof Route.Say refused) {
      work.submit(
          "refuse an audit click",
          () ->
              sender.tell(origin.responseUrl(), origin.user(), SlackReplies.text(refused.reply())));
      return;
    }
    work.submit(
        turn.action().name() + " by " + turn.user(),
        () ->
            sender.safely(
                origin,
                () -> {
                  if (shareIn == null) {
                    sender.send(origin, sender.turns().click(turn));
                  } else {
                    share(origin, turn, shareIn);
                  }
                }));
  }

  private void share(AuditConversation.Origin origin, Turn turn, String channel) {
    try {
      sender.post(channel, sender.turns().shared(turn));
      sender.tell(origin.responseUrl(), origin.user(), "Shared in <#" + channel + ">.");
    } catch (SlackCallFailed e) {
      if (!"not_in_channel".equals(e.error()) && !"channel_not_found".equals(e.error())) {
        throw e;
      }
      sender.tell(
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
        sender
            .turns()
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
