package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.DimensionScore;
import org.scalingcoach.audit.NextAction;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.ScoreChange;
import org.scalingcoach.audit.SubjectStatus;
import org.scalingcoach.audit.Trend;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.AuditView;
import org.scalingcoach.conversation.Reply;

/** The Block Kit of finished audits: the scored report and the managers' team view. */
final class AuditReportBlocks {
  private AuditReportBlocks() {}

  /** The blocks of an audit reply that is not a step of a running audit. */
  static List<LayoutBlock> blocks(Reply reply, AuditView view) {
    if (view instanceof AuditView.Report r) {
      return report(r.report(), reply.buttons());
    }
    if (view instanceof AuditView.Home h) {
      return home(reply, h);
    }
    if (view instanceof AuditView.Team t) {
      return team(t.statuses());
    }
    if (view instanceof AuditView.History h) {
      return List.of(section(s -> s.text(markdownText(cut(history(h))))));
    }
    if (view instanceof AuditView.Scheduled s) {
      return List.of(section(b -> b.text(markdownText(scheduled(s.schedule())))));
    }
    if (view instanceof AuditView.Reminder r) {
      return reminder(reply, r);
    }
    if (view instanceof AuditView.Nudge n) {
      return List.of(
          section(
              s ->
                  s.text(
                          markdownText(
                              ":wave: Your audit of *"
                                  + Mrkdwn.escape(n.audit().subject())
                                  + "* has been waiting for a week. Your answers are saved; pick"
                                  + " up where you left off."))
                      .accessory(AuditBlocks.button(reply.buttons().get(0), 0, "primary"))));
    }
    return SlackReplies.blocks(reply);
  }

  /** The audits part of the App Home: the menu, the last finished audits and the team. */
  private static List<LayoutBlock> home(Reply reply, AuditView.Home home) {
    List<LayoutBlock> blocks = new ArrayList<>(AuditBlocks.list(home.menu()));
    if (!home.finished().isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Your finished audits*"))));
      for (int i = 0; i < home.finished().size(); i++) {
        AuditRecord a = home.finished().get(i);
        blocks.add(
            AuditBlocks.auditLine(
                a,
                "*"
                    + a.levelName()
                    + "* ("
                    + AuditBlocks.number(a.score())
                    + ") · "
                    + a.finishedAt().toString().substring(0, 10),
                AuditBlocks.button(reply.choices().get(i), i, null)));
      }
    }
    if (home.team() != null) {
      blocks.addAll(team(home.team()));
    }
    return blocks;
  }

  /** The model's summary, as the section added under a report's header. */
  static LayoutBlock summary(Reply summary) {
    StringBuilder text = new StringBuilder(Mrkdwn.fromMarkdown(summary.markdown()));
    for (Reply.Source s : summary.sources()) {
      text.append("\n[")
          .append(s.number())
          .append("] ")
          .append(Mrkdwn.escape(s.title() + " › " + s.section()));
    }
    return section(b -> b.text(markdownText(cut(text.toString()))));
  }

