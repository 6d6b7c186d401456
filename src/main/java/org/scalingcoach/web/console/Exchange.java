package org.scalingcoach.web.console;

import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.scalingcoach.console.ConsoleSession;

/** One console request: its parameters, the signed-in session, and ways to answer. */
final class Exchange {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final TemplateEngine templates;
  private final ConsoleSession session;

  Exchange(
      HttpServletRequest request,
      HttpServletResponse response,
      TemplateEngine templates,
      ConsoleSession session) {
    this.request = request;
    this.response = response;
    this.templates = templates;
    this.session = session;
  }

  ConsoleSession session() {
    return session;
  }

  Page page(String title, String section) {
    return Page.of(session, title, section).withNotice(notice());
  }

  String param(String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value;
  }

  int intParam(String name, int fallback, int min, int max) {
    try {
      int value = Integer.parseInt(param(name).strip());
      return Math.max(min, Math.min(max, value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Whether htmx sent the request, so a fragment is enough. */
  boolean fromHtmx() {
    return "true".equals(request.getHeader("HX-Request"));
  }

  void render(String template, Map<String, Object> model) throws IOException {
    render(200, template, model);
  }

  void render(int status, String template, Map<String, Object> model) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=utf-8");
    templates.render(template, model, new WriterOutput(response.getWriter()));
  }

  /** After a change: back to a page with GET, so reloading the browser does not repeat it. */
  void redirect(String path, String notice) throws IOException {
    String location = path;
    if (notice != null) {
      location +=
          (path.contains("?") ? "&" : "?")
              + "notice="
              + URLEncoder.encode(notice, StandardCharsets.UTF_8);
    }
    response.setStatus(303);
    response.setHeader("Location", location);
  }

  void send(String contentType, byte[] body, String fileName) throws IOException {
    response.setContentType(contentType);
    if (fileName != null) {
      response.setHeader(
          "Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"");
    }
    response.getOutputStream().write(body);
  }

  /** The notice carried over a redirect, shown at the top of the page. */
  String notice() {
    String notice = request.getParameter("notice");
    return notice == null || notice.isBlank() ? null : notice;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
