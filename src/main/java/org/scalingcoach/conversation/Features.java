package org.scalingcoach.conversation;

/** Which optional parts of the conversation this coach runs with: they change help and grammar. */
public record Features(boolean audits, boolean admin, boolean experts) {

  /** Questions only. */
  public static final Features QUESTIONS = new Features(false, false, false);

  /** What {@code command} means here: a word for a feature that is off is just a question. */
  public Command resolve(Command command, String typed) {
    boolean on = true;
    if (command instanceof Command.Audit) {
      on = audits;
    } else if (command instanceof Command.Admin) {
      on = admin;
    } else if (command instanceof Command.MyQuestions) {
      on = experts;
    }
    return on ? command : new Command.Question(typed.strip());
  }
}
