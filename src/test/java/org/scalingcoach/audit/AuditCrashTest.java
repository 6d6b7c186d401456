package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.store.Database;

class AuditCrashTest {

  @Test
  void a_process_killed_mid_audit_resumes_at_the_right_question_with_every_answer_intact()
      throws Exception {
    Path db = TestCore.tempDir("audit-crash-").resolve("coach.db");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AuditCrashChild.class.getName(),
                db.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int printed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (printed < 5 && (line = out.readLine()) != null) {
        if (line.startsWith("answered ")) {
          printed++;
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(printed).as("the child answered questions before it was killed").isEqualTo(5);

    AuditFixture restarted = new AuditFixture(Database.open(db), AuditFixture.catalog());
    Progress resumed =
        restarted.engine.start(
            AuditCrashChild.ACTOR, AuditCrashChild.TYPE, AuditCrashChild.SUBJECT);

    List<AuditQuestion> questions = resumed.definition().questions();
    int stored = resumed.answers().size();
    assertThat(stored).isBetween(5, questions.size() - 1);
    assertThat(resumed.audit().position()).isEqualTo(stored);
    assertThat(resumed.question()).isEqualTo(questions.get(stored));
    for (AuditQuestion question : questions.subList(0, stored)) {
      assertThat(resumed.answers().get(question.id()).optionId())
          .isEqualTo(AuditCrashChild.expectedOption(question));
    }
    Progress next =
        restarted.engine.answer(
            AuditCrashChild.ACTOR,
            resumed.audit().id(),
            resumed.audit().revision(),
            resumed.question().id(),
            resumed.question().options().get(0).id());
    assertThat(next.answers()).hasSize(stored + 1);
  }
}
