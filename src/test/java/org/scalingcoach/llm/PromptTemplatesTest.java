package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.knowledge.Problem;

class PromptTemplatesTest {
  @TempDir Path dir;

  private void copyShipped() throws IOException {
    for (PromptKind kind : PromptKind.values()) {
      Files.copy(Path.of("prompts").resolve(kind.fileName()), dir.resolve(kind.fileName()));
    }
  }

  @Test
  void should_accept_the_shipped_templates() {
    assertThat(PromptTemplates.check(Path.of("prompts"))).isEmpty();
  }

  @Test
  void should_name_the_file_and_line_of_an_unknown_variable() throws IOException {
    copyShipped();
    Files.writeString(
        dir.resolve("answer.txt"), "Sources:\n{{sources}}\nQ: {{question}}\nUser: {{user_name}}\n");

    assertThat(PromptTemplates.check(dir))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(dir.resolve("answer.txt"));
              assertThat(problem.line()).isEqualTo(4);
              assertThat(problem.message())
                  .contains("unknown variable {{user_name}}")
                  .contains("{{question}}");
            });
  }

  @Test
  void should_report_a_missing_required_variable_naming_the_file() throws IOException {
    copyShipped();
    Files.writeString(dir.resolve("follow-up.txt"), "{{sources}}\n{{question}}\n");

    assertThatThrownBy(() -> PromptTemplates.load(dir))
        .isInstanceOf(PromptException.class)
        .hasMessageContaining("follow-up.txt")
        .hasMessageContaining("missing required variable {{history}}");
  }

  @Test
  void should_report_a_missing_template() throws IOException {
    copyShipped();
    Files.delete(dir.resolve("audit-summary.txt"));

    assertThat(PromptTemplates.check(dir))
        .extracting(Problem::toString)
        .containsExactly(dir.resolve("audit-summary.txt") + ":0: prompt template missing");
  }

  @Test
  void should_insert_values_as_they_are_without_expanding_placeholders_inside_them() {
    PromptTemplate answer = PromptTemplates.load(Path.of("prompts")).get(PromptKind.ANSWER);

    String rendered =
        answer.render(Map.of("sources", "S", "question", "what is {{sources}} and $1?"));

    assertThat(rendered).contains("what is {{sources}} and $1?").containsOnlyOnce("\nS\n");
  }
}
