package org.scalingcoach.knowledge;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/** Renders inline content as light markdown (bold, italics, code) or as plain text. */
final class Inline extends AbstractVisitor {
  private final StringBuilder out = new StringBuilder();
  private final boolean markers;

  private Inline(boolean markers) {
    this.markers = markers;
  }

  static String markdown(Node node) {
    Inline inline = new Inline(true);
    node.accept(inline);
    return inline.out.toString();
  }

  static String plain(Node node) {
    Inline inline = new Inline(false);
    node.accept(inline);
    return inline.out.toString();
  }

  static String stripMarkers(String markdown) {
    return markdown.replace("**", "").replace("`", "");
  }

  @Override
  public void visit(Text text) {
    out.append(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    out.append(markers ? "`" + code.getLiteral() + "`" : code.getLiteral());
  }

  @Override
  public void visit(StrongEmphasis strong) {
    wrap(strong, "**");
  }

  @Override
  public void visit(Emphasis emphasis) {
    wrap(emphasis, "");
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(Paragraph paragraph) {
    if (out.length() > 0) {
      out.append(' ');
    }
    visitChildren(paragraph);
  }

  private void wrap(Node node, String marker) {
    if (markers) {
      out.append(marker);
    }
    visitChildren(node);
    if (markers) {
      out.append(marker);
    }
  }
}
