package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.QuestionLog;
import picocli.CommandLine;

class InsightsCommandTest {
  @TempDir Path dir;

  private static Answer answered(String question) {
    return new Answer(
        question,
        true,
        Topic.MODEL_RETRAINING,
        "text [1]",
        List.of(new Citation("doc", "Doc", Topic.MODEL_RETRAINING, "Part", "part", 0.5)),
        List.of());
  }

  @Test
  void should_list_unanswered_questions_and_down_votes_of_one_workspace() throws Exception {
    Database database = Database.open(dir.resolve("coach.db"));
    QuestionLog log = new QuestionLog(database);
    log.record("T1", "U1", "slack", ExtractiveAnswerEngine.outOfScope("Where is the VPN guide?"));
    log.record("T1", "U2", "slack", ExtractiveAnswerEngine.outOfScope("where is the vpn guide? "));
    log.record("T1", "U1", "slack", answered("how do we retrain"));
    log.record("T2", "U9", "teams", ExtractiveAnswerEngine.outOfScope("secret question of T2"));
    database.withConnection(
        c -> {
          c.createStatement()
              .executeUpdate(
                  "INSERT INTO conversation_turn (id, platform, workspace, conversation, thread,"
                      + " user_id, question, reply, answer_json, created_at) VALUES ('a1', 'slack',"
                      + " 'T1', 'C1', '', 'U1', 'how do we retrain', '', '{}', 0)");
          return c.createStatement()
              .executeUpdate(
                  "INSERT INTO answer_feedback (platform, workspace, answer_ref, user_id, rating,"
                      + " question, sources) VALUES ('slack', 'T1', 'a1', 'U1', -1, 'how do we"
                      + " retrain', 'doc#part')");
        });
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new CoachCommand());
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("insights", "--data-dir", dir.toString(), "--team", "T1");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("3 questions, 1 answered (33%)")
        .contains("model-retraining       1")
        .containsPattern("  2x  (W|w)here is the (VPN|vpn) guide\\?")
        .contains("1 down / 0 up  [slack] how do we retrain")
        .contains("sources: doc#part")
        .doesNotContain("secret question of T2");
  }
}
