package org.scalingcoach.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.scalingcoach.metrics.CoachMetrics;

/** {@code GET /metrics}: every metric in Prometheus' text format, for a Prometheus scrape. */
final class MetricsServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(200);
    response.setContentType(CoachMetrics.contentType());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(CoachMetrics.scrape());
  }
}
