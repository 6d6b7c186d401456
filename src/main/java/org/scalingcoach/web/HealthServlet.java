package org.scalingcoach.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.scalingcoach.CoachCore;
import org.scalingcoach.config.SlackSettings;

/**
 * {@code GET /healthz}: whether the knowledge base is loaded and the database answers, and which
 * Slack mode and language model are active.
 */
final class HealthServlet extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient CoachCore core;
  private final SlackSettings.Mode slack;

  HealthServlet(CoachCore core, SlackSettings.Mode slack) {
    this.core = core;
    this.slack = slack;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean database = core.database().reachable();
    int documents = core.knowledge().documents().size();
    boolean healthy = database && documents > 0;
    ObjectNode body = JSON.createObjectNode();
    body.put("status", healthy ? "ok" : "unhealthy");
    body.putObject("knowledge")
        .put("documents", documents)
        .put("sections", core.knowledge().sections().size());
    body.put("database", database ? "reachable" : "unreachable");
    body.put(
        "slack",
        switch (slack) {
          case HTTP -> "http";
          case SOCKET -> "socket-mode";
          case DISABLED -> "not configured";
        });
    body.put("llm", core.llm().active());
    response.setStatus(healthy ? 200 : 503);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.toString());
  }
}
