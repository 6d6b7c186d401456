package org.scalingcoach.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses how an answer is shown while it is written: Slack's native streaming in a thread, unless
 * the workspace refused it in the last hour; {@code chat.update} edits otherwise.
 */
final class LiveAnswers {
  private static final Duration RETRY_REFUSED = Duration.ofHours(1);

  private final SlackWebApi slack;
  private final Duration interval;
  private final Clock clock;

  /** Workspace → when it refused {@code chat.startStream}; at most one entry per workspace. */
  private final Map<String, Instant> refused = new ConcurrentHashMap<>();

  LiveAnswers(SlackWebApi slack, Duration interval, Clock clock) {
    this.slack = slack;
    this.interval = interval;
    this.clock = clock;
  }

  LiveAnswer open(String teamId, String userId, Destination.Conversation where) {
    Instant since = refused.get(teamId);
    boolean recentlyRefused = since != null && clock.instant().isBefore(since.plus(RETRY_REFUSED));
    // Native streams are replies in a thread; a top-level message in a DM has none.
    LiveAnswer.Screen screen =
        where.threadTs() == null || recentlyRefused
            ? new StreamingMessage(slack, where)
            : new NativeStream(
                slack, where, teamId, userId, reason -> refused.put(teamId, clock.instant()));
    return new LiveAnswer(screen, interval, where.channel());
  }
}
