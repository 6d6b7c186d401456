package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.store.DatabaseKind;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class AuditConcurrencyTest {
  private static final int USERS = 200;
  private final AuditFixture fixture;

  AuditConcurrencyTest(DatabaseKind kind) {
    fixture = new AuditFixture(kind);
  }

  private final ExecutorService secondClicks = Executors.newFixedThreadPool(USERS);

  @Test
  void two_hundred_people_finishing_audits_at_once_lose_and_duplicate_nothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(USERS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> results = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      Actor actor = new Actor("T" + (u % 3), "U" + u);
      int choice = u % 4;
      results.add(
          pool.submit(
              () -> {
                go.await();
                return runAudit(actor, choice);
              }));
    }
    go.countDown();
    List<Long> ids = new ArrayList<>();
    for (Future<Long> result : results) {
      ids.add(result.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();
    secondClicks.shutdown();

    int questions = AuditFixture.catalog().find("audit-your-data").orElseThrow().questions().size();
    assertThat(ids).doesNotHaveDuplicates().hasSize(USERS);
    for (int u = 0; u < USERS; u++) {
      AuditRecord audit = fixture.store.find(ids.get(u)).orElseThrow();
      assertThat(audit.status()).isEqualTo(AuditStatus.FINISHED);
      assertThat(audit.userId()).isEqualTo("U" + u);
      List<RecordedAnswer> answers = fixture.store.answers(audit.id());
      assertThat(answers).hasSize(questions).noneMatch(RecordedAnswer::isSkipped);
      int choice = u % 4;
      AuditDefinition definition = fixture.engine.definition(audit);
      for (RecordedAnswer answer : answers) {
        List<AnswerOption> options =
            definition.question(answer.questionId()).orElseThrow().options();
        assertThat(answer.optionId())
            .isEqualTo(options.get(Math.min(choice, options.size() - 1)).id());
      }
    }
  }

  /** Starts, then answers every question with a double click: two identical clicks at once. */
  private long runAudit(Actor actor, int choice) {
    Progress progress = fixture.engine.start(actor, "audit-your-data", "Shared subject");
    while (!progress.readyToFinish()) {
      AuditQuestion q = progress.question();
      String option = q.options().get(Math.min(choice, q.options().size() - 1)).id();
      long id = progress.audit().id();
      int revision = progress.audit().revision();
      CompletableFuture<Progress> second =
          CompletableFuture.supplyAsync(
              () -> fixture.engine.answer(actor, id, revision, q.id(), option), secondClicks);
      Progress first = fixture.engine.answer(actor, id, revision, q.id(), option);
      Progress other = second.join();
      assertThat(first.notice()).isNull();
      assertThat(other.notice()).isNull();
      progress = first.audit().revision() >= other.audit().revision() ? first : other;
    }
    return fixture.engine.finish(actor, progress.audit().id()).id();
  }
}
