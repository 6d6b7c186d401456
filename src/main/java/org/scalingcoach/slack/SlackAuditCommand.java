package org.scalingcoach.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.conversation.Command;
import org.scalingcoach.conversation.HelpText;

/** The {@code /coach audit} subcommands: list, start, export, team, history and remind. */
final class SlackAuditCommand {
  private static final Pattern REMIND =
      Pattern.compile("(\\S+)\\s+(\\d+)\\s+<@(\\w+)(?:\\|[^>]*)?>\\s+(.+)", Pattern.DOTALL);

  private final AuditServices audits;
  private final AuditConversation conversation;
  private final BackgroundWork work;

  SlackAuditCommand(AuditServices audits, AuditConversation conversation, BackgroundWork work) {
    this.audits = audits;
    this.conversation = conversation;
    this.work = work;
  }

  Response handle(Command.Audit command, SlashCommandRequest request, SlashCommandContext context) {
    var payload = request.getPayload();
    Actor actor = new Actor(payload.getTeamId(), payload.getUserId());
    String rest = command.arguments();
    try {
      switch (command.verb()) {
        case LIST -> {
          List<LayoutBlock> blocks =
              AuditBlocks.list(
                  audits.catalog().definitions(),
                  audits.history().visible(actor).stream()
                      .filter(a -> a.userId().equals(actor.userId()))
                      .toList());
          return context.ack(r -> r.responseType("ephemeral").text("Guided audits").blocks(blocks));
        }
        case START -> {
          var named = command.typeAndSubject();
          if (named.isEmpty()) {
            return context.ack(
                "Say which audit and what it is about, e.g. `/coach audit start plan-for-mlops Churn model — EMEA`.");
          }
          String type = named.get().type();
          String subject = named.get().subject();
          audits.engine().checkStart(type, subject);
          work.submit(
              "start an audit",
              () ->
                  conversation.safely(
                      payload.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postStep(
                              actor.userId(), audits.engine().start(actor, type, subject))));
          return context.ack("Starting: your first question is in our direct messages.");
        }
        case EXPORT -> {
          long auditId =
              audits.history().exportTarget(actor, command.auditNumber(SlashCommands.PREFIX));
          conversation.report(actor, auditId); // refuse an unknown or foreign audit right away
          work.submit(
              "export an audit",
              () ->
                  conversation.safely(
                      payload.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postExports(
                              actor.userId(), conversation.report(actor, auditId))));
          return context.ack(
              "Preparing the Markdown and CSV: they will be in our direct messages.");
        }
        case TEAM -> {
          return context.ack(
              r ->
                  r.responseType("ephemeral")
                      .text("Team audits")
                      .blocks(AuditReportBlocks.team(audits.history().latest(actor))));
        }
        case HISTORY -> {
          return context.ack(history(actor, command));
        }
        case REMIND -> {
          return context.ack(remind(actor, rest));
        }
        default -> {
          return context.ack(Mrkdwn.fromMarkdown(HelpText.auditUsage(SlashCommands.PREFIX)));
        }
      }
    } catch (AuditException e) {
      return context.ack(Mrkdwn.escape(e.getMessage()));
    }
  }

  private String history(Actor actor, Command.Audit command) {
    var named = command.typeAndSubject();
    if (named.isEmpty()) {
      return "Say which audit and subject, e.g. `/coach audit history plan-for-mlops Churn model`.";
    }
    String[] typeAndSubject = {named.get().type(), named.get().subject()};
    List<AuditRecord> finished =
        audits.history().history(actor, typeAndSubject[0], typeAndSubject[1]);
    if (finished.isEmpty()) {
      return "No finished audits of that subject that you can see.";
    }
    StringBuilder text =
        new StringBuilder(
            "*History of " + Mrkdwn.escape(typeAndSubject[1]) + "* (" + typeAndSubject[0] + ")\n");
    for (AuditRecord a : finished) {
      text.append("• ")
          .append(a.finishedAt().toString(), 0, 10)
          .append(": ")
          .append(a.levelName())
          .append(" (")
          .append(AuditBlocks.number(a.score()))
          .append(") by <@")
          .append(a.userId())
          .append("> · #")
          .append(a.id())
          .append('\n');
    }
    return text.toString();
  }

  private String remind(Actor actor, String rest) {
    Matcher m = REMIND.matcher(rest);
    if (!m.matches()) {
      return "Use `/coach audit remind <audit> <days> @owner <subject>`, e.g. `/coach audit remind plan-for-mlops 90 @ada Churn model`.";
    }
    ReminderSchedule s =
        audits
            .reminders()
            .schedule(
                actor, m.group(1), m.group(4), m.group(3), Reminders.parseEveryDays(m.group(2)));
    return "Scheduled: every "
        + s.everyDays()
        + " days <@"
        + s.ownerUserId()
        + "> will be asked to audit *"
        + Mrkdwn.escape(s.subject())
        + "* again; first on "
        + s.nextDueAt().toString().substring(0, 10)
        + ".";
  }
}
