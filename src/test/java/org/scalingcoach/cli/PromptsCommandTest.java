package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PromptsCommandTest {
  @TempDir Path dir;

  @Test
  void should_pass_the_shipped_prompts_and_fail_a_broken_folder() throws Exception {
    for (String name : new String[] {"system.txt", "answer.txt", "follow-up.txt"}) {
      Files.copy(Path.of("prompts", name), dir.resolve(name));
    }
    Files.writeString(dir.resolve("audit-summary.txt"), "Summarise {{facts}} {{score}}");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new CoachCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));

    int good = cli.execute("prompts", "check", "--dir", "prompts");
    int bad = cli.execute("prompts", "check", "--dir", dir.toString());

    assertThat(good).isZero();
    assertThat(out.toString()).contains("OK: 4 prompt templates");
    assertThat(bad).isEqualTo(1);
    assertThat(err.toString())
        .contains(dir.resolve("audit-summary.txt") + ":1: unknown variable {{score}}")
        .contains("missing required variable {{sources}}");
  }
}
