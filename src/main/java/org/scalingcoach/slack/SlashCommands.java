package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import org.scalingcoach.conversation.Command;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Route;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.delivery.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /coach} command: parsed into a {@link Turn} for the conversation service, whose {@link
 * Route} decides; this class only acknowledges, renders and sends.
 */
public final class SlashCommands {
  public static final String COMMAND = "/coach";

  /** What people type before a command in Slack, as help texts show it. */
  static final String PREFIX = COMMAND + " ";

  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  private final ConversationService conversation;
  private final Subcommand question;
  private final BackgroundWork work;
  private final SlackWebApi slack;
  private volatile AuditCommand audits;

  /** Answers {@code /coach <text>}; must acknowledge within Slack's 3 seconds. */
  @FunctionalInterface
  public interface Subcommand {
    Response run(String arguments, SlashCommandRequest request, SlashCommandContext context)
        throws IOException, SlackApiException;
  }

  /** Runs an audit command the conversation service allowed. */
  @FunctionalInterface
  interface AuditCommand {
    Response run(
        Turn turn, Command.Audit command, SlashCommandRequest request, SlashCommandContext context);
  }

  SlashCommands(
      ConversationService conversation,
      Subcommand question,
      BackgroundWork work,
      SlackWebApi slack) {
    this.conversation = conversation;
    this.question = question;
    this.work = work;
    this.slack = slack;
  }

  void onAudit(AuditCommand audits) {
    this.audits = audits;
  }

  Response handle(SlashCommandRequest request, SlashCommandContext context)
      throws IOException, SlackApiException {
    var payload = request.getPayload();
    String text = payload.getText() == null ? "" : payload.getText();
    // The acknowledgement of a slash command is ephemeral: only the person sees it.
    Turn turn =
        Turn.typed(
            "slack",
            payload.getTeamId(),
            payload.getUserId(),
            payload.getChannelId(),
            Turn.Kind.PERSONAL,
            null,
            text);
    Route route = conversation.route(turn);
    if (route instanceof Route.Say say) {
      return context.ack(
          r ->
              r.responseType("ephemeral")
                  .text(SlackReplies.text(say.reply()))
                  .blocks(SlackReplies.blocks(say.reply())));
    }
    if (route instanceof Route.Later later) {
      work.submit(
          COMMAND + " " + text.strip() + " by " + turn.user(),
          () -> respond(payload.getResponseUrl(), turn, later));
      return context.ack(later.acknowledgement());
    }
    if (route instanceof Route.Audit audit && audits != null) {
      return audits.run(turn, audit.command(), request, context);
    }
    return question.run(text.strip(), request, context);
  }

  private void respond(String responseUrl, Turn turn, Route.Later later) {
    ActionResponse.ActionResponseBuilder response =
        ActionResponse.builder().responseType("ephemeral").replaceOriginal(false);
    try {
      Reply reply = later.reply().get();
      response.text(SlackReplies.text(reply)).blocks(SlackReplies.blocks(reply));
    } catch (RuntimeException e) {
      log.error("/coach command failed for {} in {}", turn.user(), turn.workspace(), e);
      response.text(
          "Something went wrong on my side; the coach keeps answering as before. Check the logs.");
    }
    slack.respond(responseUrl, response.build());
  }

  /** The help text, in mrkdwn. */
  String help() {
    return Mrkdwn.fromMarkdown(conversation.help());
  }
}
