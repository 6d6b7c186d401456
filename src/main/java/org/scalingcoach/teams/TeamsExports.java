package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.CsvExport;
import org.scalingcoach.audit.MarkdownExport;
import org.scalingcoach.delivery.TextPieces;

/**
 * A finished audit's exports as Teams messages. Bots cannot attach files in Teams without the
 * OneDrive consent flow, and Teams shows data URIs only for images; so the Markdown is sent as a
 * Markdown message and the CSV, exact and ready to copy, as preformatted text. Long exports are
 * split at line breaks to stay below Teams' message size limit (about 28 KB).
 */
final class TeamsExports {
  /** Characters per message, leaving room for the envelope and HTML escaping below 28 KB. */
  static final int MAX_CHARS = 12_000;

  private TeamsExports() {}

  /** The messages' content: text and its format, in the order to send them. */
  static List<ObjectNode> messages(AuditReport report) {
    List<ObjectNode> messages = new ArrayList<>();
    String name = report.definition().title() + ": " + report.audit().subject();
    messages.add(
        message(
            "markdown",
            "**Exports of "
                + name
                + "** (audit #"
                + report.audit().id()
                + "): the Markdown report, then the CSV to paste into a .csv file."));
    for (String part : parts(MarkdownExport.render(report))) {
      messages.add(message("markdown", part));
    }
    for (String part : parts(CsvExport.render(report))) {
      messages.add(message("xml", "<pre>" + html(part) + "</pre>"));
    }
    return messages;
  }

  /** Splits text at line breaks into pieces of at most {@link #MAX_CHARS}. */
  static List<String> parts(String text) {
    return TextPieces.split(text, MAX_CHARS);
  }

  private static ObjectNode message(String format, String text) {
    return JsonNodeFactory.instance.objectNode().put("textFormat", format).put("text", text);
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
