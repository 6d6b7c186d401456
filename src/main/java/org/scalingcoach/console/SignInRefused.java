package org.scalingcoach.console;

/** A sign-in link that cannot be used, with the reason to show the person. */
public final class SignInRefused extends RuntimeException {

  /** Why the link was refused. */
  public enum Reason {
    UNKNOWN("This sign-in link is not valid. Ask the coach for a new one."),
    EXPIRED(
        "This sign-in link has expired: links are valid for 10 minutes. Ask the coach for a new"
            + " one."),
    USED(
        "This sign-in link was already used: each link signs in once. Ask the coach for a new"
            + " one."),
    NOT_ADMIN("You are no longer an admin of this workspace, so the console stays closed.");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }

  private final Reason reason;

  public SignInRefused(Reason reason) {
    super(reason.message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
