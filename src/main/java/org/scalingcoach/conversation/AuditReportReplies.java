package org.scalingcoach.conversation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.CsvExport;
import org.scalingcoach.audit.DimensionScore;
import org.scalingcoach.audit.MarkdownExport;
import org.scalingcoach.audit.NextAction;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.ScoreChange;
import org.scalingcoach.audit.ScoreChart;
import org.scalingcoach.audit.SubjectStatus;
import org.scalingcoach.audit.Trend;
import org.scalingcoach.llm.AuditSummary;

/**
 * The replies about finished audits, whatever the platform: the scored report, its exports and
 * summary, the team view, a subject's history, and the proactive reminder and nudge. Like {@link
 * AuditReplies}, they decide the words and buttons as {@link Block}s.
 */
public final class AuditReportReplies {
  /**
   * How many subjects the team view lists, most recent first: with three buttons each, a message
   * stays readable (and within every platform's limits).
   */
  static final int TEAM_SHOWN = 15;

  private static final Pattern NOW = Pattern.compile("Now: (\\d+) (.+)");

  private AuditReportReplies() {}

  /**
   * A scored report with its chart; the owner's copy offers sharing in a channel (where the
   * platform can pick one) and the exports.
   */
  public static Reply report(AuditReport report, boolean ownerCopy) {
    var card = report.scorecard();
    Reply.File chart =
        new Reply.File(
            fileName(report, "png"),
            "image/png",
            ScoreChart.png(report),
            report.definition().title() + " scores per dimension");
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(report.definition().title() + ": " + report.audit().subject()));
    DimensionScore overall = card.overall();
    blocks.add(
        new Block.Text(
            "**Overall: "
                + overall.level().label()
                + "** (score "
                + AuditReplies.number(overall.score())
                + "/100"
                + (overall.next() == null ? "" : " · next level: " + overall.next().label())
                + ") · "
                + overall.answered()
                + " answered, "
                + overall.skipped()
                + " skipped\n_Scored against "
                + Markdown.escape(report.definition().model().name())
                + "_"));
    List<Block.Field> dimensions = new ArrayList<>();
    for (DimensionScore d : card.dimensions()) {
      dimensions.add(
          new Block.Field(
              d.name(),
              (d.assessed()
                      ? d.level().label() + " · " + AuditReplies.number(d.score())
                      : "not assessed (all skipped)")
                  + change(report, d.id())));
    }
    blocks.add(new Block.Fields(dimensions));
    blocks.add(new Block.Image(chart));
    if (!card.actions().isEmpty()) {
      StringBuilder next = new StringBuilder("**Your next three steps**\n");
      int n = 1;
      for (NextAction a : card.actions()) {
        next.append(n++)
            .append(". ")
            .append(Markdown.escape(a.action()))
            .append(" _(")
            .append(Markdown.escape(a.dimension()))
            .append(", ")
            .append(Markdown.escape(readable(a.finding())))
            .append(")_ · read: `")
            .append(a.knowledge())
            .append("`\n");
      }
      blocks.add(new Block.Text(next.toString().strip()));
    }
    if (report.previous() != null) {
      ScoreChange total = report.changes().get(report.changes().size() - 1);
      blocks.add(
          new Block.Context(
              "Compared with the audit of "
                  + report.previous().finishedAt().toString().substring(0, 10)
                  + ": overall "
                  + trend(total)));
    }
    if (ownerCopy) {
      Map<String, String> audit = AuditReplies.audit(report.audit());
      blocks.add(
          Block.Choices.row(
              List.of(
                  Reply.Button.of("Share in a channel…", AuditReplies.SHARE, audit)
                      .asking(
                          new Reply.Prompt(
                              "channel",
                              "Share in a channel…",
                              "",
                              "Share",
                              false,
                              0,
                              Reply.Prompt.Kind.CONVERSATION)),
                  Reply.Button.of("Export Markdown + CSV", AuditReplies.EXPORT, audit))));
    }
    return Reply.of(report.definition().title() + " report: " + report.audit().subject(), blocks)
        .withFile(chart)
        .about(new AuditView.Report(report, ownerCopy));
  }

  /**
   * {@code report} (as {@link #report} made it) with the model's {@code summary} under its title.
   */
  public static Reply withSummary(Reply report, Reply summary) {
    List<Block> blocks = new ArrayList<>(report.content());
    blocks.addAll(Math.min(1, blocks.size()), summary.content());
    return new Reply(
        report.markdown(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        report.file(),
        report.updatesEarlier(),
        report.view(),
        blocks);
  }

  /** The model's short narrative of a report, its sources numbered. */
  public static Reply summary(AuditSummary summary) {
    List<Reply.Source> sources = new ArrayList<>();
    for (int i = 0; i < summary.cited().size(); i++) {
      var s = summary.cited().get(i);
      sources.add(new Reply.Source(i + 1, s.documentTitle(), s.heading(), s.documentId()));
    }
    return new Reply(
        "**In short**\n\n" + summary.markdown(),
        sources,
        List.of(),
        List.of(),
        List.of(),
        null,
        false);
  }

  /** The Markdown and CSV of a finished audit. */
  public static Reply exports(AuditReport report) {
    List<Reply.File> files =
        List.of(
            new Reply.File(
                fileName(report, "md"),
                "text/markdown",
                MarkdownExport.render(report).getBytes(StandardCharsets.UTF_8),
                "Audit report (Markdown)"),
            new Reply.File(
                fileName(report, "csv"),
                "text/csv",
                CsvExport.render(report).getBytes(StandardCharsets.UTF_8),
                "Audit report (CSV)"));
    return Reply.text(
            "Here are the exports of **"
                + Markdown.escape(report.definition().title())
                + "** · "
                + Markdown.escape(report.audit().subject())
                + " (Markdown and CSV)")
        .about(new AuditView.Exports(report, files));
  }

  /**
   * The latest level per subject, each with History, Report and Export buttons; managers see the
   * workspace, others their own. {@code who} names the person who ran an audit.
   */
  public static Reply team(
      List<SubjectStatus> statuses, boolean manager, Function<String, Reply.Person> who) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading(manager ? "Team audits" : "Your audits"));
    if (!manager) {
      blocks.add(
          new Block.Context(
              "Only managers see everyone's audits, so here are your own. Ask an admin if you"
                  + " need the manager role."));
    }
    if (statuses.isEmpty()) {
      blocks.add(new Block.Text("No finished audits yet."));
    }
    List<SubjectStatus> shown = statuses.subList(0, Math.min(statuses.size(), TEAM_SHOWN));
    for (SubjectStatus s : shown) {
      AuditRecord latest = s.latest();
      blocks.add(
          new Block.Text(
              "**"
                  + Markdown.escape(s.subject())
                  + "** · "
                  + Markdown.escape(s.title())
                  + "\n"
                  + latest.levelName()
                  + " ("
                  + AuditReplies.number(latest.score())
                  + "/100) · "
                  + trend(s.trend())
                  + " · "
                  + s.audits()
                  + (s.audits() == 1 ? " audit" : " audits")
                  + " · last "
                  + latest.finishedAt().toString().substring(0, 10)
                  + " by "
                  + Markdown.person(who.apply(latest.userId()))));
      blocks.add(
          Block.Choices.row(
              List.of(
                  Reply.Button.of(
                      "History",
                      AuditReplies.HISTORY,
                      Map.of("type", s.type(), "subject", s.subject())),
                  Reply.Button.of("Report", AuditReplies.REPORT, AuditReplies.audit(latest)),
                  Reply.Button.of("Export", AuditReplies.EXPORT, AuditReplies.audit(latest)))));
    }
    if (statuses.size() > shown.size()) {
      blocks.add(
          new Block.Context(
              "…and " + (statuses.size() - shown.size()) + " more subjects, not shown here."));
    }
    return Reply.of(manager ? "Team audits" : "Your audits", blocks)
        .about(new AuditView.Team(shown, manager));
  }

  /** Every finished audit of one subject, oldest first, with who ran each. */
  public static Reply history(
      String title, String subject, List<AuditRecord> finished, List<Reply.Person> by) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < finished.size(); i++) {
      AuditRecord a = finished.get(i);
      lines
          .append("- ")
          .append(a.finishedAt().toString().substring(0, 10))
          .append(": ")
          .append(a.levelName())
          .append(" (")
          .append(score(a))
          .append(")");
      if (i > 0) {
        long delta = score(a) - score(finished.get(i - 1));
        lines.append(delta > 0 ? " ▲ +" + delta : delta < 0 ? " ▼ " + delta : " =");
      }
      lines.append(" by ").append(Markdown.person(by.get(i))).append(" · #").append(a.id());
      lines.append('\n');
    }
    return Reply.of(
            "History of " + subject,
            List.of(
                new Block.Text(
                    "**History of " + Markdown.escape(subject) + "** · " + Markdown.escape(title)),
                new Block.Text(lines.toString().strip())))
        .about(new AuditView.History(title, subject, finished, by));
  }

  /** The confirmation of a scheduled re-audit for {@code owner}, asked in {@code platform}. */
  public static Reply scheduled(ReminderSchedule schedule, Reply.Person owner, String platform) {
    return Reply.text(
        "Scheduled: every "
            + schedule.everyDays()
            + " days "
            + Markdown.person(owner)
            + " will be asked in "
            + platform
            + " to audit **"
            + Markdown.escape(schedule.subject())
            + "** again; first on "
            + schedule.nextDueAt().toString().substring(0, 10)
            + ".");
  }

  /** The proactive message when a scheduled re-audit is due. */
  public static Reply reminder(ReminderSchedule schedule, String title) {
    String subject = Markdown.escape(schedule.subject());
    return Reply.of(
        "Time to audit " + schedule.subject() + " again",
        List.of(
            new Block.Text(
                "📅 It's time to run **"
                    + Markdown.escape(title)
                    + "** for **"
                    + subject
                    + "** again (every "
                    + schedule.everyDays()
                    + " days, set up by "
                    + Markdown.person(new Reply.Person(schedule.createdBy(), "a manager", false))
                    + "). Audit it again to see how it has changed."),
            Block.Choices.row(
                List.of(
                    Reply.Button.of(
                            "Start the audit",
                            AuditReplies.START,
                            Map.of("type", schedule.type(), "subject", schedule.subject()))
                        .styled(Reply.Style.PRIMARY)))));
  }

  /** The one nudge for an audit left open for a week. */
  public static Reply nudge(AuditRecord audit, String title) {
    return Reply.of(
        "Your audit of " + audit.subject() + " is waiting",
        List.of(
            new Block.Text(
                "👋 Your audit **"
                    + Markdown.escape(title)
                    + "** of **"
                    + Markdown.escape(audit.subject())
                    + "** has been waiting for a week. Your answers are saved; pick up where you"
                    + " left off.",
                Reply.Button.of("Resume", AuditReplies.RESUME, AuditReplies.audit(audit))
                    .styled(Reply.Style.PRIMARY))));
  }

  /** "Now: 0 No MLOps" reads as "today: No MLOps (level 0)". */
  public static String readable(String finding) {
    Matcher now = NOW.matcher(finding);
    if (now.matches()) {
      return "today: " + now.group(2) + " (level " + now.group(1) + ")";
    }
    return finding.isEmpty()
        ? finding
        : Character.toLowerCase(finding.charAt(0)) + finding.substring(1);
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
      case IMPROVED -> "▲ improved +" + AuditReplies.number(c.delta());
      case DECLINED -> "▼ declined " + AuditReplies.number(c.delta());
      case UNCHANGED -> "unchanged";
      case NEW -> "new";
    };
  }

  private static String trend(Trend trend) {
    return switch (trend) {
      case IMPROVED -> "▲ improved";
      case DECLINED -> "▼ declined";
      case UNCHANGED -> "= unchanged";
      case NEW -> "first audit";
    };
  }

  private static long score(AuditRecord a) {
    return a.score() == null ? 0 : Math.round(a.score());
  }

  private static String fileName(AuditReport report, String extension) {
    String subject =
        report.audit().subject().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return report.definition().id()
        + "-"
        + (subject.isEmpty() ? "audit" : subject)
        + "-"
        + report.audit().id()
        + "."
        + extension;
  }
}
