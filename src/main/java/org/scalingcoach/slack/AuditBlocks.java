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
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.AuditView;
import org.scalingcoach.conversation.Reply;

/**
 * The Block Kit of running audits: the list, one message per question, review and pause. Reports
 * and the team view are in {@link AuditReportBlocks}.
 */
final class AuditBlocks {
  static final String START = SlackAuditTokens.START;
  static final String RESUME = SlackAuditTokens.RESUME;
  static final String ANSWER_PREFIX = SlackAuditTokens.ANSWER_PREFIX;
  static final String BACK = SlackAuditTokens.BACK;
  static final String SKIP = SlackAuditTokens.SKIP;
  static final String PAUSE = SlackAuditTokens.PAUSE;
  static final String FINISH = SlackAuditTokens.FINISH;
  static final String REPORT = SlackAuditTokens.REPORT;
  static final String SHARE = SlackAuditTokens.SHARE;
  static final String EXPORT = SlackAuditTokens.EXPORT;

  /** Slack's limit of blocks in one message. */
  static final int MAX_BLOCKS = 50;

  private AuditBlocks() {}

  /** The audits one can start, and the person's own open audits to resume. */
  static List<LayoutBlock> list(List<AuditDefinition> definitions, List<AuditRecord> mine) {
    return list(AuditReplies.menu(definitions, mine, List.of()));
  }

  /** The core's menu: a Start button per audit, a Resume button per open audit. */
  static List<LayoutBlock> list(Reply menu) {
    if (!(menu.view() instanceof AuditView.Menu view)) {
      return SlackReplies.blocks(menu);
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    addNotices(blocks, menu);
    blocks.add(header(h -> h.text(plainText("Guided audits", true))));
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "Each audit asks 8 to 15 questions, one at a time, scores your answers against a published"
                            + " maturity model and suggests the three next steps. You can pause at any time."))));
    for (int i = 0; i < view.definitions().size(); i++) {
      AuditDefinition d = view.definitions().get(i);
      ButtonElement start = button(menu.choices().get(i), i, "primary");
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
                      .accessory(start)));
    }
    List<AuditRecord> open = view.open();
    if (!open.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("*Your open audits*"))));
      // Slack refuses a message of more than 50 blocks: the most recent open audits are shown.
      int room = MAX_BLOCKS - blocks.size() - 1;
      for (int i = 0; i < Math.min(open.size(), room); i++) {
        AuditRecord a = open.get(i);
        blocks.add(
            auditLine(
                a,
                a.status().name().toLowerCase(Locale.ROOT),
                button(menu.buttons().get(i), i, null)));
      }
      if (open.size() > room) {
        String more = "…and " + (open.size() - room) + " more open audits, not shown here.";
        blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
      }
    }
    return blocks;
  }

  /** One audit on a line, {@code subject · `type` · detail}, with its button. */
  static LayoutBlock auditLine(AuditRecord a, String detail, ButtonElement button) {
    return section(
        s ->
            s.text(markdownText(Mrkdwn.escape(a.subject()) + " · `" + a.type() + "` · " + detail))
                .accessory(button));
  }

  /** A notice for this step (a stale click, a change saved), if there is one. */
  private static void addNotices(List<LayoutBlock> blocks, Reply reply) {
    for (String notice : reply.notices()) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(markdownText(":information_source: " + Mrkdwn.escape(notice))))));
    }
  }

  /** The blocks of one of the core's audit replies. */
  static List<LayoutBlock> blocks(Reply reply) {
    if (!(reply.view() instanceof AuditView view)) {
      return SlackReplies.blocks(reply);
    }
    if (view instanceof AuditView.Question q) {
      return question(reply, q.progress());
    }
    if (view instanceof AuditView.Review r) {
      return review(reply, r.progress());
    }
    if (view instanceof AuditView.Paused p) {
      return paused(reply, p.progress());
    }
    if (view instanceof AuditView.Settled s) {
      return settled(s.definition(), s.questionId(), Mrkdwn.escape(s.outcome()));
    }
    if (view instanceof AuditView.Menu) {
      return list(reply);
    }
    return AuditReportBlocks.blocks(reply, view);
  }

  /** One question: progress line, question, help, one button per option, then Back, Skip, Pause. */
  static List<LayoutBlock> question(Progress p) {
    return question(AuditReplies.step(p), p);
  }

  private static List<LayoutBlock> question(Reply reply, Progress p) {
    AuditQuestion q = p.question();
    List<LayoutBlock> blocks = new ArrayList<>();
    addNotices(blocks, reply);
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
    String chosen = p.chosenOption().orElse(null);
    List<BlockElement> options = new ArrayList<>();
    for (int i = 0; i < reply.choices().size(); i++) {
      Reply.Button choice = reply.choices().get(i);
      boolean picked = choice.action().value("option").equals(chosen);
      options.add(button(choice, i, picked ? "primary" : null));
    }
    blocks.add(actions(a -> a.blockId("audit_options").elements(options)));
    blocks.add(actions(a -> a.blockId("audit_nav").elements(buttons(reply, null))));
    return blocks;
  }

  /** After the last question: finish for the report, or go back. */
  static List<LayoutBlock> review(Progress p) {
    return review(AuditReplies.step(p), p);
  }

  private static List<LayoutBlock> review(Reply reply, Progress p) {
    List<LayoutBlock> blocks = new ArrayList<>();
    addNotices(blocks, reply);
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
        actions(a -> a.blockId("audit_review").elements(buttons(reply, AuditReplies.FINISH))));
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
    return paused(AuditReplies.step(p), p);
  }

  private static List<LayoutBlock> paused(Reply reply, Progress p) {
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
                    .accessory(button(reply.buttons().get(0), 0, "primary"))));
  }

  static String number(Double value) {
    if (value == null) {
      return "–";
    }
    return value == Math.rint(value)
        ? String.valueOf(value.longValue())
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** The reply's row of buttons, {@code primary} (an action name) styled as the main one. */
  static List<BlockElement> buttons(Reply reply, String primary) {
    List<BlockElement> row = new ArrayList<>();
    for (int i = 0; i < reply.buttons().size(); i++) {
      Reply.Button b = reply.buttons().get(i);
      row.add(button(b, i, b.action().name().equals(primary) ? "primary" : null));
    }
    return row;
  }

  /** One of the core's buttons, its token carried in the action id and value. */
  static ButtonElement button(Reply.Button button, int index, String style) {
    SlackAuditTokens.Slack slack = SlackAuditTokens.of(button, index);
    return button(slack.actionId(), button.label(), slack.value(), style);
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
