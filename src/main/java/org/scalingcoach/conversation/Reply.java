package org.scalingcoach.conversation;

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
 * @param view what the reply shows beyond its text, such as an audit question or report, for the
 *     renderer to lay out; null for text alone
 */
public record Reply(
    String markdown,
    List<Source> sources,
    List<Button> choices,
    List<Button> buttons,
    List<String> notices,
    File file,
    boolean updatesEarlier,
    View view) {

  /** A numbered source: {@code [number] title › section}. */
  public record Source(int number, String title, String section, String key) {}

  /** A button: what it says, and the action and token it brings back as a {@link Turn}. */
  public record Button(String label, Turn.Action action) {
    public static Button of(String label, String action, Map<String, String> token) {
      return new Button(label, new Turn.Action(action, token));
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

  /**
   * Structured content a renderer lays out in its platform's widgets (an audit question, a report);
   * the reply's markdown is its plain-text fallback.
   */
  public interface View {}

  /** A reply without a view. */
  public Reply(
      String markdown,
      List<Source> sources,
      List<Button> choices,
      List<Button> buttons,
      List<String> notices,
      File file,
      boolean updatesEarlier) {
    this(markdown, sources, choices, buttons, notices, file, updatesEarlier, null);
  }

  public Reply {
    markdown = markdown == null ? "" : markdown;
    sources = List.copyOf(sources);
    choices = List.copyOf(choices);
    buttons = List.copyOf(buttons);
    notices = List.copyOf(notices);
  }

  /** Just text. */
  public static Reply text(String markdown) {
    return new Reply(markdown, List.of(), List.of(), List.of(), List.of(), null, false);
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
    return new Reply(markdown, sources, choices, buttons, notices, file, true, view);
  }
}
