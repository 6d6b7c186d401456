package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.conversation.AuditReportReplies;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.conversation.AuditView;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.delivery.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the core's audit replies in Slack: new messages in the person's DM, the clicked message
 * replaced where the reply says so, charts and exports as files, and plain notes ephemerally.
 */
final class AuditConversation {
  private static final Logger log = LoggerFactory.getLogger(AuditConversation.class);

  private final SlackWebApi slack;
  private final BackgroundWork work;
  private final SlackFiles files;
  private final AuditTurns turns;

  /**
   * Where a turn came from: the person, the response URL for notes (or null), and the message whose
   * button was clicked (or nulls).
   */
  record Origin(String user, String responseUrl, String channel, String messageTs) {
    static Origin of(String user, String responseUrl) {
      return new Origin(user, responseUrl, null, null);
    }
  }

  AuditConversation(SlackWebApi slack, BackgroundWork work, AuditTurns turns) {
    this.slack = slack;
    this.work = work;
    this.files = new SlackFiles(slack);
    this.turns = turns;
  }

  AuditTurns turns() {
    return turns;
  }

  /** Sends {@code replies} in order; new messages go to the person's DM. */
  void send(Origin origin, List<Reply> replies) {
    for (Reply reply : replies) {
      if (reply.updatesEarlier() && origin.messageTs() != null) {
        update(origin.channel(), origin.messageTs(), SlackReplies.text(reply), blocks(reply));
      } else if (reply.view() == null && reply.blocks().isEmpty()) {
        tell(origin.responseUrl(), origin.user(), SlackReplies.text(reply));
      } else {
        post(origin.user(), reply);
      }
    }
  }

  /** Posts {@code reply} as a new message in {@code channel}, with its chart or files. */
  void post(String channel, Reply reply) {
    String text = SlackReplies.text(reply);
    List<LayoutBlock> blocks = blocks(reply);
    ChatPostMessageResponse posted =
        slack.call(
            "chat.postMessage",
            client -> client.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)));
    String postedChannel = posted.getChannel() != null ? posted.getChannel() : channel;
    if (reply.view() instanceof AuditView.Report report) {
      // The model's summary, when one is configured, is edited into the posted report
      // afterwards, so a slow model never holds the report back.
      work.submit(
          "add the summary to report " + report.report().audit().id(),
          () ->
              turns
                  .summary(report.report())
                  .ifPresent(
                      summary ->
                          update(
                              postedChannel,
                              posted.getTs(),
                              text,
                              blocks(AuditReportReplies.withSummary(reply, summary)))));
    }
    List<Reply.File> attached = new ArrayList<>();
    if (reply.file() != null) {
      attached.add(reply.file());
    }
    if (reply.view() instanceof AuditView.Exports exports) {
      attached.addAll(exports.files());
    }
    if (!attached.isEmpty()) {
      files.share(
          postedChannel,
          null,
          attached.stream()
              .map(f -> new SlackFiles.Upload(f.name(), f.description(), f.content()))
              .toList());
    }
  }

  /** Replaces a message, such as a question once it is answered. */
  void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    slack.call(
        "chat.update",
        client -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** Runs an audit action for a person, telling them plainly when it cannot be done. */
  void safely(Origin origin, Runnable action) {
    try {
      action.run();
    } catch (AuditException e) {
      tell(origin.responseUrl(), origin.user(), Mrkdwn.escape(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("audit action failed for {}", origin.user(), e);
      tell(origin.responseUrl(), origin.user(), AuditTurns.SORRY);
    }
  }

  void tell(String responseUrl, String userId, String message) {
    try {
      if (responseUrl != null) {
        slack.respond(
            responseUrl,
            ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(false)
                .text(message)
                .build());
      } else {
        slack.call(
            "chat.postMessage",
            client -> client.chatPostMessage(r -> r.channel(userId).text(message)));
      }
    } catch (RuntimeException e) {
      log.error("could not tell {} that: {}", userId, message, e);
    }
  }

  private static List<LayoutBlock> blocks(Reply reply) {
    return SlackReplies.blocks(reply);
  }
}
