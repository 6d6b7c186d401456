package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class ReminderRouterTest {

  /** A platform that reaches the people its rule accepts and records what it delivered. */
  private static final class RecordingDelivery implements ReminderDelivery {
    final List<String> delivered = new ArrayList<>();
    private final BiPredicate<String, String> reaches;

    RecordingDelivery(BiPredicate<String, String> reaches) {
      this.reaches = reaches;
    }

    @Override
    public boolean reaches(String teamId, String userId) {
      return reaches.test(teamId, userId);
    }

    @Override
    public void remind(ReminderSchedule schedule) {
      delivered.add("remind " + schedule.ownerUserId());
    }

    @Override
    public void nudge(AuditRecord audit) {
      delivered.add("nudge " + audit.userId());
    }
  }

  private static ReminderSchedule scheduleFor(String teamId, String owner) {
    return new ReminderSchedule(
        1, teamId, "plan-for-mlops", "Churn", owner, 30, "UBOSS", Instant.EPOCH);
  }

  @Test
  void should_hand_each_reminder_to_the_platform_that_reaches_its_owner() {
    RecordingDelivery slack = new RecordingDelivery((team, user) -> user.startsWith("U"));
    RecordingDelivery teams = new RecordingDelivery((team, user) -> team.contains("-"));
    ReminderRouter router = new ReminderRouter();
    router.add(slack);
    router.add(teams);

    router.remind(scheduleFor("T01", "U0ADA"));
    router.remind(scheduleFor("72f988bf-86f1", "d6a2f3c1-8b4e"));

    assertThat(slack.delivered).containsExactly("remind U0ADA");
    assertThat(teams.delivered).containsExactly("remind d6a2f3c1-8b4e");
  }

  @Test
  void should_refuse_a_reminder_no_platform_can_reach() {
    ReminderRouter router = new ReminderRouter();
    router.add(new RecordingDelivery((team, user) -> user.startsWith("U")));

    assertThat(router.reaches("72f988bf-86f1", "d6a2f3c1-8b4e")).isFalse();
    assertThatThrownBy(() -> router.remind(scheduleFor("72f988bf-86f1", "d6a2f3c1-8b4e")))
        .isInstanceOf(ReminderRouter.UnreachableException.class)
        .hasMessageContaining("d6a2f3c1-8b4e");
  }
}
