package org.scalingcoach.audit;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a report's dimension scores as a PNG of horizontal bars, beside the previous audit when
 * there is one.
 *
 * <p>Horizontal bars with the dimension's name above each bar leave long names room to wrap, where
 * names under vertical bars overlapped. The picture is drawn at twice its layout size, so a card
 * that shows it {@link #WIDTH} points wide is sharp on high-density screens instead of stretched.
 */
public final class ScoreChart {
  /** The layout width in points; the PNG is {@link #SCALE} times as many pixels wide. */
  public static final int WIDTH = 480;

  public static final int SCALE = 2;

  private static final int PAD = 16;
  private static final int BAR = 16;
  private static final int PREVIOUS_BAR = 8;
  private static final int SCORE_ROOM = 40;
  private static final Color INK = new Color(0x25, 0x24, 0x24);
  private static final Color SUBTLE = new Color(0x61, 0x61, 0x61);
  private static final Color TRACK = new Color(0xED, 0xEB, 0xE9);
  private static final Color NOW = new Color(0x46, 0x47, 0x75);
  private static final Color BEFORE = new Color(0xB3, 0xB0, 0xAD);

  /**
   * Few inks: 16 colours keep their anti-aliased edges (at 2× the steps are too small to see) and
   * pack four bits a pixel, which compresses far better than 256 colours.
   */
  private static final int COLOURS = 16;

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private ScoreChart() {}

  public static byte[] png(AuditReport report) {
    System.setProperty("java.awt.headless", "true");
    List<Row> rows = rows(report);
    String previous =
        report.previous() == null
            ? null
            : "Previous (" + MarkdownExport.DATE.format(report.previous().finishedAt()) + ")";
    // Lay out once on a scratch image to learn the height, then draw for real.
    int height = draw(null, report, rows, previous);
    BufferedImage image =
        new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.scale(SCALE, SCALE);
      draw(g, report, rows, previous);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(indexed(image), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the score chart", e);
    }
    return out.toByteArray();
  }

  private record Row(String name, Double now, Double before) {}

  private static List<Row> rows(AuditReport report) {
    List<Row> rows = new ArrayList<>();
    List<DimensionScore> dimensions = report.scorecard().dimensions();
    for (DimensionScore d : dimensions) {
      Double before = null;
      if (report.previous() != null) {
        before =
            report.changes().stream()
                .filter(c -> c.id().equals(d.id()))
                .findFirst()
                .map(ScoreChange::before)
                .orElse(null);
      }
      rows.add(new Row(d.name(), d.assessed() ? d.score() : null, before));
    }
    return rows;
  }

  /** Draws the chart, or only measures it when {@code g} is null; returns the height in points. */
  private static int draw(Graphics2D g, AuditReport report, List<Row> rows, String previous) {
    Graphics2D target = g != null ? g : scratch();
    target.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    target.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    target.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    if (g != null) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, 10_000);
    }
    int plotLeft = PAD;
    int plotWidth = WIDTH - 2 * PAD - SCORE_ROOM;
    int y = PAD;
    String title = report.definition().title() + ": " + report.audit().subject();
    for (String line : wrap(title, TITLE, target, WIDTH - 2 * PAD, 2)) {
      y += text(g, target, line, TITLE, INK, PAD, y);
    }
    y += 4;
    y = legend(g, target, previous, y);
    for (Row row : rows) {
      y += 8;
      for (String line : wrap(row.name(), LABEL, target, WIDTH - 2 * PAD, 2)) {
        y += text(g, target, line, LABEL, INK, PAD, y);
      }
      y += 3;
      y = bar(g, target, row.now(), NOW, BAR, plotLeft, plotWidth, y, true);
      if (previous != null) {
        y = bar(g, target, row.before(), BEFORE, PREVIOUS_BAR, plotLeft, plotWidth, y + 2, false);
      }
    }
    if (g == null) {
      target.dispose();
    }
    return y + PAD;
  }

  private static int legend(Graphics2D g, Graphics2D target, String previous, int y) {
    int x = PAD;
    int line = target.getFontMetrics(SMALL).getHeight();
    for (String[] entry :
        previous == null
            ? new String[][] {{"Now", "now"}, {"score out of 100", ""}}
            : new String[][] {{"Now", "now"}, {previous, "before"}, {"scores out of 100", ""}}) {
      if (g != null && !entry[1].isEmpty()) {
        g.setColor(entry[1].equals("now") ? NOW : BEFORE);
        g.fillRect(x, y + (line - 10) / 2, 10, 10);
      }
      if (entry[1].isEmpty()) {
        x -= 14;
      }
      text(g, target, entry[0], SMALL, SUBTLE, x + 14, y);
      x += 14 + target.getFontMetrics(SMALL).stringWidth(entry[0]) + 16;
    }
    return y + line;
  }

  private static int bar(
      Graphics2D g,
      Graphics2D target,
      Double score,
      Color color,
      int thickness,
      int left,
      int width,
      int y,
      boolean labelled) {
    if (g == null) {
      return y + thickness;
    }
    Font font = labelled ? LABEL : SMALL;
    FontMetrics metrics = target.getFontMetrics(font);
    // The track shows where 100 is, so the chart needs no axis or grid lines over the names.
    g.setColor(TRACK);
    g.fillRect(left, y, width, thickness);
    String value;
    int x = left + width + 8;
    if (score == null) {
      value = labelled ? "not assessed (all skipped)" : "–";
      x = labelled ? left + 4 : x;
    } else {
      g.setColor(color);
      g.fillRect(
          left, y, (int) Math.round(width * Math.min(100, Math.max(0, score)) / 100), thickness);
      value = Long.toString(Math.round(score));
    }
    g.setColor(labelled && score != null ? INK : SUBTLE);
    g.setFont(font);
    g.drawString(value, x, y + (thickness + metrics.getAscent() - metrics.getDescent()) / 2);
    return y + thickness;
  }

  /** Draws one line of text with its top at {@code y}; returns the line height. */
  private static int text(
      Graphics2D g, Graphics2D target, String text, Font font, Color color, int x, int y) {
    FontMetrics metrics = target.getFontMetrics(font);
    if (g != null) {
      g.setFont(font);
      g.setColor(color);
      g.drawString(text, x, y + metrics.getAscent());
    }
    return metrics.getHeight();
  }

  /** Breaks {@code text} into at most {@code maxLines} lines that fit; the last one ends in … */
  static List<String> wrap(String text, Font font, Graphics2D g, int width, int maxLines) {
    FontMetrics metrics = g.getFontMetrics(font);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (metrics.stringWidth(candidate) <= width || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    lines.add(line.toString());
    if (lines.size() > maxLines) {
      List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
      String last = kept.get(maxLines - 1);
      while (!last.isEmpty() && metrics.stringWidth(last + " …") > width) {
        last = last.substring(0, last.length() - 1);
      }
      kept.set(maxLines - 1, last.strip() + " …");
      return kept;
    }
    return lines;
  }

  /**
   * The picture with at most {@link #COLOURS} colours, the most used ones: a few inks and their
   * anti-aliased edges, so nothing visible changes, and the PNG is small enough for a Teams card at
   * full resolution.
   */
  static BufferedImage indexed(BufferedImage image) {
    Map<Integer, Integer> counts = new HashMap<>();
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int pixel : pixels) {
      counts.merge(pixel & 0xFFFFFF, 1, Integer::sum);
    }
    int[] palette =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
            .limit(COLOURS)
            .mapToInt(Map.Entry::getKey)
            .toArray();
    Map<Integer, Integer> index = new HashMap<>();
    for (int i = 0; i < palette.length; i++) {
      index.put(palette[i], i);
    }
    IndexColorModel colors =
        new IndexColorModel(4, palette.length, palette, 0, false, -1, DataBuffer.TYPE_BYTE);
    BufferedImage out =
        new BufferedImage(
            image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY, colors);
    var raster = out.getRaster();
    for (int i = 0; i < pixels.length; i++) {
      int rgb = pixels[i] & 0xFFFFFF;
      int colour = index.computeIfAbsent(rgb, c -> nearest(palette, c));
      raster.setSample(i % image.getWidth(), i / image.getWidth(), 0, colour);
    }
    return out;
  }

  private static int nearest(int[] palette, int rgb) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      int dr = ((palette[i] >> 16) & 0xFF) - ((rgb >> 16) & 0xFF);
      int dg = ((palette[i] >> 8) & 0xFF) - ((rgb >> 8) & 0xFF);
      int db = (palette[i] & 0xFF) - (rgb & 0xFF);
      long distance = (long) dr * dr + (long) dg * dg + (long) db * db;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static Graphics2D scratch() {
    return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
  }
}
