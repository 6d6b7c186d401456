package org.scalingcoach.slack;

/** A Slack Web API call or response_url post failed; the message names the method and error. */
public final class SlackCallFailed extends RuntimeException {
  private final String method;
  private final String error;

  public SlackCallFailed(String method, String error, Throwable cause) {
    super("Slack " + method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
  }

  public String method() {
    return method;
  }

  public String error() {
    return error;
  }
}
