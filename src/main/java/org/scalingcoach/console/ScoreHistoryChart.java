package org.scalingcoach.console;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scalingcoach.audit.AuditRecord;

/** Draws the overall score of a subject's finished audits over time as a PNG line chart. */
public final class ScoreHistoryChart {
  private ScoreHistoryChart() {}

  public static byte[] png(String title, List<AuditRecord> audits) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(720)
            .height(320)
            .title(title)
            .xAxisTitle("Finished")
            .yAxisTitle("Overall score (0–100)")
            .build();
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDatePattern("yyyy-MM-dd");
    List<Date> when = audits.stream().map(a -> Date.from(a.finishedAt())).toList();
    List<Double> scores = audits.stream().map(a -> a.score() == null ? 0.0 : a.score()).toList();
    if (when.isEmpty()) {
      when = List.of(new Date());
      scores = List.of(0.0);
    }
    XYSeries series = chart.addSeries("score", when, scores);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineColor(new Color(0x1f, 0x4e, 0x99));
    series.setMarkerColor(new Color(0x1f, 0x4e, 0x99));
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the score history", e);
    }
  }
}
