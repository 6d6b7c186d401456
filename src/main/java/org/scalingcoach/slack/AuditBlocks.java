package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ConversationsSelectElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalingcoach.audit.AnswerOption;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.DimensionScore;
import org.scalingcoach.audit.NextAction;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ScoreChange;
import org.scalingcoach.audit.SubjectStatus;
import org.scalingcoach.audit.Trend;

/** The Block Kit of audits: the list, one message per question, the report, the team view. */
final class AuditBlocks {
  static final String START = "audit_start";
  static final String RESUME = "audit_resume";
  static final String ANSWER_PREFIX = "audit_answer_";
  static final String BACK = "audit_back";
  static final String SKIP = "audit_skip";
  static final String PAUSE = "audit_pause";
  static final String FINISH = "audit_finish";
  static final String REPORT = "audit_report";
  static final String SHARE = "audit_share";
  static final String EXPORT = "audit_export";

  private AuditBlocks() {}

  /** The audits one can start, and the person's own open audits to resume. */
  static List<LayoutBlock> list(List<AuditDefinition> definitions, List<AuditRecord> mine) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Guided audits", true))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "Each audit asks 8 to 15 questions, one at a time, scores your answers against a published"
                            + " maturity model and suggests the three next steps. You can pause at any time."))));
    for (AuditDefinition d : definitions) {
      blocks.add(
          section(
              s ->
                  s.text(
                          markdownText(
                              "*"
                                  + Mrkdwn.escape(d.title())
                                  + "* · "
                                  + d.questions().size()
                                  + " questions\n"
                                  + Mrkdwn.escape(d.summary())))
                      .accessory(button(START, "Start", d.id(), "primary"))));
    }
    List<AuditRecord> open = mine.stream().filter(a -> a.status().active()).toList();
    if (!open.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Your open audits*"))));
      for (AuditRecord a : open) {
        blocks.add(
            section(
                s ->
                    s.text(
                            markdownText(
                                Mrkdwn.escape(a.subject())
                                    + " · `"
                                    + a.type()
                                    + "` · "
                                    + a.status().name().toLowerCase(Locale.ROOT)))
                        .accessory(button(RESUME, "Resume", String.valueOf(a.id()), null))));
      }
    }
    return blocks;
  }

  /** One question: progress line, question, help, one button per option, then Back, Skip, Pause. */
  static List<LayoutBlock> question(Progress p) {
    AuditQuestion q = p.question();
    String base = p.audit().id() + ":" + p.audit().revision() + ":" + q.id();
    List<LayoutBlock> blocks = new ArrayList<>();
    if (p.notice() != null) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(markdownText(":information_source: " + Mrkdwn.escape(p.notice()))))));
    }
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "*"
                                + Mrkdwn.escape(p.definition().title())
                                + "* · "
                                + Mrkdwn.escape(p.audit().subject())
                                + " · "
                                + Mrkdwn.escape(p.progressLine()))))));
    blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escape(q.text()) + "*"))));
    blocks.add(
        context(c -> c.elements(List.of(markdownText(":bulb: " + Mrkdwn.escape(q.help()))))));
    List<BlockElement> options = new ArrayList<>();
    String chosen = p.chosenOption().orElse(null);
    for (int i = 0; i < q.options().size(); i++) {
      AnswerOption o = q.options().get(i);
      options.add(
          button(
              ANSWER_PREFIX + i,
              (o.id().equals(chosen) ? "✓ " : "") + o.label(),
              base + ":" + o.id(),
              o.id().equals(chosen) ? "primary" : null));
    }
    blocks.add(actions(a -> a.blockId("audit_options").elements(options)));
    List<BlockElement> nav = new ArrayList<>();
    if (p.audit().position() > 0) {
      nav.add(button(BACK, "← Back", base, null));
    }
    nav.add(button(SKIP, "Skip", base, null));
    nav.add(button(PAUSE, "Pause", base, null));
    blocks.add(actions(a -> a.blockId("audit_nav").elements(nav)));
    return blocks;
  }

  /** After the last question: finish for the report, or go back. */
  static List<LayoutBlock> review(Progress p) {
    String base = p.audit().id() + ":" + p.audit().revision() + ":end";
    List<LayoutBlock> blocks = new ArrayList<>();
    if (p.notice() != null) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(markdownText(":information_source: " + Mrkdwn.escape(p.notice()))))));
    }
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*"
                            + Mrkdwn.escape(p.definition().title())
                            + "* · "
                            + Mrkdwn.escape(p.audit().subject())
                            + "\n"
                            + Mrkdwn.escape(p.progressLine())
                            + ". Finish to see your scores and next steps; after that the answers can't change."))));
    blocks.add(
        actions(
            a ->
                a.blockId("audit_review")
                    .elements(
                        List.of(
                            button(FINISH, "Finish and see my report", base, "primary"),
                            button(BACK, "← Back", base, null),
                            button(PAUSE, "Pause", base, null)))));
    return blocks;
  }

  /** What a question message turns into once clicked: its place in the audit and the outcome. */
  static List<LayoutBlock> settled(AuditDefinition definition, String questionId, String outcome) {
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
    return List.of(
        context(c -> c.elements(List.of(markdownText(Mrkdwn.escape(where) + " · " + outcome)))));
  }

  static List<LayoutBlock> paused(Progress p) {
    return List.of(
        section(
            s ->
                s.text(
                        markdownText(
                            ":double_vertical_bar: Paused *"
                                + Mrkdwn.escape(p.definition().title())
                                + "* · "
                                + Mrkdwn.escape(p.audit().subject())
                                + " at "
                                + Mrkdwn.escape(p.progressLine())
                                + ". Your answers are saved."))
                    .accessory(
                        button(RESUME, "Resume", String.valueOf(p.audit().id()), "primary"))));
  }

  /** The scored report; {@code withButtons} adds share and export for the owner's copy. */
  static List<LayoutBlock> report(AuditReport report, boolean withButtons) {
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
                            + number(overall.score())
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
          .append(d.assessed() ? d.level().label() + " · " + number(d.score()) : "not assessed")
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
    if (withButtons) {
      String id = String.valueOf(report.audit().id());
      blocks.add(
          actions(
              a ->
                  a.blockId(SHARE + ":" + id)
                      .elements(
                          List.of(
                              ConversationsSelectElement.builder()
                                  .actionId(SHARE)
                                  .placeholder(plainText("Share in a channel…"))
                                  .filter(
                                      com.slack.api.model.block.element.ConversationsFilter
                                          .builder()
                                          .include(List.of("public", "private"))
                                          .excludeBotUsers(true)
                                          .build())
                                  .build(),
                              button(EXPORT, "Export Markdown + CSV", id, null)))));
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
          .append(number(s.latest().score()))
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
      case IMPROVED -> ":arrow_up: improved +" + number(c.delta());
      case DECLINED -> ":arrow_down: declined " + number(c.delta());
      case UNCHANGED -> "unchanged";
      case NEW -> "new";
    };
  }

  static String number(Double value) {
    if (value == null) {
      return "–";
    }
    return value == Math.rint(value)
        ? String.valueOf(value.longValue())
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static ButtonElement button(String actionId, String text, String value, String style) {
    String label = text.length() > 75 ? text.substring(0, 74) + "…" : text;
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label, true))
        .value(value)
        .style(style)
        .build();
  }
}
