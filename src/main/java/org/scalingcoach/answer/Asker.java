package org.scalingcoach.answer;

/**
 * Who asked a question: the workspace (Slack team or Teams tenant) and the person in it. Limits and
 * usage are counted per asker.
 */
public record Asker(String workspace, String user) {

  /** Someone asking outside any chat workspace, e.g. on the command line. */
  public static final Asker LOCAL = new Asker("local", "local");

  /** A channel that cannot tell who asked still gets answers; they count as "unknown". */
  public Asker {
    workspace = workspace == null || workspace.isBlank() ? "unknown" : workspace;
    user = user == null || user.isBlank() ? "unknown" : user;
  }
}
