package org.scalingcoach.conversation;

import java.util.List;

/**
 * One piece of what a {@link Reply} shows, in words and buttons the core chose; each platform has
 * one renderer that lays every kind out in its own widgets (Block Kit, an Adaptive Card). Text is
 * Markdown, with what people typed escaped by {@link Markdown#escape}.
 */
public sealed interface Block {

  /** A title over what follows, in plain text. */
  record Heading(String text) implements Block {}

  /**
   * Markdown text; with an {@code accessory}, one button that goes with this text (such as Start
   * beside the audit it starts).
   */
  record Text(String markdown, Reply.Button accessory) implements Block {
    public Text(String markdown) {
      this(markdown, null);
    }
  }

  /** Label and value pairs, such as a score per dimension; values are Markdown. */
  record Fields(List<Field> fields) implements Block {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** One label and its value. */
  record Field(String label, String value) {}

  /** A picture, such as a chart; the file's description is its alternative text. */
  record Image(Reply.File file) implements Block {}

  /**
   * Buttons to pick from: a {@link Layout#ROW} of short options side by side, or a {@link
   * Layout#LIST} of longer ones (such as suggested questions), each shown with its whole text.
   *
   * @param heading what introduces them, or null
   */
  record Choices(String heading, List<Reply.Button> buttons, Layout layout) implements Block {
    public Choices {
      buttons = List.copyOf(buttons);
    }

    /** A row of buttons without a heading. */
    public static Choices row(List<Reply.Button> buttons) {
      return new Choices(null, buttons, Layout.ROW);
    }
  }

  /** How {@link Choices} are laid out. */
  enum Layout {
    ROW,
    LIST
  }

  /** A small, subtle line: where something stands, who did it, what a click did. */
  record Context(String markdown) implements Block {}

  /** A line that needs attention, such as "that button was old, here is where you are". */
  record Notice(String markdown) implements Block {}

  /** The numbered sources the text's {@code [n]} markers point at. */
  record Sources(List<Reply.Source> sources) implements Block {
    public Sources {
      sources = List.copyOf(sources);
    }
  }

  /** A line between parts. */
  record Divider() implements Block {}
}