  private static String history(AuditView.History h) {
    StringBuilder text =
        new StringBuilder(
            "*History of " + Mrkdwn.escape(h.subject()) + "* (" + Mrkdwn.escape(h.title()) + ")\n");
    for (AuditRecord a : h.finished()) {
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

  private static String scheduled(ReminderSchedule s) {
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

  private static List<LayoutBlock> reminder(Reply reply, AuditView.Reminder r) {
    ReminderSchedule schedule = r.schedule();
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        ":calendar: It's time to run *"
                            + Mrkdwn.escape(r.title())
                            + "* for *"
                            + Mrkdwn.escape(schedule.subject())
                            + "* again (every "
                            + schedule.everyDays()
                            + " days, set up by <@"
                            + schedule.createdBy()
                            + ">)."))),
        actions(a -> a.elements(AuditBlocks.buttons(reply, AuditReplies.START))));
  }

  private static String cut(String mrkdwn) {
    return mrkdwn.length() > 2_900 ? mrkdwn.substring(0, 2_899) + "…" : mrkdwn;
  }

  /** The scored report; {@code withButtons} adds share and export for the owner's copy. */
  static List<LayoutBlock> report(AuditReport report, boolean withButtons) {
    return report(report, withButtons ? AuditReplies.report(report, true).buttons() : List.of());
  }

  /**
   * The scored report with the core's {@code buttons}; a report that has any is the owner's copy,
   * which Slack also lets them share in a channel.
   */
  private static List<LayoutBlock> report(AuditReport report, List<Reply.Button> buttons) {
    var card = report.scorecard();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(
            h ->
                h.text(
                    plainText(
                        report.definition().title() + ": " + report.audit().subject(), true))));
    DimensionScore overall = card.overall();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Overall: "
                            + overall.level().label()
                            + "* (score "
                            + AuditBlocks.number(overall.score())
                            + " of 100)"
                            + (overall.next() == null
                                ? ""
                                : " · next level: " + overall.next().label())
                            + "\n_Scored against "
                            + Mrkdwn.escape(report.definition().model().name())
                            + "_"))));
    StringBuilder dims = new StringBuilder();
    for (DimensionScore d : card.dimensions()) {
      dims.append("• *")
          .append(Mrkdwn.escape(d.name()))
          .append("*: ")
          .append(
              d.assessed()
                  ? d.level().label() + " · " + AuditBlocks.number(d.score())
                  : "not assessed")
          .append(change(report, d.id()))
          .append('\n');
    }
    blocks.add(section(s -> s.text(markdownText(dims.toString()))));
    StringBuilder next = new StringBuilder("*Your next three steps*\n");
    int n = 1;
    for (NextAction a : card.actions()) {
      next.append(n++)
          .append(". ")
          .append(Mrkdwn.escape(a.action()))
          .append(" _(")
          .append(Mrkdwn.escape(a.dimension()))
          .append(", ")
          .append(Mrkdwn.escape(a.finding()))
          .append(")_ · read: `")
          .append(a.knowledge())
          .append("`\n");
    }
    blocks.add(section(s -> s.text(markdownText(next.toString()))));
    if (report.previous() != null) {
      ScoreChange total = report.changes().get(report.changes().size() - 1);
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "Compared with the audit of "
                                  + report.previous().finishedAt().toString().substring(0, 10)
                                  + ": overall "
                                  + trend(total))))));
    }
    if (!buttons.isEmpty()) {
      List<BlockElement> row = new ArrayList<>();
      row.add(
          ConversationsSelectElement.builder()
              .actionId(AuditBlocks.SHARE)
              .placeholder(plainText("Share in a channel…"))
              .filter(
                  ConversationsFilter.builder()
                      .include(List.of("public", "private"))
                      .excludeBotUsers(true)
                      .build())
              .build());
      for (int i = 0; i < buttons.size(); i++) {
        row.add(AuditBlocks.button(buttons.get(i), i, null));
      }
      String id = String.valueOf(report.audit().id());
      blocks.add(actions(a -> a.blockId(AuditBlocks.SHARE + ":" + id).elements(row)));
    }
    return blocks;
  }

  /** Managers' view: latest level per subject and type, with trend. */
  static List<LayoutBlock> team(List<SubjectStatus> statuses) {
    if (statuses.isEmpty()) {
      return List.of(
          section(
              s ->
                  s.text(
                      markdownText("*Team audits*\nNo finished audits in this workspace yet."))));
    }
    StringBuilder text = new StringBuilder("*Team audits: latest level per subject*\n");
    for (SubjectStatus s : statuses) {
      text.append("• *")
          .append(Mrkdwn.escape(s.subject()))
          .append("* · ")
          .append(Mrkdwn.escape(s.title()))
          .append(": ")
          .append(s.latest().levelName())
          .append(" (")
          .append(AuditBlocks.number(s.latest().score()))
          .append(")")
          .append(" · ")
          .append(s.audits())
          .append(s.audits() == 1 ? " audit" : " audits")
          .append(s.trend() == Trend.NEW ? "" : " · " + s.trend().name().toLowerCase(Locale.ROOT))
          .append(" · by <@")
          .append(s.latest().userId())
          .append(">\n");
    }
    String body = text.length() > 2_900 ? text.substring(0, 2_899) + "…" : text.toString();
    return List.of(section(s -> s.text(markdownText(body))));
  }

  private static String change(AuditReport report, String dimensionId) {
    return report.changes().stream()
        .filter(c -> c.id().equals(dimensionId))
        .findFirst()
        .map(c -> " · " + trend(c))
        .orElse("");
  }

  private static String trend(ScoreChange c) {
    return switch (c.trend()) {
      case IMPROVED -> ":arrow_up: improved +" + AuditBlocks.number(c.delta());
      case DECLINED -> ":arrow_down: declined " + AuditBlocks.number(c.delta());
      case UNCHANGED -> "unchanged";
      case NEW -> "new";
    };
  }
}
