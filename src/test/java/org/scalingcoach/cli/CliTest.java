package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Question;
import picocli.CommandLine;

class CliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new CoachCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void should_pass_knowledge_check_on_the_shipped_files() {
    assertThat(run("knowledge", "check", "--dir", "knowledge")).isZero();
    assertThat(out.toString()).startsWith("OK: ");
  }

  @Test
  void should_fail_knowledge_check_with_file_and_line_on_a_broken_file() throws Exception {
    Files.writeString(
        dir.resolve("broken.md"),
        "---\nid: broken\ntitle: Broken\ntopic: cooking\ntags: [a]\nowner: me\nlast_reviewed:"
            + " 2026-01-01\n---\n## Empty\n");

    int exit = run("knowledge", "check", "--dir", dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .contains(dir.resolve("broken.md") + ":4: unknown topic 'cooking'")
        .contains(dir.resolve("broken.md") + ":9: section 'Empty' is empty")
        .contains("2 problem(s) found");
  }

  @Test
  void should_split_a_conversation_file_into_turns_at_blank_lines() {
    assertThat(
            AskCommand.turns("how do we detect drift?\n\nand how often\nshould we check?\n \n\n"))
        .containsExactly("how do we detect drift?", "and how often should we check?");
  }

  @Test
  void should_refuse_a_conversation_file_it_cannot_read_or_given_with_a_question() {
    assertThat(run("ask", "--conversation", dir.resolve("missing.txt").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read");

    assertThat(run("ask", "--conversation", "chat.txt", "a question")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
  }

  @Test
  void should_reject_an_empty_question_and_unknown_options() {
    assertThat(run("ask", "  ")).isEqualTo(2);
    assertThat(err.toString()).contains("the question is empty");

    assertThat(run("ask", "--colour", "red")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--colour'");
  }

  @Test
  void should_print_answers_as_json_with_every_documented_field() throws Exception {
    String json =
        AskCommand.toJson(
            TestCore.shared().answers().answer(Question.of("how do we budget for GPU costs")));

    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("question").asText()).isEqualTo("how do we budget for GPU costs");
    assertThat(node.get("answered").asBoolean()).isTrue();
    assertThat(node.get("topic").asText()).isEqualTo("infrastructure-cost");
    assertThat(node.get("answer").asText()).contains("[1]");
    JsonNode citation = node.get("citations").get(0);
    assertThat(citation.fieldNames())
        .toIterable()
        .containsExactly("id", "title", "topic", "section", "score");
  }

  @Test
  void should_print_null_topic_for_an_unanswered_question() throws Exception {
    String json =
        AskCommand.toJson(
            TestCore.shared().answers().answer(Question.of("tell me a joke about cats")));

    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("answered").asBoolean()).isFalse();
    assertThat(node.get("topic").isNull()).isTrue();
    assertThat(node.get("citations")).isEmpty();
  }
}
