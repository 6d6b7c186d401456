package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AskSettingsTest {

  @Test
  void should_list_bad_model_settings_without_a_stack_trace_and_exit_2_like_serve() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(
            new AskCommand(
                Map.of("COACH_LLM_PROVIDER", "azure-openai", "COACH_LLM_TIMEOUT_SECONDS", "0")));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("How do we detect model drift?");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("invalid configuration:")
        .contains("COACH_LLM_TIMEOUT_SECONDS")
        .contains("COACH_LLM_API_KEY")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }
}
