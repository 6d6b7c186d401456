package org.scalingcoach.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each reminder to the first chat platform that can reach its person, so one schedule table
 * serves Slack workspaces and Teams tenants alike. Adapters add their delivery when they start.
 */
public final class ReminderRouter implements ReminderDelivery {
  private final List<ReminderDelivery> deliveries = new CopyOnWriteArrayList<>();

  /** Adds a platform; earlier ones are asked first. */
  public void add(ReminderDelivery delivery) {
    deliveries.add(delivery);
  }

  @Override
  public boolean reaches(String teamId, String userId) {
    return deliveries.stream().anyMatch(d -> d.reaches(teamId, userId));
  }

  @Override
  public void remind(ReminderSchedule schedule) {
    route(schedule.teamId(), schedule.ownerUserId()).remind(schedule);
  }

  @Override
  public void nudge(AuditRecord audit) {
    route(audit.teamId(), audit.userId()).nudge(audit);
  }

  private ReminderDelivery route(String teamId, String userId) {
    return deliveries.stream()
        .filter(d -> d.reaches(teamId, userId))
        .findFirst()
        .orElseThrow(
            () ->
                new UnreachableException(
                    "no chat platform can reach user " + userId + " of workspace " + teamId));
  }

  /** Nobody can deliver to this person yet, for example a Teams user who never wrote to the bot. */
  public static final class UnreachableException extends RuntimeException {
    public UnreachableException(String message) {
      super(message);
    }
  }
}
