package org.scalingcoach.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the coach says back, whatever the chat platform: each adapter has one renderer that turns it
 * into Block Kit or an Adaptive Card.
 *
 * @param markdown the text, in plain Markdown (bold, italics, lists, links); the renderer converts
 * @param sources numbered sources the text's {@code [n]} markers point at
 * @param choices questions or options the person may pick next, one per row
 * @param buttons a row of buttons under everything else (such as 👍/👎)
 * @param notices short lines shown small and subtle under the text
 * @param file a chart or a file to show with it, or null
 * @param updatesEarlier true when the reply takes the place of the message whose button was
 *     clicked, rather than following it
 * @param view what the reply is about (an audit report, exports), for senders that do more with it
 *     (a summary after a report, files after exports); never what it looks like, null for most
 * @param blocks what the reply shows, when it is more than an answer's text, sources and buttons;
 *     empty for those, which {@link #content()} lays out as blocks the same way
 */
public record Reply(
    String markdown,
    List<Source> sources,
    List<Button> choices,
    List<Button> buttons,
    List<String> notices,
    File file,
    boolean updatesEarlier,
    View view,
    List<Block> blocks) {

  /** A numbered source: {@code [number] title › section}. */
  public record Source(int number, String title, String section, String key) {}

  /**
   * A button: what it says, the action and token it brings back as a {@link Turn}, how it stands
   * out, and what it asks for before it is sent (or null).
   */
  public record Button(String label, Turn.Action action, Style style, Prompt prompt) {
    public Button(String label, Turn.Action action) {
      this(label, action, Style.PLAIN, null);
    }

    public static Button of(String label, String action, Map<String, String> token) {
      return new Button(label, new Turn.Action(action, token));
    }

    /** The same button, styled. */
    public Button styled(Style style) {
      return new Button(label, action, style, prompt);
    }

    /** The same button, asking for {@code prompt} before it is sent. */
    public Button asking(Prompt prompt) {
      return new Button(label, action, style, prompt);
    }
  }

  /** How a button stands out: the main thing to do, a plain one, or one picked before. */
  public enum Style {
    PRIMARY,
    PLAIN
  }

  /**
   * What a button asks for before its click is sent: a line of text (a form on the card, a dialog
   * in a platform without one), or a conversation to send to, where the platform can pick one.
   *
   * @param key the token key the text comes back under
   * @param label what the input is called
   * @param hint an example or explanation, or ""
   * @param submit what the send button says
   * @param optional true when it may be left empty
   * @param maxChars how long the text may be (a line up to 200, else several)
   */
  public record Prompt(
      String key,
      String label,
      String hint,
      String submit,
      boolean optional,
      int maxChars,
      Kind kind) {
    /** What is asked for. */
    public enum Kind {
      TEXT,
      CONVERSATION
    }
  }

  /**
   * A person a reply speaks of, for each renderer to name its own way (a mention where the platform
   * has them, else the label).
   *
   * @param label how to call them in words: "you", their name, or what to say when it is unknown
   * @param you true when it is the person the reply is for
   */
  public record Person(String userId, String label, boolean you) {}

  /** A chart or a file: its name, media type and bytes, and a line that describes it. */
  public record File(String name, String mediaType, byte[] content, String description) {}

  /** What a reply is about, for a sender that does more than show it. */
  public interface View {}

  /** A reply without a view: an answer's shape. */
  public Reply(
      String markdown,
      List<Source> sources,
      List<Button> choices,
      List<Button> buttons,
      List<String> notices,
      File file,
      boolean updatesEarlier) {
    this(markdown, sources, choices, buttons, notices, file, updatesEarlier, null, List.of());
  }

  public Reply {
    markdown = markdown == null ? "" : markdown;
    sources = List.copyOf(sources);
    choices = List.copyOf(choices);
    buttons = List.copyOf(buttons);
    notices = List.copyOf(notices);
    blocks = List.copyOf(blocks);
  }

  /** Just text. */
  public static Reply text(String markdown) {
    return new Reply(markdown, List.of(), List.of(), List.of(), List.of(), null, false);
  }

  /**
   * A reply made of {@code blocks}; {@code fallback} is its text where blocks are not shown (a
   * notification, a client without them). Its buttons are those of its blocks.
   */
  public static Reply of(String fallback, List<Block> blocks) {
    return new Reply(
        fallback, List.of(), List.of(), List.of(), List.of(), null, false, null, blocks);
  }

  /** The same reply, about {@code view}. */
  public Reply about(View view) {
    return new Reply(
        markdown, sources, choices, buttons, notices, file, updatesEarlier, view, blocks);
  }

  /** The same reply with {@code file} (a chart, shown in its image block, or attached). */
  public Reply withFile(File file) {
    return new Reply(
        markdown, sources, choices, buttons, notices, file, updatesEarlier, view, blocks);
  }

  /**
   * What the reply shows, as blocks: its own, or else its text, notices, sources, the choices (a
   * list under their heading) and the buttons (a row).
   */
  public List<Block> content() {
    if (!blocks.isEmpty()) {
      return blocks;
    }
    List<Block> content = new ArrayList<>();
    if (!markdown.isBlank()) {
      content.add(new Block.Text(markdown));
    }
    notices.forEach(n -> content.add(new Block.Context(n)));
    if (!sources.isEmpty()) {
      content.add(new Block.Sources(sources));
    }
    if (!choices.isEmpty()) {
      content.add(new Block.Choices(choicesHeading(), choices, Block.Layout.LIST));
    }
    if (!buttons.isEmpty()) {
      content.add(Block.Choices.row(buttons));
    }
    return content;
  }

  /** Every button the reply shows, in order. */
  public List<Button> allButtons() {
    List<Button> all = new ArrayList<>();
    for (Block b : content()) {
      if (b instanceof Block.Choices c) {
        all.addAll(c.buttons());
      } else if (b instanceof Block.Text t && t.accessory() != null) {
        all.add(t.accessory());
      }
    }
    return all;
  }

  /**
   * The heading over the choices, or null for none: suggested questions are introduced as such;
   * other options (such as an audit question's answers) stand under the text that asks.
   */
  public String choicesHeading() {
    boolean questions =
        !choices.isEmpty()
            && choices.stream().allMatch(c -> c.action().name().equals(AnswerReplies.ASK));
    return questions ? AnswerReplies.FOLLOW_UPS_HEADING : null;
  }

  /** The same reply, taking the place of the message that was clicked. */
  public Reply replacingEarlier() {
    return new Reply(markdown, sources, choices, buttons, notices, file, true, view, blocks);
  }
}
