package org.scalingcoach.audit;

import java.util.Objects;

/** The person acting, inside their workspace (a Slack team or a Teams tenant). */
public record Actor(String teamId, String userId) {

  public Actor {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(userId, "userId");
  }
}
