package org.scalingcoach.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalingcoach.audit.AnswerOption;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.Progress;

/**
 * The replies of a running audit, whatever the platform: the menu, each step, and what a clicked
 * step turns into. What each says, which buttons it offers and the token each button brings back
 * are decided here, as {@link Block}s; finished audits are in {@link AuditReportReplies}. {@link
 * AuditTurns} decides which of them to send.
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

  public static final String SHARE = "audit-share";

  /** The question id a review step's buttons carry: no question is shown then. */
  public static final String END = "end";

  /** What Start asks for: the subject of the audit. */
  public static final Reply.Prompt SUBJECT =
      new Reply.Prompt(
          "subject",
          "What are you auditing?",
          "A team, model or initiative, e.g. \"Churn model — EMEA\". Audit the same subject again"
              + " later to see the trend.",
          "Start",
          false,
          120,
          Reply.Prompt.Kind.TEXT);

  /** How many open audits the menu lists, the most recent first. */
  private static final int MENU_OPEN = 20;

  private AuditReplies() {}

  /**
   * The audits one can start (a Start button each, which asks what the audit is about) and the
   * person's most recent open audits (a Resume button each).
   */
  public static Reply menu(
      List<AuditDefinition> definitions, List<AuditRecord> mine, List<String> notices) {
    List<Block> blocks = new ArrayList<>();
    notices.forEach(n -> blocks.add(new Block.Notice(n)));
    blocks.addAll(menuBlocks(definitions, mine));
    List<AuditRecord> open = mine.stream().filter(a -> a.status().active()).toList();
    return Reply.of("Guided audits", blocks).about(new AuditView.Menu(definitions, open));
  }

  private static List<Block> menuBlocks(List<AuditDefinition> definitions, List<AuditRecord> mine) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Heading("Guided audits"));
    blocks.add(
        new Block.Text(
            "Each audit asks 8 to 15 questions, one at a time, scores your answers against a"
                + " published maturity model and suggests the three next steps. You can go back,"
                + " skip, pause and resume at any time."));
    for (AuditDefinition d : definitions) {
      blocks.add(
          new Block.Text(
              "**"
                  + Markdown.escape(d.title())
                  + "** · "
                  + d.questions().size()
                  + " questions\n"
                  + Markdown.escape(d.summary()),
              startButton(d.id())));
    }
    List<AuditRecord> open = mine.stream().filter(a -> a.status().active()).toList();
    if (!open.isEmpty()) {
      blocks.add(new Block.Text("**Your open audits**"));
      for (AuditRecord a : open.subList(0, Math.min(open.size(), MENU_OPEN))) {
        blocks.add(
            new Block.Text(
                line(a, a.status().name().toLowerCase(Locale.ROOT)),
                Reply.Button.of(
                    "Resume",
                    RESUME,
                    Map.of(
                        "audit",
                        String.valueOf(a.id()),
                        "revision",
                        String.valueOf(a.revision())))));
      }
      if (open.size() > MENU_OPEN) {
        blocks.add(
            new Block.Context(
                "…and " + (open.size() - MENU_OPEN) + " more open audits, not shown here."));
      }
    }
    return blocks;
  }

  /** Start {@code type}: the button asks what the audit is about. */
  public static Reply.Button startButton(String type) {
    return Reply.Button.of("Start", START, Map.of("type", type))
        .styled(Reply.Style.PRIMARY)
        .asking(SUBJECT);
  }

  /** One audit on a line: {@code subject · `type` · detail}. */
  static String line(AuditRecord a, String detail) {
    return Markdown.escape(a.subject()) + " · `" + a.type() + "` · " + detail;
  }

  /**
   * The audits part of a person's home: the menu, their last finished audits (a View report button
   * each) and, for managers, the team.
   */
  public static Reply home(Reply menu, List<AuditRecord> finished, Reply team) {
    List<Block> blocks = new ArrayList<>(menu.content());
    if (!finished.isEmpty()) {
      blocks.add(new Block.Text("**Your finished audits**"));
      for (AuditRecord a : finished) {
        blocks.add(
            new Block.Text(
                line(
                    a,
                    "**"
                        + a.levelName()
                        + "** ("
                        + number(a.score())
                        + ") · "
                        + a.finishedAt().toString().substring(0, 10)),
                Reply.Button.of("View report", REPORT, audit(a))));
      }
    }
    if (team != null) {
      blocks.add(new Block.Divider());
      blocks.addAll(team.content());
    }
    return Reply.of("Guided audits", blocks).about(new AuditView.Home(finished, team != null));
  }

  /** Where the audit stands: a question, the review before finishing, or paused. */
  public static Reply step(Progress p) {
    List<Block> blocks = new ArrayList<>();
    if (p.notice() != null) {
      blocks.add(new Block.Notice(p.notice()));
    }
    String title = Markdown.escape(p.definition().title());
    String subject = Markdown.escape(p.audit().subject());
    if (p.audit().status() == AuditStatus.PAUSED) {
      blocks.add(
          new Block.Text(
              "⏸ Paused **"
                  + title
                  + "** · "
                  + subject
                  + ". Your answers are saved at "
                  + p.progressLine()
                  + ". Resume whenever you are ready.",
              Reply.Button.of("Resume", RESUME, resumeToken(p)).styled(Reply.Style.PRIMARY)));
      return Reply.of("Audit paused", blocks).about(new AuditView.Paused(p));
    }
    if (p.readyToFinish()) {
      blocks.add(
          new Block.Text(
              "**"
                  + title
                  + "** · "
                  + subject
                  + "\n"
                  + p.progressLine()
                  + "\nYou have seen every question. Finish to see your scores and next steps;"
                  + " after that the answers can't change."));
      blocks.add(
          Block.Choices.row(
              List.of(
                  Reply.Button.of("Finish and see my report", FINISH, token(p, END))
                      .styled(Reply.Style.PRIMARY),
                  Reply.Button.of("← Back", BACK, token(p, END)),
                  Reply.Button.of("Pause", PAUSE, token(p, END)))));
      return Reply.of("Ready to finish " + p.definition().title(), blocks)
          .about(new AuditView.Review(p));
    }
    AuditQuestion q = p.question();
    blocks.add(new Block.Context("**" + title + "** · " + subject + " · " + p.progressLine()));
    blocks.add(new Block.Text("**" + Markdown.escape(q.text()) + "**"));
    if (q.help() != null && !q.help().isBlank()) {
      blocks.add(new Block.Context("💡 " + Markdown.escape(q.help())));
    }
    String chosen = p.chosenOption().orElse(null);
    List<Reply.Button> options = new ArrayList<>();
    for (AnswerOption o : q.options()) {
      Map<String, String> token = new LinkedHashMap<>(token(p, q.id()));
      token.put("option", o.id());
      boolean picked = o.id().equals(chosen);
      options.add(
          Reply.Button.of((picked ? "✓ " : "") + o.label(), ANSWER, token)
              .styled(picked ? Reply.Style.PRIMARY : Reply.Style.PLAIN));
    }
    blocks.add(new Block.Choices(null, options, Block.Layout.LIST));
    List<Reply.Button> nav = new ArrayList<>();
    if (p.audit().position() > 0) {
      nav.add(Reply.Button.of("← Back", BACK, token(p, q.id())));
    }
    nav.add(Reply.Button.of("Skip", SKIP, token(p, q.id())));
    nav.add(Reply.Button.of("Pause", PAUSE, token(p, q.id())));
    blocks.add(Block.Choices.row(nav));
    return Reply.of(p.progressLine() + ": " + q.text(), blocks).about(new AuditView.Question(p));
  }

  /** What a clicked question turns into once the click is applied. */
  public static Reply settled(AuditDefinition definition, String questionId, String outcome) {
    int index = definition.indexOf(questionId);
    String where =
        index < 0
            ? "All questions seen"
            : "Question "
                + (index + 1)
                + " of "
                + definition.questions().size()
                + " · "
                + definition.dimension(definition.questions().get(index).dimensionId()).name();
    return Reply.of(
            outcome,
            List.of(new Block.Context(Markdown.escape(where) + " · " + Markdown.escape(outcome))))
        .about(new AuditView.Settled(definition, questionId, outcome))
        .replacingEarlier();
  }

  static Map<String, String> audit(AuditRecord audit) {
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

  /** A score as people read it: whole numbers without decimals, "–" for none. */
  static String number(Double value) {
    if (value == null) {
      return "–";
    }
    return value == Math.rint(value)
        ? String.valueOf(value.longValue())
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
