package org.scalingcoach.conversation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.audit.AnswerOption;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.CsvExport;
import org.scalingcoach.audit.MarkdownExport;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.ScoreChart;
import org.scalingcoach.audit.SubjectStatus;
import org.scalingcoach.llm.AuditSummary;

/**
 * The audit replies, whatever the platform: what each says, which buttons it offers and the token
 * each button brings back. {@link AuditTurns} decides which of them to send.
 */
public final class AuditReplies {
  public static final String START = "audit-start";
  public static final String ANSWER = "audit-answer";
  public static final String SKIP = "audit-skip";
  public static final String BACK = "audit-back";
  public static final String PAUSE = "audit-pause";
  public static final String RESUME = "audit-resume";
  public static final String FINISH = "audit-finish";
  public static final String REPORT = "audit-report";
  public static final String EXPORT = "audit-export";
  public static final String HISTORY = "audit-history";

  /** The question id a review step's buttons carry: no question is shown then. */
  public static final String END = "end";

  private AuditReplies() {}

  /**
   * The audits one can start (a Start choice each) and the person's open audits (a Resume button
   * each, most recent first).
   */
  public static Reply menu(
      List<AuditDefinition> definitions, List<AuditRecord> mine, List<String> notices) {
    List<Reply.Button> starts = new ArrayList<>();
    for (AuditDefinition d : definitions) {
      starts.add(Reply.Button.of("Start", START, Map.of("type", d.id())));
    }
    List<AuditRecord> open = mine.stream().filter(a -> a.status().active()).toList();
    List<Reply.Button> resumes = new ArrayList<>();
    for (AuditRecord a : open) {
      resumes.add(
          Reply.Button.of(
              "Resume",
              RESUME,
              Map.of("audit", String.valueOf(a.id()), "revision", String.valueOf(a.revision()))));
    }
    return reply(
        "Guided audits", starts, resumes, notices, null, new AuditView.Menu(definitions, open));
  }

  /**
   * The audits part of a person's home: the menu, their last finished audits (a View report choice
   * each) and, for managers, the team.
   */
  public static Reply home(Reply menu, List<AuditRecord> finished, List<SubjectStatus> team) {
    List<Reply.Button> reports = new ArrayList<>();
    for (AuditRecord a : finished) {
      reports.add(Reply.Button.of("View report", REPORT, audit(a)));
    }
    return reply(
        "Guided audits",
        reports,
        List.of(),
        List.of(),
        null,
        new AuditView.Home(menu, finished, team));
  }

  /** Where the audit stands: a question, the review before finishing, or paused. */
  public static Reply step(Progress p) {
    List<String> notices = p.notice() == null ? List.of() : List.of(p.notice());
    if (p.audit().status() == AuditStatus.PAUSED) {
      return reply(
          "Audit paused",
          List.of(),
          List.of(Reply.Button.of("Resume", RESUME, resumeToken(p))),
          notices,
          null,
          new AuditView.Paused(p));
    }
    if (p.readyToFinish()) {
      return reply(
          "Ready to finish " + p.definition().title(),
          List.of(),
          List.of(
              Reply.Button.of("Finish and see my report", FINISH, token(p, END)),
              Reply.Button.of("← Back", BACK, token(p, END)),
              Reply.Button.of("Pause", PAUSE, token(p, END))),
          notices,
          null,
          new AuditView.Review(p));
    }
    AuditQuestion q = p.question();
    String chosen = p.chosenOption().orElse(null);
    List<Reply.Button> options = new ArrayList<>();
    for (AnswerOption o : q.options()) {
      Map<String, String> token = new LinkedHashMap<>(token(p, q.id()));
      token.put("option", o.id());
      options.add(Reply.Button.of((o.id().equals(chosen) ? "✓ " : "") + o.label(), ANSWER, token));
    }
    List<Reply.Button> nav = new ArrayList<>();
    if (p.audit().position() > 0) {
      nav.add(Reply.Button.of("← Back", BACK, token(p, q.id())));
    }
    nav.add(Reply.Button.of("Skip", SKIP, token(p, q.id())));
    nav.add(Reply.Button.of("Pause", PAUSE, token(p, q.id())));
    return reply(
        p.progressLine() + ": " + q.text(), options, nav, notices, null, new AuditView.Question(p));
  }

