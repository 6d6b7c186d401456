package org.scalingcoach.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.store.Database;

/**
 * {@code GET /healthz}: whether the knowledge base is loaded and the database answers, which
 * database (SQLite or PostgreSQL) and replica this is, where the knowledge comes from, and which
 * Slack mode, Teams and language model are on. {@code GET /readyz} (with {@code ready = true}):
 * whether knowledge and its embeddings are loaded, so a load balancer sends questions only to an
 * instance that can answer them.
 */
final class HealthServlet extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final transient CoachCore core;
  private final transient Database database;
  private final SlackSettings.Mode slack;
  private final boolean teams;
  private final boolean readiness;

  HealthServlet(
      CoachCore core,
      Database database,
      SlackSettings.Mode slack,
      boolean teams,
      boolean readiness) {
    this.core = core;
    this.database = database;
    this.slack = slack;
    this.teams = teams;
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ObjectNode body = readiness ? readiness() : health();
    response.setStatus(body.path("status").asText().equals("ok") ? 200 : 503);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.toString());
  }

  private ObjectNode health() {
    CoachSnapshot snapshot = core.snapshot();
    boolean reachable = database.reachable();
    int documents = snapshot.knowledge().documents().size();
    boolean healthy = reachable && documents > 0;
    ObjectNode body = JSON.createObjectNode();
    body.put("status", healthy ? "ok" : "unhealthy");
    body.putObject("knowledge")
        .put("documents", documents)
        .put("sections", snapshot.knowledge().sections().size())
        .put("audits", snapshot.catalog().definitions().size())
        .put("source", core.knowledgeSource());
    body.put("database", reachable ? "reachable" : "unreachable");
    body.put("database_kind", database.kind().label());
    body.put("replica", database.replica().id());
    body.put(
        "slack",
        switch (slack) {
          case HTTP -> "http";
          case SOCKET -> "socket-mode";
          case DISABLED -> "not configured";
        });
    body.put("teams", teams ? "on" : "not configured");
    body.put("llm", core.llm().active());
    return body;
  }

  private ObjectNode readiness() {
    CoachSnapshot snapshot = core.snapshot();
    int sections = snapshot.knowledge().sections().size();
    int embedded = snapshot.retriever().size();
    boolean ready = sections > 0 && embedded == sections;
    ObjectNode body = JSON.createObjectNode();
    body.put("status", ready ? "ok" : "not ready");
    body.put("knowledge_sections", sections);
    body.put("indexed_sections", embedded);
    return body;
  }
}
