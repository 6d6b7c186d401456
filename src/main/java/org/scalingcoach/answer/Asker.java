package org.scalingcoach.answer;

/**
 * Who asked a question: the workspace (Slack team or Teams tenant) and the person in it. Limits and
 * usage are counted per asker.
 */
public record Asker(String workspace, String user) {

  /** Someone asking outside any chat workspace, e.g. on the command line. */
  public static final Asker LOCAL = new Asker("local", "local");

  public Asker {
    if (workspace == null || workspace.isBlank() || user == null || user.isBlank()) {
      throw new IllegalArgumentException("an asker needs a workspace and a user");
    }
  }
}
