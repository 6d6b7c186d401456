package org.scalingcoach.web.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.scalingcoach.console.ConsoleServices;
import org.scalingcoach.console.ConsoleSession;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.console.EditRefused;
import org.scalingcoach.console.SignInRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console at {@code /admin}: signs admins in from a chat link, then checks the session,
 * the admin role and (for every POST) the CSRF token before any page runs.
 */
public final class ConsoleServlet extends HttpServlet {
  static final String COOKIE = "coach_console";
  private static final Logger log = LoggerFactory.getLogger(ConsoleServlet.class);
  private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.7/dist/htmx.min.js";

  private final ConsoleServices services;
  private final boolean httpsOnly;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final KnowledgePages knowledge;
  private final ConsolePages pages;

  /**
   * @param httpsOnly whether people reach the server over https (behind a proxy the request itself
   *     may look like plain http), so the cookie is marked {@code Secure}
   */
  public ConsoleServlet(ConsoleServices services, boolean httpsOnly) {
    this.services = services;
    this.httpsOnly = httpsOnly;
    this.knowledge = new KnowledgePages(services);
    this.pages = new ConsolePages(services);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    boolean post = "POST".equals(request.getMethod());
    if (!post && !"GET".equals(request.getMethod())) {
      response.sendError(405);
      return;
    }
    headers(response);
    if (path.startsWith("/static/")) {
      serveStatic(path, response);
      return;
    }
    if (path.equals("/signin")) {
      signIn(request, response, post);
      return;
    }
    ConsoleSignIn.Access access = services.signIn().access(cookie(request));
    if (access instanceof ConsoleSignIn.Access.SignedOut) {
      message(response, 401, "Sign in from chat", SIGN_IN_HELP);
      return;
    }
    if (access instanceof ConsoleSignIn.Access.NotAdmin notAdmin) {
      message(
          response,
          403,
          "Admins only",
          "You (" + notAdmin.actor().userId() + ") are not an admin of this workspace any more.");
      return;
    }
    ConsoleSession session = ((ConsoleSignIn.Access.Admin) access).session();
    if (post && !ConsoleSignIn.csrfMatches(session, csrf(request))) {
      message(
          response,
          403,
          "Form expired",
          "This form did not carry the console's security token, so nothing was changed. Go back,"
              + " reload the page and try again.");
      return;
    }
    Exchange exchange = new Exchange(request, response, templates, session);
    try {
      if (path.equals("/signout") && post) {
        services.signIn().signOut(session.token());
        clearCookie(response);
        message(response, 200, "Signed out", "You are signed out of the admin console.");
      } else if (!knowledge.handle(path, post, exchange) && !pages.handle(path, post, exchange)) {
        message(response, 404, "Not found", "There is no console page at " + path + ".");
      }
    } catch (EditRefused e) {
      exchange.render(
          400,
          "console/message.jte",
          Map.of("page", exchange.page("Not done", ""), "message", e.getMessage()));
    } catch (RuntimeException e) {
      log.error("admin console request {} {} failed", request.getMethod(), path, e);
      message(response, 500, "Something went wrong", "The change was not made. Check the logs.");
    }
  }

  static final String SIGN_IN_HELP =
      "The console opens from chat: type /coach admin console in Slack, or admin console in a"
          + " personal chat with the coach in Teams, and open the link you get within 10 minutes.";

  private void signIn(HttpServletRequest request, HttpServletResponse response, boolean post)
      throws IOException {
    String token = request.getParameter("token");
    if (!post) {
      // Opening the link only shows a button: link previews and prefetchers must not use it up.
      response.setContentType("text/html;charset=utf-8");
      templates.render(
          "console/signin.jte",
          Map.of("page", Page.public_("Sign in"), "token", token == null ? "" : token),
          new gg.jte.output.WriterOutput(response.getWriter()));
      return;
    }
    try {
      ConsoleSession session = services.signIn().signIn(token);
      Cookie cookie = new Cookie(COOKIE, session.token());
      cookie.setHttpOnly(true);
      cookie.setSecure(httpsOnly || request.isSecure());
      cookie.setPath(ConsoleSignIn.PATH);
      cookie.setMaxAge((int) ConsoleSignIn.SESSION_LIFETIME.toSeconds());
      cookie.setAttribute("SameSite", "Strict");
      response.addCookie(cookie);
      response.setStatus(303);
      response.setHeader("Location", ConsoleSignIn.PATH + "/");
    } catch (SignInRefused e) {
      int status = e.reason() == SignInRefused.Reason.NOT_ADMIN ? 403 : 410;
      message(response, status, "This link cannot sign you in", e.getMessage());
    }
  }

  private void message(HttpServletResponse response, int status, String title, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=utf-8");
    templates.render(
        "console/message.jte",
        Map.of("page", Page.public_(title), "message", text),
        new gg.jte.output.WriterOutput(response.getWriter()));
  }

  private static void headers(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'");
  }

  private void serveStatic(String path, HttpServletResponse response) throws IOException {
    String resource =
        switch (path) {
          case "/static/htmx.min.js" -> HTMX;
          case "/static/console.css" -> "/console/console.css";
          case "/static/console.js" -> "/console/console.js";
          default -> null;
        };
    InputStream in = resource == null ? null : ConsoleServlet.class.getResourceAsStream(resource);
    if (in == null) {
      response.sendError(404);
      return;
    }
    try (in) {
      response.setHeader("Cache-Control", "max-age=3600");
      response.setContentType(
          path.endsWith(".css") ? "text/css;charset=utf-8" : "text/javascript;charset=utf-8");
      in.transferTo(response.getOutputStream());
    }
  }

  private static String cookie(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie cookie : request.getCookies()) {
      if (COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private static String csrf(HttpServletRequest request) {
    String header = request.getHeader("X-CSRF-Token");
    return header != null ? header : request.getParameter("csrf");
  }

  private void clearCookie(HttpServletResponse response) {
    Cookie cookie = new Cookie(COOKIE, "");
    cookie.setHttpOnly(true);
    cookie.setSecure(httpsOnly);
    cookie.setPath(ConsoleSignIn.PATH);
    cookie.setMaxAge(0);
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }
}
