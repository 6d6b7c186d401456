package org.scalingcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --ready-check} in a child JVM, as the build runs it to record the class-data-sharing
 * archive and as a deploy pipeline would: the real server starts on a free port with the shipped
 * knowledge, answers /readyz and one question, and the process exits on its own with 0.
 */
class ServeReadyCheckTest {

  @Test
  void startsAnswersAndExitsWithZero(@TempDir Path data) throws Exception {
    Path output = data.resolve("out.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.scalingcoach.Main",
                "serve",
                "--ready-check")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("COACH_DATA_DIR", data.resolve("data").toString());
    builder.environment().put("PORT", "0");
    builder.environment().put("COACH_RELOAD_WATCH", "false");
    builder.environment().remove("SLACK_BOT_TOKEN");
    builder.environment().remove("TEAMS_APP_ID");
    Process process = builder.start();
    boolean exited = process.waitFor(240, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(exited).as("the ready check stops on its own; output:%n%s", log).isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log)
        .containsPattern("ready check: ready; /readyz 200 after \\d+ ms, first answer \\(\\d+")
        .doesNotContain("NOT ready");
  }
}