  /**
   * The latest level per subject, each with History, Report and Export buttons; managers see the
   * workspace, others their own.
   */
  public static Reply team(List<SubjectStatus> statuses, boolean manager) {
    List<Reply.Button> buttons = new ArrayList<>();
    for (SubjectStatus s : statuses) {
      buttons.add(
          Reply.Button.of("History", HISTORY, Map.of("type", s.type(), "subject", s.subject())));
      buttons.add(Reply.Button.of("Report", REPORT, audit(s.latest())));
      buttons.add(Reply.Button.of("Export", EXPORT, audit(s.latest())));
    }
    return reply(
        manager ? "Team audits" : "Your audits",
        buttons,
        List.of(),
        List.of(),
        null,
        new AuditView.Team(statuses, manager));
  }

  /** What a clicked question turns into once the click is applied. */
  public static Reply settled(AuditDefinition definition, String questionId, String outcome) {
    return reply(
            outcome,
            List.of(),
            List.of(),
            List.of(),
            null,
            new AuditView.Settled(definition, questionId, outcome))
        .replacingEarlier();
  }

  /** A scored report with its chart; the owner's copy offers the exports. */
  public static Reply report(AuditReport report, boolean ownerCopy) {
    List<Reply.Button> buttons =
        ownerCopy
            ? List.of(Reply.Button.of("Export Markdown + CSV", EXPORT, audit(report.audit())))
            : List.of();
    Reply.File chart =
        new Reply.File(
            fileName(report, "png"),
            "image/png",
            ScoreChart.png(report),
            report.definition().title() + " scores");
    return reply(
        report.definition().title() + " report: " + report.audit().subject(),
        List.of(),
        buttons,
        List.of(),
        chart,
        new AuditView.Report(report, ownerCopy));
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
    return reply(
        "Here are the exports of **"
            + report.definition().title()
            + "** · "
            + report.audit().subject()
            + " (Markdown and CSV)",
        List.of(),
        List.of(),
        List.of(),
        null,
        new AuditView.Exports(report, files));
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

  /** The proactive message when a scheduled re-audit is due. */
  public static Reply reminder(ReminderSchedule schedule, String title) {
    return reply(
        "Time to audit " + schedule.subject() + " again",
        List.of(),
        List.of(
            Reply.Button.of(
                "Start the audit",
                START,
                Map.of("type", schedule.type(), "subject", schedule.subject()))),
        List.of(),
        null,
        new AuditView.Reminder(schedule, title));
  }

  /** The one nudge for an audit left open for a week. */
  public static Reply nudge(AuditRecord audit, String title) {
    return reply(
        "Your audit of " + audit.subject() + " is waiting",
        List.of(),
        List.of(Reply.Button.of("Resume", RESUME, audit(audit))),
        List.of(),
        null,
        new AuditView.Nudge(audit, title));
  }

  private static Map<String, String> audit(AuditRecord audit) {
    return Map.of("audit", String.valueOf(audit.id()));
  }

  private static Map<String, String> resumeToken(Progress p) {
    return Map.of(
        "audit", String.valueOf(p.audit().id()), "revision", String.valueOf(p.audit().revision()));
  }

  private static Map<String, String> token(Progress p, String questionId) {
    Map<String, String> token = new LinkedHashMap<>(resumeToken(p));
    token.put("question", questionId);
    return token;
  }

  static Reply reply(
      String markdown,
      List<Reply.Button> choices,
      List<Reply.Button> buttons,
      List<String> notices,
      Reply.File file,
      Reply.View view) {
    return new Reply(markdown, List.of(), choices, buttons, notices, file, false, view);
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
