package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.answer.Question;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditFixture;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.SubjectStatus;
import org.scalingcoach.audit.Trend;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.AuditReportReplies;
import org.scalingcoach.conversation.Block;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestions;

/**
 * Slack refuses a whole message when one block breaks Block Kit's limits (invalid_blocks): every
 * block builder, with the longest and most numerous inputs people produce, must stay inside them.
 */
class BlockKitLimitsTest {
  private static final Actor ANNA = new Actor("T1", "UANNA");
  private static final String LONG =
      "Churn model for the whole EMEA region, " + "and more ".repeat(30);

  private static List<com.slack.api.model.block.LayoutBlock> blocks(Reply reply) {
    return SlackReplies.blocks(reply);
  }

  @Test
  void a_reply_of_more_blocks_than_slack_takes_is_cut_to_fifty_keeping_its_last_buttons() {
    List<Block> many = new java.util.ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(new Block.Text("Paragraph " + i + " " + "x".repeat(3_500)));
    }
    many.add(
        Block.Choices.row(List.of(Reply.Button.of("A".repeat(120), "ask", java.util.Map.of()))));

    var blocks = json(SlackReplies.blocks(Reply.of("many", many)));

    BlockKit.message(blocks, "a reply of 160 sections");
    assertThat(blocks.size()).isEqualTo(SlackReplies.MAX_BLOCKS);
    assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("actions");
    assertThat(blocks.get(blocks.size() - 2).toString()).contains("too long for Slack");
    assertThat(blocks.get(blocks.size() - 1).findPath("text").path("text").asText()).hasSize(75);
  }

  private static JsonNode json(List<?> blocks) {
    return BlockKit.json(blocks);
  }

  private static void assertWithinLimits(JsonNode blocks, String question) {
    BlockKit.message(blocks, "answer to " + question);
  }

  @Test
  void should_keep_every_answer_to_the_labelled_questions_within_block_kit_limits()
      throws Exception {
    List<EvaluationSet.Item> items = EvaluationSet.load().items();

    for (EvaluationSet.Item item : items) {
      Answer answer = TestCore.shared().answers().answer(Question.of(item.question()));
      JsonNode blocks =
          json(
              AnswerBlocks.answer(
                  answer, "a".repeat(36), new AnswerBlocks.Options("U012AB3CDEF", true)));
      assertWithinLimits(blocks, item.question());
    }
    assertThat(items).hasSizeGreaterThan(100);
  }

  @Test
  void should_keep_an_answer_to_a_very_long_question_within_block_kit_limits() throws Exception {
    String question = "How do we detect model drift " + "in our churn model ".repeat(200) + "?";

    Answer answer = TestCore.shared().answers().answer(Question.of(question));

    assertWithinLimits(
        json(AnswerBlocks.answer(answer, "a".repeat(36), AnswerBlocks.Options.PLAIN)), "long");
  }

  @Test
  void every_audit_step_of_every_shipped_audit_stays_within_block_kit_limits() {
    AuditFixture audits = new AuditFixture();
    for (AuditDefinition definition : audits.engine.catalog().definitions()) {
      Progress p = audits.engine.start(ANNA, definition.id(), LONG.substring(0, 120));
      while (!p.readyToFinish()) {
        BlockKit.message(blocks(AuditReplies.step(p)), definition.id() + " " + p.question().id());
        BlockKit.message(
            blocks(AuditReplies.settled(definition, p.question().id(), "answered *" + LONG + "*")),
            "settled " + p.question().id());
        String option = p.question().options().get(p.question().options().size() - 1).id();
        p =
            audits.engine.answer(
                ANNA, p.audit().id(), p.audit().revision(), p.question().id(), option);
      }
      BlockKit.message(blocks(AuditReplies.step(p)), definition.id() + " review");
      BlockKit.message(
          blocks(AuditReplies.step(audits.engine.pause(ANNA, p.audit().id()))),
          definition.id() + " paused");
      AuditRecord finished =
          audits.engine.finish(ANNA, audits.engine.resume(ANNA, p.audit().id()).audit().id());
      AuditRecord again = audits.finishWith(ANNA, definition.id(), finished.subject(), 0);
      AuditReport report = audits.history.report(ANNA, again.id());
      BlockKit.message(
          blocks(AuditReportReplies.report(report, true)), definition.id() + " report");
      BlockKit.message(
          blocks(AuditReportReplies.report(report, false)), definition.id() + " shared report");
    }
  }

  @Test
  void the_audit_list_and_team_view_stay_within_block_kit_limits_for_busy_people() {
    AuditFixture audits = new AuditFixture();
    List<AuditDefinition> definitions = audits.engine.catalog().definitions();
    for (int i = 0; i < 60; i++) {
      audits.engine.start(
          ANNA,
          definitions.get(i % definitions.size()).id(),
          "Subject " + i + " " + LONG.substring(0, 100));
    }
    List<AuditRecord> mine = audits.store.list("T1", "UANNA");

    BlockKit.message(
        blocks(AuditReplies.menu(definitions, mine, List.of("a notice " + LONG))),
        "audit list with 60 open audits");

    AuditRecord latest = audits.finishWith(ANNA, definitions.get(0).id(), "Fraud", 2);
    List<SubjectStatus> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      statuses.add(
          new SubjectStatus(
              latest.type(),
              definitions.get(0).title(),
              "Subject " + i + " " + LONG.substring(0, 60),
              latest,
              3,
              Trend.IMPROVED));
    }
    BlockKit.message(
        blocks(
            AuditReportReplies.team(
                statuses, true, user -> new Reply.Person(user, "a colleague", false))),
        "team view of 200 subjects");
  }

  @Test
  void expert_messages_and_modals_stay_within_block_kit_limits_with_long_text() {
    String question = "Who should own retraining " + "across every country ".repeat(100) + "?";
    ExpertQuestion q =
        ExpertQuestions.open("slack", question, "context ".repeat(400), "answer ".repeat(600));

    BlockKit.message(blocks(ExpertReplies.question(q, null, true, "slack")), "expert question");
    BlockKit.message(
        blocks(ExpertReplies.question(q, "Answered by <@U0EXPERT>", false, "slack")), "answered");
    BlockKit.message(
        blocks(ExpertReplies.question(q, null, true, "teams")), "expert question from Teams");
    BlockKit.message(
        blocks(ExpertReplies.delivered(q, "a".repeat(36), "slack")), "expert answer delivered");
    BlockKit.view(
        SlackModals.of(
            SlackExperts.ASK_VIEW,
            "a".repeat(36),
            "Ask an expert",
            question,
            ExpertReplies.ASK_PROMPT,
            SlackModals.TEXT_BLOCK),
        "ask modal");
    BlockKit.view(
        SlackModals.of(
            SlackExperts.ANSWER_VIEW,
            "7\nC0EXPERTS",
            "Answer the question " + question,
            "*" + question + "*",
            ExpertReplies.ANSWER_PROMPT,
            SlackModals.TEXT_BLOCK),
        "answer modal");
    BlockKit.message(
        blocks(
            Reply.of(
                "offer",
                List.of(
                    Block.Choices.row(
                        List.of(ExpertReplies.offer(question, null, "a".repeat(36), null)))))),
        "ask an expert button");
  }

  @Test
  void the_app_home_stays_within_block_kit_limits() {
    BlockKit.view(
        HomeView.of(
            new ConversationService("slack", SlashCommands.PREFIX, null, null, false)
                .home("T1", "UANNA", TestCore.shared().knowledge())),
        "App Home");
  }
}
