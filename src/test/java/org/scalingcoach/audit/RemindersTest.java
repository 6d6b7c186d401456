package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteReminderStore;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class RemindersTest {
  private static final Actor MANAGER = new Actor("T1", "UBOSS");
  private static final Actor ANNA = new Actor("T1", "UANNA");
  private final AuditFixture fixture;
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final Reminders reminders;

  RemindersTest(DatabaseKind kind) {
    fixture = new AuditFixture(kind);
    reminders = reminders(fixture.reminderStore);
  }

  private Reminders reminders(ReminderStore store) {
    return new Reminders(store, AuditFixture.catalog(), fixture.roles, delivery, fixture.clock);
  }

  /** Records what would have been sent; can be told to fail. */
  static final class RecordingDelivery implements ReminderDelivery {
    final List<ReminderSchedule> reminded = new CopyOnWriteArrayList<>();
    final List<AuditRecord> nudged = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void remind(ReminderSchedule schedule) {
      if (failing) {
        throw new IllegalStateException("chat platform down");
      }
      reminded.add(schedule);
    }

    @Override
    public void nudge(AuditRecord audit) {
      nudged.add(audit);
    }
  }

  @Test
  void a_scheduled_re_audit_is_sent_once_when_due_and_then_every_interval() {
    reminders.schedule(MANAGER, "plan-for-mlops", "Fraud model", "UANNA", 90);

    assertThat(reminders.runDue().reminders()).isZero();
    fixture.clock.advance(Duration.ofDays(90));
    assertThat(reminders.runDue().reminders()).isEqualTo(1);
    assertThat(reminders.runDue().reminders()).as("not twice for the same due date").isZero();
    fixture.clock.advance(Duration.ofDays(90));
    reminders.runDue();

    assertThat(delivery.reminded)
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.ownerUserId()).isEqualTo("UANNA");
              assertThat(s.subject()).isEqualTo("Fraud model");
            });
  }

  @Test
  void schedules_survive_a_restart() {
    reminders.schedule(MANAGER, "plan-for-mlops", "Fraud model", "UANNA", 30);
    fixture.clock.advance(Duration.ofDays(31));

    Reminders afterRestart = reminders(new SqliteReminderStore(fixture.database));

    assertThat(afterRestart.runDue().reminders()).isEqualTo(1);
    assertThat(afterRestart.list(MANAGER))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.nextDueAt())
                    .isEqualTo(fixture.clock.instant().plus(Duration.ofDays(30))));
  }

  @Test
  void a_failed_delivery_is_retried_at_the_next_check() {
    reminders.schedule(MANAGER, "plan-for-mlops", "Fraud model", "UANNA", 30);
    fixture.clock.advance(Duration.ofDays(30));
    delivery.failing = true;

    assertThat(reminders.runDue().reminders()).isZero();
    delivery.failing = false;

    assertThat(reminders.runDue().reminders()).isEqualTo(1);
  }

  @Test
  void only_managers_schedule_and_cancel_and_bad_input_is_refused() {
    assertThatThrownBy(() -> reminders.schedule(ANNA, "plan-for-mlops", "x", "UANNA", 30))
        .hasMessageContaining("Only managers");
    assertThatThrownBy(() -> reminders.schedule(MANAGER, "nope", "x", "UANNA", 30))
        .hasMessageContaining("no audit called");
    assertThatThrownBy(() -> reminders.schedule(MANAGER, "plan-for-mlops", "x", "UANNA", 0))
        .hasMessageContaining("between 1 and 3650");

    ReminderSchedule schedule = reminders.schedule(MANAGER, "plan-for-mlops", "x", "UANNA", 30);
    assertThat(reminders.list(ANNA)).hasSize(1);
    assertThat(reminders.list(new Actor("T1", "UBOB"))).isEmpty();
    assertThat(reminders.cancel(new Actor("T2", "UBOSS"), schedule.id()))
        .as("other workspace")
        .isFalse();
    assertThat(reminders.cancel(MANAGER, schedule.id())).isTrue();
    assertThat(reminders.list(MANAGER)).isEmpty();
  }

  @Test
  void an_audit_left_open_for_seven_days_gets_exactly_one_nudge() {
    Progress open = fixture.engine.start(ANNA, "audit-your-data", "Churn");
    fixture.engine.start(new Actor("T1", "UBOB"), "audit-your-data", "Churn");
    fixture.clock.advance(Duration.ofDays(6));
    fixture.engine.pause(
        new Actor("T1", "UBOB"),
        fixture.engine.start(new Actor("T1", "UBOB"), "audit-your-data", "Churn").audit().id());

    fixture.clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(reminders.runDue().nudges()).isEqualTo(1);
    fixture.clock.advance(Duration.ofDays(30));
    reminders.runDue();

    assertThat(delivery.nudged)
        .extracting(AuditRecord::id)
        .containsExactly(open.audit().id(), delivery.nudged.get(1).id());
    assertThat(delivery.nudged.get(1).userId()).isEqualTo("UBOB");
    assertThat(reminders.runDue().nudges()).isZero();
  }

  @Test
  void the_background_scheduler_delivers_without_being_asked() {
    reminders.schedule(MANAGER, "plan-for-mlops", "Fraud model", "UANNA", 1);
    fixture.clock.advance(Duration.ofDays(2));

    try (reminders) {
      reminders.start(Duration.ofMillis(50));
      await().atMost(Duration.ofSeconds(5)).until(() -> delivery.reminded.size() == 1);
    }
  }
}
