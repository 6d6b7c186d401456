package org.scalingcoach.slack;

import org.scalingcoach.conversation.Turn;
import org.scalingcoach.store.SlackMemory;

/** Parses what Slack delivered into the neutral {@link Turn} the conversation service reads. */
final class SlackTurns {
  static final String PLATFORM = "slack";

  private SlackTurns() {}

  /** Typed text whose answer goes to {@code where}. */
  static Turn typed(String team, String user, Destination where, String text) {
    return new Turn(PLATFORM, team, user, channel(where), kind(where), thread(where), text, null);
  }

  /** A click whose reply goes to {@code where}. */
  static Turn clicked(String team, String user, Destination where, Turn.Action action) {
    return new Turn(PLATFORM, team, user, channel(where), kind(where), thread(where), null, action);
  }

  /**
   * Who else sees a reply in {@code channel}, read from Slack's id prefixes: D is a direct message
   * (and a user id, U or W, is posted to as one), G a group conversation, anything else a channel.
   */
  static Turn.Kind kind(String channel) {
    if (channel != null && (channel.startsWith("D") || channel.matches("[UW].*"))) {
      return Turn.Kind.PERSONAL;
    }
    return channel != null && channel.startsWith("G") ? Turn.Kind.GROUP : Turn.Kind.CHANNEL;
  }

  private static Turn.Kind kind(Destination where) {
    // An ephemeral reply is seen by the person alone, wherever it is shown.
    return where instanceof Destination.Conversation c ? kind(c.channel()) : Turn.Kind.PERSONAL;
  }

  private static String channel(Destination where) {
    return where instanceof Destination.Conversation c
        ? c.channel()
        : ((Destination.ResponseUrl) where).channel();
  }

  private static String thread(Destination where) {
    return where instanceof Destination.Conversation c ? c.threadTs() : SlackMemory.EPHEMERAL;
  }
}
