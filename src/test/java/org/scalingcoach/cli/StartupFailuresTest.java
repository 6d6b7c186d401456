package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.store.Database;
import org.scalingcoach.web.CoachServer;
import picocli.CommandLine;

class StartupFailuresTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = CoachCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static long lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).count();
  }

  @Test
  void should_refuse_a_mistyped_data_dir_instead_of_creating_an_empty_database() {
    Path typo = dir.resolve("dta");

    int usage = run("usage", "--data-dir", typo.toString());
    int grant =
        run("roles", "grant", "U1", "manager", "--team", "T1", "--data-dir", typo.toString());

    assertThat(usage).isEqualTo(2);
    assertThat(grant).isEqualTo(2);
    assertThat(err.toString())
        .contains("error: no coach database at " + typo.resolve("coach.db").toAbsolutePath())
        .contains("error: --data-dir " + typo + " is not a folder");
    assertThat(lines(err.toString())).isEqualTo(2);
    assertThat(Files.exists(typo)).isFalse();
  }

  @Test
  void should_refuse_zero_days_of_usage_and_say_when_no_roles_are_granted() {
    Database.open(dir.resolve("coach.db")).close();

    int zero = run("usage", "--days", "0", "--data-dir", dir.toString());
    int list = run("roles", "list", "--data-dir", dir.toString());

    assertThat(zero).isEqualTo(2);
    assertThat(err.toString()).contains("--days must be at least 1");
    assertThat(list).isZero();
    assertThat(out.toString()).contains("No roles granted");
  }

  @Test
  void should_report_an_empty_knowledge_folder_and_a_missing_prompts_folder_as_problems()
      throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    int knowledge = run("knowledge", "check", "--dir", empty.toString());
    int prompts = run("prompts", "check", "--dir", dir.resolve("missing").toString());

    assertThat(knowledge).isEqualTo(1);
    assertThat(prompts).isEqualTo(1);
    assertThat(err.toString())
        .contains(empty + ":0: no knowledge documents")
        .contains("prompts folder not found")
        .doesNotContain("COACH_KNOWLEDGE_DIR");
  }

  @Test
  void should_name_the_audits_it_checked_when_all_is_well() {
    assertThat(run("knowledge", "check", "--dir", "knowledge")).isZero();

    assertThat(out.toString())
        .startsWith("OK: 12 documents, ")
        .contains(" and 4 audits in knowledge");
  }

  @Test
  void should_explain_a_port_in_use_in_one_line() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      Throwable failure =
          catchThrowable(
              () ->
                  CoachServer.start(
                      taken.getLocalPort(), TestCore.shared(), TestCore.database(), null));

      assertThat(StartupFailures.explain(failure))
          .hasValueSatisfying(
              line ->
                  assertThat(line)
                      .startsWith("error: the port is already in use")
                      .contains("set PORT")
                      .doesNotContain("\n"));
    }
  }

  @Test
  void should_explain_a_refused_socket_mode_token_in_one_line() throws Exception {
    try (FakeSlack fake = FakeSlack.start()) {
      for (int i = 0; i < 3; i++) {
        fake.scriptNext(
            "apps.connections.open", 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
      }
      CoachConfig config =
          CoachConfig.fromEnvironment(
              Map.of(
                  "PORT", "0",
                  "SLACK_BOT_TOKEN", "xoxb-1-test-token",
                  "SLACK_APP_TOKEN", "xapp-1-wrong",
                  "SLACK_API_URL", fake.apiUrl()));

      Throwable failure =
          catchThrowable(
              () -> CoachServer.start(config, TestCore.shared(), TestCore.database()).close());

      assertThat(StartupFailures.explain(failure))
          .hasValueSatisfying(
              line ->
                  assertThat(line)
                      .startsWith("error: Slack refused the Socket Mode connection")
                      .contains("invalid_auth")
                      .contains("SLACK_APP_TOKEN"));
    }
  }

  @Test
  void should_explain_a_folder_the_coach_may_not_write_such_as_a_root_owned_bind_mount() {
    Throwable failure =
        new UncheckedIOException(
            "cannot create the data folder", new AccessDeniedException("/data/djl"));

    assertThat(StartupFailures.explain(failure))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("error: permission denied for /data/djl")
                    .contains("chown -R 10001:10001"));
  }

  @Test
  void should_explain_a_data_folder_that_cannot_be_created_in_one_line() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");

    int exit =
        run("roles", "grant", "U1", "manager", "--team", "T1", "--data-dir", file.toString());
    Throwable failure =
        catchThrowable(() -> Database.open(file.resolve("sub").resolve("coach.db")));

    assertThat(exit).isEqualTo(2);
    assertThat(StartupFailures.explain(failure))
        .hasValueSatisfying(line -> assertThat(line).startsWith("error: cannot use "));
  }

  @Test
  void should_explain_a_broken_prompt_template_at_start_up_in_one_line() throws Exception {
    Path prompts = Files.createDirectories(dir.resolve("prompts"));
    for (String name : new String[] {"system.txt", "answer.txt", "follow-up.txt"}) {
      Files.copy(Path.of("prompts", name), prompts.resolve(name));
    }
    Files.writeString(prompts.resolve("audit-summary.txt"), "Summarise {{facts}} {{score}}");
    CoachConfig config =
        CoachConfig.fromEnvironment(
            Map.of(
                "PORT", "0",
                "COACH_DATA_DIR", dir.resolve("data").toString(),
                "COACH_LLM_PROVIDER", "openai",
                "COACH_LLM_API_KEY", "sk-test-never-sent",
                "COACH_LLM_BASE_URL", "http://127.0.0.1:9/v1",
                "COACH_PROMPTS_DIR", prompts.toString()));

    Throwable failure =
        catchThrowable(() -> CoachWiring.core(config, CoachWiring.database(config)));

    assertThat(StartupFailures.explain(failure))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("error: the prompt templates cannot be used: ")
                    .contains(
                        prompts.resolve("audit-summary.txt") + ":1: unknown variable {{score}}")
                    .contains("COACH_PROMPTS_DIR")
                    .doesNotContain("\n")
                    .doesNotContain("sk-test-never-sent"));
  }

  @Test
  void should_keep_the_stack_trace_of_a_real_bug() {
    assertThat(StartupFailures.explain(new NullPointerException("bug"))).isEmpty();
  }
}
