package org.scalingcoach.answer;

/** One earlier message of a conversation, by the asker or by the coach. */
public record PastTurn(Speaker speaker, String text) {

  /** Who said it. */
  public enum Speaker {
    USER,
    COACH
  }

  public static PastTurn user(String text) {
    return new PastTurn(Speaker.USER, text);
  }

  public static PastTurn coach(String text) {
    return new PastTurn(Speaker.COACH, text);
  }
}
