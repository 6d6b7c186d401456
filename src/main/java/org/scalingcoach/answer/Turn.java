package org.scalingcoach.answer;

/** One earlier message of a conversation, by the asker or by the coach. */
public record Turn(Speaker speaker, String text) {

  /** Who said it. */
  public enum Speaker {
    USER,
    COACH
  }

  public static Turn user(String text) {
    return new Turn(Speaker.USER, text);
  }

  public static Turn coach(String text) {
    return new Turn(Speaker.COACH, text);
  }
}
