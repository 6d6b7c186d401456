package org.scalingcoach.slack;

/** Where an answer goes: a message in a conversation, or a slash command's response_url. */
sealed interface Destination {

  /**
   * A message in {@code channel}, in the thread {@code threadTs} (null: a new top-level message, as
   * in a direct message). {@code assistant} marks Slack's assistant panel, which shows a status.
   */
  record Conversation(String channel, String threadTs, boolean assistant) implements Destination {}

  /** An ephemeral reply through a {@code response_url}, visible only to the asker. */
  record ResponseUrl(String url, String channel) implements Destination {}
}
