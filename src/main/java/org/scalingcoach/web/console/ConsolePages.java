package org.scalingcoach.web.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.CsvExport;
import org.scalingcoach.audit.MarkdownExport;
import org.scalingcoach.audit.ScoreChart;
import org.scalingcoach.console.AnswerTrials;
import org.scalingcoach.console.ConsoleServices;
import org.scalingcoach.console.EditRefused;
import org.scalingcoach.console.ScoreHistoryChart;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.store.SqliteRoleStore.Role;

/** The console pages besides knowledge: try a question, insights, audits, roles, the audit log. */
final class ConsolePages {
  private static final int LOG_ROWS = 200;

  private final ConsoleServices services;

  ConsolePages(ConsoleServices services) {
    this.services = services;
  }

  boolean handle(String path, boolean post, Exchange exchange) throws IOException {
    switch (path) {
      case "/try" -> tryQuestion(exchange);
      case "/insights" -> insights(exchange);
      case "/audits" ->
          exchange.render(
              "console/audits.jte",
              Map.of(
                  "page",
                  exchange.page("Audits", "audits"),
                  "statuses",
                  services.audits().latest(exchange.session().actor())));
      case "/audits/subject" -> subject(exchange);
      case "/audits/chart.png" -> {
        List<AuditRecord> audits = history(exchange);
        exchange.send(
            "image/png",
            ScoreHistoryChart.png(exchange.param("subject") + " over time", audits),
            null);
      }
      case "/audits/export" -> export(exchange);
      case "/roles" -> roles(exchange);
      case "/roles/grant", "/roles/revoke" -> {
        if (!post) {
          return false;
        }
        changeRole(exchange, path.endsWith("grant"));
      }
      case "/log" ->
          exchange.render(
              "console/log.jte",
              Map.of(
                  "page",
                  exchange.page("Audit log", "log"),
                  "changes",
                  services.log().recent(exchange.session().actor().teamId(), LOG_ROWS)));
      default -> {
        return false;
      }
    }
    return true;
  }

  private void tryQuestion(Exchange exchange) throws IOException {
    String question = exchange.param("q").strip();
    AnswerTrials.Trial trial = question.isEmpty() ? null : services.trials().ask(question);
    Map<String, Object> model = new HashMap<>();
    model.put("page", exchange.page("Try a question", "try"));
    model.put("question", question);
    model.put("trial", trial);
    model.put("preview", trial == null ? null : ChannelPreview.of(trial.answer()));
    exchange.render("console/try.jte", model);
  }

  private void insights(Exchange exchange) throws IOException {
    int days = exchange.intParam("days", 30, 1, 365);
    Optional<Topic> topic = Topic.fromId(exchange.param("topic"));
    exchange.render(
        "console/insights.jte",
        Map.of(
            "page",
            exchange.page("Insights", "insights"),
            "rows",
            services.insights().rows(exchange.session().actor(), days, topic),
            "days",
            days,
            "topic",
            topic.map(Topic::id).orElse(""),
            "topics",
            List.of(Topic.values())));
  }

  private List<AuditRecord> history(Exchange exchange) {
    return services
        .audits()
        .history(exchange.session().actor(), exchange.param("type"), exchange.param("subject"));
  }

  private void subject(Exchange exchange) throws IOException {
    List<AuditRecord> audits = history(exchange);
    if (audits.isEmpty()) {
      throw new EditRefused("No finished audit of that subject is visible to you.");
    }
    exchange.render(
        "console/subject.jte",
        Map.of(
            "page",
            exchange.page(exchange.param("subject"), "audits"),
            "type",
            exchange.param("type"),
            "subject",
            exchange.param("subject"),
            "title",
            services.audits().title(audits.get(0)),
            "audits",
            newestFirst(audits)));
  }

  private static List<AuditRecord> newestFirst(List<AuditRecord> oldestFirst) {
    List<AuditRecord> audits = new java.util.ArrayList<>(oldestFirst);
    java.util.Collections.reverse(audits);
    return audits;
  }

  private void export(Exchange exchange) throws IOException {
    long id;
    try {
      id = Long.parseLong(exchange.param("id").strip());
    } catch (NumberFormatException e) {
      throw new EditRefused("There is no such audit.");
    }
    AuditReport report;
    try {
      report = services.audits().report(exchange.session().actor(), id);
    } catch (AuditException e) {
      throw new EditRefused(e.getMessage());
    }
    String base = "audit-" + id;
    switch (exchange.param("format")) {
      case "csv" ->
          exchange.send(
              "text/csv;charset=utf-8",
              CsvExport.render(report).getBytes(StandardCharsets.UTF_8),
              base + ".csv");
      case "png" -> exchange.send("image/png", ScoreChart.png(report), base + ".png");
      default ->
          exchange.send(
              "text/markdown;charset=utf-8",
              MarkdownExport.render(report).getBytes(StandardCharsets.UTF_8),
              base + ".md");
    }
  }

  private void roles(Exchange exchange) throws IOException {
    int days = exchange.intParam("days", 14, 1, 90);
    exchange.render(
        "console/roles.jte",
        Map.of(
            "page",
            exchange.page("Roles and usage", "roles"),
            "grants",
            services.roles().grants(exchange.session().actor()),
            "configured",
            services.roles().configuredAdmins().stream().sorted().toList(),
            "usage",
            services.roles().tokens(exchange.session().actor(), days),
            "days",
            days));
  }

  private void changeRole(Exchange exchange, boolean grant) throws IOException {
    Role role;
    try {
      role = Role.of(exchange.param("role"));
    } catch (IllegalArgumentException e) {
      throw new EditRefused(e.getMessage());
    }
    String user = exchange.param("user").strip();
    boolean changed =
        grant
            ? services.roles().grant(exchange.session().actor(), user, role)
            : services.roles().revoke(exchange.session().actor(), user, role);
    String notice =
        changed
            ? (grant ? "Granted " : "Revoked ")
                + role.id()
                + (grant ? " to " : " from ")
                + user
                + "."
            : user
                + (grant ? " already has the role " : " did not have the role ")
                + role.id()
                + ".";
    exchange.redirect("/admin/roles", notice);
  }
}
