package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.ReminderSchedule;

/**
 * Audits in Slack: {@code /coach audit ...}, the Start and Resume buttons, the subject dialog, the
 * App Home section and reminder messages. Question clicks are in {@link SlackAuditActions}.
 */
final class SlackAudits implements ReminderDelivery {
  static final String SUBJECT_VIEW = "audit_subject";
  static final String START_SUBJECT = "audit_start_subject";
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");
  private static final Pattern REMIND =
      Pattern.compile("(\\S+)\\s+(\\d+)\\s+<@(\\w+)(?:\\|[^>]*)?>\\s+(.+)", Pattern.DOTALL);
  static final String USAGE =
      "Try `/coach audit` for the list, `/coach audit start plan-for-mlops Churn model`,"
          + " `/coach audit export`, `/coach audit team` or (managers) `/coach audit remind plan-for-mlops 90 @owner Churn model`.";

  private final AuditServices audits;
  private final AuditConversation conversation;
  private final BackgroundWork work;
  private final SlackWebApi slack;

  SlackAudits(
      AuditServices audits,
      AuditConversation conversation,
      BackgroundWork work,
      SlackWebApi slack) {
    this.audits = audits;
    this.conversation = conversation;
    this.work = work;
    this.slack = slack;
  }

  void register(App app, SlashCommands commands, HomeView home) {
    commands.register(
        "audit", "/coach audit", "run a guided audit; `/coach audit help` for more", this::command);
    app.blockAction(
        AuditBlocks.START,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          String type = p.getActions().get(0).getValue();
          work.submit(
              "open the audit subject dialog",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      p.getUser().getId(),
                      () -> openSubjectDialog(p.getTriggerId(), type)));
          return context.ack();
        });
    app.blockAction(
        START_SUBJECT,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          String[] value = p.getActions().get(0).getValue().split("\n", 2);
          Actor actor = new Actor(p.getTeam().getId(), p.getUser().getId());
          work.submit(
              "start a reminded audit",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postStep(
                              actor.userId(), audits.engine().start(actor, value[0], value[1]))));
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.RESUME,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          Actor actor = new Actor(p.getTeam().getId(), p.getUser().getId());
          long id = Long.parseLong(p.getActions().get(0).getValue());
          work.submit(
              "resume an audit",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postStep(
                              actor.userId(), audits.engine().resume(actor, id))));
          return context.ack();
        });
    app.viewSubmission(
        SUBJECT_VIEW,
        (request, context) -> {
          var payload = request.getPayload();
          Actor actor = new Actor(payload.getTeam().getId(), payload.getUser().getId());
          String type = payload.getView().getPrivateMetadata();
          Map<String, Map<String, ViewState.Value>> values =
              payload.getView().getState().getValues();
          String subject =
              values
                  .getOrDefault("subject", Map.of())
                  .getOrDefault("subject_input", new ViewState.Value())
                  .getValue();
          if (subject == null || subject.isBlank()) {
            return context.ack(
                r ->
                    r.responseAction("errors")
                        .errors(Map.of("subject", "Please name what you are auditing.")));
          }
          work.submit(
              "start an audit",
              () ->
                  conversation.safely(
                      null,
                      actor.userId(),
                      () ->
                          conversation.postStep(
                              actor.userId(), audits.engine().start(actor, type, subject))));
          return context.ack();
        });
    home.add(this::homeSection);
  }

  private void openSubjectDialog(String triggerId, String type) {
    var definition =
        audits
            .catalog()
            .find(type)
            .orElseThrow(
                () ->
                    new AuditException(
                        AuditException.Reason.UNKNOWN_TYPE,
                        "That audit is no longer available. Try /coach audit for the list."));
    View view =
        View.builder()
            .type("modal")
            .callbackId(SUBJECT_VIEW)
            .privateMetadata(type)
            .title(
                ViewTitle.builder()
                    .type("plain_text")
                    .text(definition.title().length() > 24 ? "Start an audit" : definition.title())
                    .build())
            .submit(ViewSubmit.builder().type("plain_text").text("Start").build())
            .close(ViewClose.builder().type("plain_text").text("Cancel").build())
            .blocks(
                List.of(
                    section(s -> s.text(markdownText(Mrkdwn.escape(definition.summary())))),
                    input(
                        i ->
                            i.blockId("subject")
                                .label(plainText("What are you auditing?"))
                                .hint(
                                    plainText(
                                        "A team, model or initiative, e.g. \"Churn model — EMEA\". Audit the same subject again later to see the trend."))
                                .element(
                                    PlainTextInputElement.builder()
                                        .actionId("subject_input")
                                        .maxLength(120)
                                        .build()))))
            .build();
    slack.call("views.open", client -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
  }

  private Response command(
      String arguments, SlashCommandRequest request, SlashCommandContext context) {
    var payload = request.getPayload();
    Actor actor = new Actor(payload.getTeamId(), payload.getUserId());
    String[] parts = arguments.strip().split("\\s+", 2);
    String rest = parts.length > 1 ? parts[1].strip() : "";
    try {
      switch (parts[0].toLowerCase(java.util.Locale.ROOT)) {
        case "", "list" -> {
          List<LayoutBlock> blocks =
              AuditBlocks.list(
                  audits.catalog().definitions(),
                  audits.history().visible(actor).stream()
                      .filter(a -> a.userId().equals(actor.userId()))
                      .toList());
          return context.ack(r -> r.responseType("ephemeral").text("Guided audits").blocks(blocks));
        }
        case "start" -> {
          String[] typeAndSubject = rest.split("\\s+", 2);
          if (typeAndSubject.length < 2) {
            return context.ack(
                "Say which audit and what it is about, e.g. `/coach audit start plan-for-mlops Churn model — EMEA`.");
          }
          work.submit(
              "start an audit",
              () ->
                  conversation.safely(
                      payload.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postStep(
                              actor.userId(),
                              audits.engine().start(actor, typeAndSubject[0], typeAndSubject[1]))));
          return context.ack("Starting: your first question is in our direct messages.");
        }
        case "export" -> {
          work.submit(
              "export an audit",
              () ->
                  conversation.safely(
                      payload.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postExports(
                              actor.userId(),
                              conversation.report(actor, exportTarget(actor, rest)))));
          return context.ack(
              "Preparing the Markdown and CSV: they will be in our direct messages.");
        }
        case "team" -> {
          return context.ack(
              r ->
                  r.responseType("ephemeral")
                      .text("Team audits")
                      .blocks(AuditBlocks.team(audits.history().latest(actor))));
        }
        case "history" -> {
          return context.ack(history(actor, rest));
        }
        case "remind" -> {
          return context.ack(remind(actor, rest));
        }
        default -> {
          return context.ack(USAGE);
        }
      }
    } catch (AuditException e) {
      return context.ack(e.getMessage());
    }
  }

  private long exportTarget(Actor actor, String idText) {
    if (!idText.isBlank()) {
      try {
        return Long.parseLong(idText.strip().replace("#", ""));
      } catch (NumberFormatException e) {
        throw new AuditException(
            AuditException.Reason.INVALID_INPUT,
            "Give the audit number, e.g. `/coach audit export 12`, or nothing for your latest.");
      }
    }
    return audits.history().visible(actor).stream()
        .filter(a -> a.userId().equals(actor.userId()) && a.status() == AuditStatus.FINISHED)
        .findFirst()
        .map(AuditRecord::id)
        .orElseThrow(
            () ->
                new AuditException(
                    AuditException.Reason.UNKNOWN_AUDIT,
                    "You have no finished audit to export yet."));
  }

  private String history(Actor actor, String rest) {
    String[] typeAndSubject = rest.split("\\s+", 2);
    if (typeAndSubject.length < 2) {
      return "Say which audit and subject, e.g. `/coach audit history plan-for-mlops Churn model`.";
    }
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
            .schedule(actor, m.group(1), m.group(4), m.group(3), Integer.parseInt(m.group(2)));
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

  private List<LayoutBlock> homeSection(String teamId, String userId) {
    Actor actor = new Actor(teamId, userId);
    List<AuditRecord> visible = audits.history().visible(actor);
    List<AuditRecord> mine = visible.stream().filter(a -> a.userId().equals(userId)).toList();
    List<LayoutBlock> blocks =
        new ArrayList<>(AuditBlocks.list(audits.catalog().definitions(), mine));
    List<AuditRecord> finished =
        mine.stream().filter(a -> a.status() == AuditStatus.FINISHED).limit(5).toList();
    if (!finished.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Your finished audits*"))));
      for (AuditRecord a : finished) {
        blocks.add(
            section(
                s ->
                    s.text(
                            markdownText(
                                Mrkdwn.escape(a.subject())
                                    + " · `"
                                    + a.type()
                                    + "` · *"
                                    + a.levelName()
                                    + "* ("
                                    + AuditBlocks.number(a.score())
                                    + ") · "
                                    + a.finishedAt().toString().substring(0, 10)))
                        .accessory(
                            AuditBlocks.button(
                                AuditBlocks.REPORT, "View report", String.valueOf(a.id()), null))));
      }
    }
    if (audits.history().isManager(actor)) {
      blocks.addAll(AuditBlocks.team(audits.history().latest(actor)));
    }
    return blocks;
  }

  /** Slack user ids start with U or W; Teams users (GUIDs, 29: ids) are left to Teams. */
  @Override
  public boolean reaches(String teamId, String userId) {
    return SLACK_USER.matcher(userId).matches();
  }

  @Override
  public void remind(ReminderSchedule schedule) {
    String title =
        audits.catalog().find(schedule.type()).map(d -> d.title()).orElse(schedule.type());
    conversation.post(
        schedule.ownerUserId(),
        "Time to audit " + schedule.subject() + " again",
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            ":calendar: It's time to run *"
                                + Mrkdwn.escape(title)
                                + "* for *"
                                + Mrkdwn.escape(schedule.subject())
                                + "* again (every "
                                + schedule.everyDays()
                                + " days, set up by <@"
                                + schedule.createdBy()
                                + ">)."))),
            actions(
                a ->
                    a.elements(
                        List.of(
                            AuditBlocks.button(
                                START_SUBJECT,
                                "Start the audit",
                                schedule.type() + "\n" + schedule.subject(),
                                "primary"))))));
  }

  @Override
  public void nudge(AuditRecord audit) {
    conversation.post(
        audit.userId(),
        "Your audit of " + audit.subject() + " is waiting",
        List.of(
            section(
                s ->
                    s.text(
                            markdownText(
                                ":wave: Your audit of *"
                                    + Mrkdwn.escape(audit.subject())
                                    + "* has been waiting for a week. Your answers are saved; pick up where you left off."))
                        .accessory(
                            AuditBlocks.button(
                                AuditBlocks.RESUME,
                                "Resume",
                                String.valueOf(audit.id()),
                                "primary")))));
  }
}
