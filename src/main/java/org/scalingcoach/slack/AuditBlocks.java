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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalingcoach.audit.AnswerOption;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.Progress;

/**
 * The Block Kit of running audits: the list, one message per question, review and pause. Reports
 * and the team view are in {@link AuditReportBlocks}.
 */
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

  /** Slack's limit of blocks in one message. */
  static final int MAX_BLOCKS = 50;

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
      // Slack refuses a message of more than 50 blocks: the most recent open audits are shown.
      int room = MAX_BLOCKS - blocks.size() - 1;
      for (AuditRecord a : open.subList(0, Math.min(open.size(), room))) {
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
                        .accessory(button(RESUME, "Resume", a.id() + ":" + a.revision(), null))));
      }
      if (open.size() > room) {
        String more = "…and " + (open.size() - room) + " more open audits, not shown here.";
        blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
      }
    }
    return blocks;
  }

  /** The engine's notice for this step (a stale click, a change saved), if there is one. */
  private static void addNotice(List<LayoutBlock> blocks, Progress p) {
    if (p.notice() != null) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(markdownText(":information_source: " + Mrkdwn.escape(p.notice()))))));
    }
  }

  /** One question: progress line, question, help, one button per option, then Back, Skip, Pause. */
  static List<LayoutBlock> question(Progress p) {
    AuditQuestion q = p.question();
    String base = p.audit().id() + ":" + p.audit().revision() + ":" + q.id();
    List<LayoutBlock> blocks = new ArrayList<>();
    addNotice(blocks, p);
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
    addNotice(blocks, p);
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
                        button(
                            RESUME,
                            "Resume",
                            p.audit().id() + ":" + p.audit().revision(),
                            "primary"))));
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
