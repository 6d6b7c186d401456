package org.scalingcoach.conversation;

import java.util.Map;

/**
 * What one person said to the coach, whatever the chat platform: typed text or the click of a
 * button the coach rendered earlier. The adapters parse their deliveries into it; the conversation
 * service reads nothing else.
 *
 * @param platform {@code slack} or {@code teams}
 * @param workspace the Slack team or Teams tenant
 * @param conversation the platform's id of the chat, channel or direct message
 * @param kind who else sees the coach's reply there
 * @param thread the thread the turn belongs to, or null at the top level
 * @param text what was typed, or null for a click
 * @param action the button clicked, or null for typed text
 */
public record Turn(
    String platform,
    String workspace,
    String user,
    String conversation,
    Kind kind,
    String thread,
    String text,
    Action action) {

  /** Who else sees the coach's reply, as Bot Framework names conversation types. */
  public enum Kind {
    /** Only the person: a direct message, a personal chat, an ephemeral reply, the App Home. */
    PERSONAL,
    /** A group chat of a few people. */
    GROUP,
    /** A channel: potentially the whole company. */
    CHANNEL
  }

  /**
   * A click: the action the coach gave the button, and the data it put on it, which the adapter
   * carries through the platform without reading it.
   */
  public record Action(String name, Map<String, String> token) {
    public Action {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an action needs a name");
      }
      token = token == null ? Map.of() : Map.copyOf(token);
    }

    /** The token's value for {@code key}, or "" when the button carried none. */
    public String value(String key) {
      return token.getOrDefault(key, "");
    }
  }

  public Turn {
    if ((text == null) == (action == null)) {
      throw new IllegalArgumentException("a turn is either typed text or a click, not both");
    }
    if (kind == null) {
      throw new IllegalArgumentException("a turn needs the kind of its conversation");
    }
  }

  /** Typed text. */
  public static Turn typed(
      String platform,
      String workspace,
      String user,
      String conversation,
      Kind kind,
      String thread,
      String text) {
    return new Turn(platform, workspace, user, conversation, kind, thread, text, null);
  }

  /** A button click. */
  public static Turn clicked(
      String platform,
      String workspace,
      String user,
      String conversation,
      Kind kind,
      String thread,
      Action action) {
    return new Turn(platform, workspace, user, conversation, kind, thread, null, action);
  }

  public boolean personal() {
    return kind == Kind.PERSONAL;
  }
}
