package org.scalingcoach.audit;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws a report's dimension scores as a PNG bar chart, beside the previous audit when there is
 * one.
 */
public final class ScoreChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 450;

  private ScoreChart() {}

  public static byte[] png(AuditReport report) {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(report.definition().title() + ": " + report.audit().subject())
            .xAxisTitle("Dimension")
            .yAxisTitle("Score (0–100)")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLabelsVisible(true);
    List<String> names = new ArrayList<>();
    List<Double> now = new ArrayList<>();
    List<Double> before = new ArrayList<>();
    for (DimensionScore d : report.scorecard().dimensions()) {
      names.add(d.name());
      now.add(d.assessed() ? d.score() : 0.0);
    }
    if (report.previous() != null) {
      report.changes().stream()
          .filter(c -> !c.id().equals("overall"))
          .forEach(c -> before.add(c.before() == null ? 0.0 : c.before()));
      chart.addSeries(
          "Previous (" + MarkdownExport.DATE.format(report.previous().finishedAt()) + ")",
          names,
          before);
    }
    chart.addSeries("Now", names, now);
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the score chart", e);
    }
  }
}
