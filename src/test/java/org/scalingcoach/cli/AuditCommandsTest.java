package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;
import picocli.CommandLine;

class AuditCommandsTest {
  @TempDir Path dir;

  @Test
  void knowledge_check_reports_a_broken_audit_link_with_file_and_line() throws IOException {
    Path folder = dir.resolve("knowledge");
    Files.createDirectories(folder.resolve("audits"));
    for (Path file : Files.list(Path.of("knowledge")).filter(Files::isRegularFile).toList()) {
      Files.copy(file, folder.resolve(file.getFileName()));
    }
    String audit =
        Files.readString(Path.of("knowledge/audits/plan-for-mlops.yaml"))
            .replace(
                "model-drift-and-retraining#detecting-drift-practical-techniques",
                "model-drift-and-retraining#gone");
    Path file = folder.resolve("audits/plan-for-mlops.yaml");
    Files.writeString(file, audit);

    List<Problem> problems = KnowledgeChecks.all(folder, KnowledgeBase.load(folder));

    int line =
        Files.readAllLines(file).indexOf("        knowledge: model-drift-and-retraining#gone") + 1;
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(file);
              assertThat(p.line()).isEqualTo(line);
            });
  }

  @Test
  void roles_grant_list_and_revoke_a_manager() {
    String dataDir = dir.toString();

    assertThat(run("roles", "grant", "U123", "manager", "--team", "T1", "--data-dir", dataDir))
        .contains("U123 is now manager in T1");
    assertThat(run("roles", "grant", "U123", "manager", "--team", "T1", "--data-dir", dataDir))
        .contains("already was");
    assertThat(run("roles", "list", "--data-dir", dataDir)).contains("T1\tU123\tmanager");
    assertThat(run("roles", "revoke", "U123", "manager", "--team", "T1", "--data-dir", dataDir))
        .contains("no longer manager");
    assertThat(run("roles", "list", "--team", "T1", "--data-dir", dataDir)).doesNotContain("U123");
    assertThat(run("roles", "grant", "U123", "boss", "--team", "T1", "--data-dir", dataDir))
        .contains("unknown role 'boss'");
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new CoachCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(out));
    command.execute(args);
    return out.toString();
  }
}
