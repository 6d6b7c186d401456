package org.scalingcoach.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /coach} command: the first word picks a subcommand ({@code help}, and those features
 * such as audits register); anything else is a question.
 */
public final class SlashCommands {
  public static final String COMMAND = "/coach";

  private final Map<String, Entry> subcommands = new LinkedHashMap<>();
  private final Subcommand question;

  /** Handles {@code /coach WORD arguments}; must acknowledge within Slack's 3 seconds. */
  @FunctionalInterface
  public interface Subcommand {
    Response run(String arguments, SlashCommandRequest request, SlashCommandContext context)
        throws IOException, SlackApiException;
  }

  private record Entry(String usage, String description, Subcommand handler) {}

  SlashCommands(Subcommand question) {
    this.question = question;
    register("help", "/coach help", "show this help", (args, req, ctx) -> ctx.ack(help()));
  }

  /**
   * Adds {@code /coach word ...}; {@code usage} and {@code description} appear in the help text.
   */
  public synchronized SlashCommands register(
      String word, String usage, String description, Subcommand handler) {
    subcommands.put(word.toLowerCase(Locale.ROOT), new Entry(usage, description, handler));
    return this;
  }

  synchronized Response handle(SlashCommandRequest request, SlashCommandContext context)
      throws IOException, SlackApiException {
    String text = request.getPayload().getText() == null ? "" : request.getPayload().getText();
    text = text.strip();
    if (text.isEmpty()) {
      return context.ack(help());
    }
    String[] parts = text.split("\\s+", 2);
    Entry entry = subcommands.get(parts[0].toLowerCase(Locale.ROOT));
    if (entry != null) {
      return entry.handler().run(parts.length > 1 ? parts[1] : "", request, context);
    }
    return question.run(text, request, context);
  }

  synchronized String help() {
    StringBuilder text =
        new StringBuilder(
            "*Scaling Coach* answers questions about scaling AI in your company, with sources.\n"
                + "• `/coach &lt;your question&gt;`: ask privately; you can share the answer in the"
                + " channel\n");
    for (Entry entry : subcommands.values()) {
      text.append("• `")
          .append(entry.usage())
          .append("`: ")
          .append(entry.description())
          .append('\n');
    }
    text.append(
        "You can also mention me in a channel, send me a direct message or open me in the"
            + " assistant panel. Example: `/coach How do we know our model is drifting?`");
    return text.toString();
  }
}
