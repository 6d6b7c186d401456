package org.scalingcoach.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.List;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.conversation.Command;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.delivery.BackgroundWork;

/**
 * {@code /coach audit …}, already allowed by the conversation service: the core's answer is the
 * ephemeral acknowledgement, and slow replies (the first question, the exports) go to the DM.
 */
final class SlackAuditCommand {
  private final AuditConversation sender;
  private final BackgroundWork work;

  SlackAuditCommand(AuditConversation sender, BackgroundWork work) {
    this.sender = sender;
    this.work = work;
  }

  /** {@code turn} is the slash command, parsed by {@link SlashCommands}. */
  Response handle(
      Turn turn, Command.Audit command, SlashCommandRequest request, SlashCommandContext context) {
    var payload = request.getPayload();
    // Mentions stay in the text as <@U…>, where the core reads them.
    AuditTurns.Outcome outcome = sender.turns().command(turn, command, List.of());
    if (outcome.later() != null) {
      AuditConversation.Origin origin =
          AuditConversation.Origin.of(turn.user(), payload.getResponseUrl());
      work.submit(
          "audit " + command.verb() + " by " + turn.user(),
          () -> sender.safely(origin, () -> sender.send(origin, outcome.later().get())));
      return context.ack(outcome.acknowledgement());
    }
    Reply reply = outcome.now().get(0);
    return context.ack(
        r ->
            r.responseType("ephemeral")
                .text(SlackReplies.text(reply))
                .blocks(SlackReplies.blocks(reply)));
  }
}
