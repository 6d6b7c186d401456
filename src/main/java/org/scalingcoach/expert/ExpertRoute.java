package org.scalingcoach.expert;

import java.util.List;
import java.util.Optional;

/**
 * Where the experts for one topic are: a Slack channel and/or a Teams channel (team and channel
 * ids), and optionally the people who may answer besides the channel's members.
 */
public record ExpertRoute(
    String name,
    Optional<String> slackChannel,
    Optional<TeamsChannel> teamsChannel,
    List<String> people) {

  /** A channel of a team in Microsoft Teams. */
  public record TeamsChannel(String teamId, String channelId) {}

  public ExpertRoute {
    people = List.copyOf(people);
  }

  /**
   * The platform an asker's question is posted on: Slack when both are set and asked from Slack.
   */
  public Optional<ExpertChannel> channelFor(String askerPlatform) {
    Optional<ExpertChannel> slack = slackChannel.map(c -> new ExpertChannel("slack", c));
    Optional<ExpertChannel> teams =
        teamsChannel.map(c -> new ExpertChannel("teams", c.channelId()));
    return askerPlatform.equals("teams") ? teams.or(() -> slack) : slack.or(() -> teams);
  }

  /** True when {@code channel} is one of this route's experts channels. */
  public boolean hasChannel(ExpertChannel channel) {
    return switch (channel.platform()) {
      case "slack" -> slackChannel.filter(channel.id()::equals).isPresent();
      case "teams" -> teamsChannel.filter(t -> t.channelId().equals(channel.id())).isPresent();
      default -> false;
    };
  }

  /** True when {@code user}, acting from {@code channel}, may answer for this route. */
  public boolean admits(ExpertChannel channel, String user) {
    return hasChannel(channel) || people.contains(user);
  }
}
