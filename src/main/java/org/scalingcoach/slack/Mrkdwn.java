package org.scalingcoach.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.scalingcoach.conversation.Markdown;

/**
 * Converts the coach's Markdown into Slack mrkdwn: {@code *bold*}, {@code _italic_}, bullets as
 * {@code •}, links as {@code <url|text>}, headings as bold lines; {@code [n]} citation markers are
 * kept as they are.
 */
public final class Mrkdwn {
  private static final Parser PARSER = Parser.builder().build();

  /**
   * Texts already converted. Most of what the coach posts repeats word for word (audit questions
   * and their options, help, the knowledge base's sentences), and parsing Markdown was a tenth of
   * the processor time of an audit click.
   */
  private static final LoadingCache<String, String> CONVERTED =
      Caffeine.newBuilder()
          .maximumWeight(1_000_000) // characters kept, texts and results together: a few MB
          .<String, String>weigher((markdown, mrkdwn) -> markdown.length() + mrkdwn.length())
          .build(Mrkdwn::convert);

  private Mrkdwn() {}

  public static String fromMarkdown(String markdown) {
    return CONVERTED.get(markdown);
  }

  private static String convert(String markdown) {
    Renderer renderer = new Renderer();
    PARSER.parse(tablesToLists(markdown)).accept(renderer);
    return renderer.out.toString().strip();
  }

  /**
   * Slack cannot show tables: each row of a pipe table becomes a bullet with its cells joined by "
   * · ", the separator row is dropped and the header row is kept in bold.
   */
  static String tablesToLists(String markdown) {
    String[] lines = markdown.split("\n", -1);
    StringBuilder out = new StringBuilder();
    boolean inTable = false;
    for (String line : lines) {
      String trimmed = line.strip();
      boolean row = trimmed.startsWith("|") && trimmed.endsWith("|") && trimmed.length() > 1;
      if (!row) {
        inTable = false;
        out.append(line).append('\n');
        continue;
      }
      String inner = trimmed.substring(1, trimmed.length() - 1);
      if (inner.matches("[\\s:|-]+")) {
        continue; // the |---|---| separator
      }
      String cells =
          String.join(
              " · ", java.util.Arrays.stream(inner.split("\\|")).map(String::strip).toList());
      out.append(inTable ? "- " + cells : "**" + cells + "**").append('\n');
      if (!inTable) {
        out.append('\n');
      }
      inTable = true;
    }
    return out.toString();
  }

  /** Slack's control sequences: a mention, a channel link or a special command. */
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("<([!@#])");

  /**
   * Markdown for Slack's {@code markdown_text} (native streaming), where the text is not escaped: a
   * zero-width space after each {@code <} that would open a mention ({@code <@U…>}), a channel link
   * ({@code <#C…>}) or a special command ({@code <!channel>}, {@code <!here>}), so a model's text
   * can never ping anyone; it reads the same. The prefix of a text defuses to a prefix of the whole
   * text's, so a stream can send the difference of two defused texts.
   */
  public static String defused(String markdown) {
    return CONTROL.matcher(markdown).replaceAll("<\u200B$1");
  }

  /** Escapes the three characters Slack treats as control characters in message text. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final class Renderer extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();
    private String linePrefix = "";

    @Override
    public void visit(Paragraph paragraph) {
      visitChildren(paragraph);
      endBlock(paragraph);
    }

    @Override
    public void visit(Heading heading) {
      out.append('*');
      visitChildren(heading);
      out.append('*');
      endBlock(heading);
    }

    @Override
    public void visit(StrongEmphasis strong) {
      out.append('*');
      visitChildren(strong);
      out.append('*');
    }

    @Override
    public void visit(Emphasis emphasis) {
      out.append('_');
      visitChildren(emphasis);
      out.append('_');
    }

    @Override
    public void visit(Text text) {
      out.append(escape(text.getLiteral()));
    }

    @Override
    public void visit(Code code) {
      out.append('`').append(escape(code.getLiteral())).append('`');
    }

    @Override
    public void visit(FencedCodeBlock block) {
      out.append("```\n").append(escape(block.getLiteral())).append("```");
      endBlock(block);
    }

    @Override
    public void visit(IndentedCodeBlock block) {
      out.append("```\n").append(escape(block.getLiteral())).append("```");
      endBlock(block);
    }

    @Override
    public void visit(Link link) {
      int start = out.length();
      visitChildren(link);
      String label = out.substring(start);
      out.setLength(start);
      String destination = link.getDestination();
      if (destination.startsWith(Markdown.MENTION)) {
        // The core's mention of a person: Slack shows each reader the name.
        String user = destination.substring(Markdown.MENTION.length());
        out.append(user.matches("[A-Z0-9]+") ? "<@" + user + ">" : label);
        return;
      }
      out.append('<').append(destination).append('|').append(label).append('>');
    }

    @Override
    public void visit(BulletList list) {
      visitChildren(list);
      endBlock(list);
    }

    @Override
    public void visit(OrderedList list) {
      int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        renderItem((ListItem) item, number++ + ". ");
      }
      endBlock(list);
    }

    @Override
    public void visit(ListItem item) {
      renderItem(item, "• ");
    }

    private void renderItem(ListItem item, String marker) {
      out.append(linePrefix).append(marker);
      String outer = linePrefix;
      linePrefix = outer + "    ";
      for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Paragraph) {
          visitChildren(child);
          if (child.getNext() != null) {
            out.append('\n');
          }
        } else {
          child.accept(this);
        }
      }
      linePrefix = outer;
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    @Override
    public void visit(BlockQuote quote) {
      int start = out.length();
      visitChildren(quote);
      String inner = out.substring(start).strip();
      out.setLength(start);
      out.append("> ").append(inner.replace("\n", "\n> "));
      endBlock(quote);
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      out.append('\n').append(linePrefix);
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      out.append('\n').append(linePrefix);
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
      out.append("———");
      endBlock(thematicBreak);
    }

    @Override
    public void visit(HtmlInline html) {
      out.append(escape(html.getLiteral()));
    }

    @Override
    public void visit(HtmlBlock html) {
      out.append(escape(html.getLiteral()));
      endBlock(html);
    }

    /** Blocks are separated by a blank line, except inside a list where one newline is enough. */
    private void endBlock(Node node) {
      if (node.getParent() instanceof ListItem) {
        return;
      }
      while (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
        out.setLength(out.length() - 1);
      }
      out.append("\n\n");
    }
  }
}
