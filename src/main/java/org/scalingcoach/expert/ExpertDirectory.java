package org.scalingcoach.expert;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.scalingcoach.knowledge.Topic;

/**
 * Who answers what the coach cannot, from {@code knowledge/experts.yaml}: a route per topic, a
 * default route for the rest, how soon an answer is expected, and when an unanswered question
 * expires.
 */
public record ExpertDirectory(
    Map<Topic, ExpertRoute> byTopic,
    Optional<ExpertRoute> fallback,
    Duration responseTime,
    Duration expireAfter) {

  /** No experts configured: the coach offers no "Ask an expert". */
  public static final ExpertDirectory NONE =
      new ExpertDirectory(Map.of(), Optional.empty(), Duration.ofHours(24), Duration.ofDays(7));

  public ExpertDirectory {
    byTopic = Map.copyOf(byTopic);
  }

  public boolean configured() {
    return !byTopic.isEmpty() || fallback.isPresent();
  }

  /** The topic's route, or the default one. */
  public Optional<ExpertRoute> route(Optional<Topic> topic) {
    return topic.flatMap(t -> Optional.ofNullable(byTopic.get(t))).or(() -> fallback);
  }

  /** The route named {@code name}: a topic id or {@code default}. */
  public Optional<ExpertRoute> named(String name) {
    if (name.equals("default")) {
      return fallback;
    }
    return Topic.fromId(name).map(byTopic::get);
  }
}
