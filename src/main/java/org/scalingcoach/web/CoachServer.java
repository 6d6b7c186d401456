package org.scalingcoach.web;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.scalingcoach.AuditServices;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.console.ConsoleServices;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.slack.SlackBot;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.ReplicaNotices;
import org.scalingcoach.teams.TeamsMessagesServlet;
import org.scalingcoach.web.console.ConsoleServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Jetty server: {@code GET /healthz} always, Bolt at {@code POST /slack/events} when
 * Slack is configured for HTTP, and the Teams bot at {@code POST /api/messages} when Teams is
 * configured. Tests start the real thing on port 0.
 */
public final class CoachServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CoachServer.class);
  public static final String SLACK_EVENTS_PATH = "/slack/events";
  public static final String TEAMS_MESSAGES_PATH = "/api/messages";

  /** Chat requests still sending their body at once; more get a 503 without being read. */
  static final int MAX_PENDING_CHAT_REQUESTS = 512;

  /** The whole body of a chat request must arrive within this; Slack's fits in one packet. */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  /** A connection with nothing to read or write for this long is closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

  /** Bodies are gathered before a thread is given to them, up to this many bytes. */
  private static final long MAX_GATHERED_BYTES = 2L << 20;

  private final Server jetty;

  /** What answers requests: {@link StartingUp} until the coach is loaded, then the servlets. */
  private final Handler.Wrapper door;

  private volatile SlackBot slack;
  private volatile boolean teams;

  /** The inbox workers this server owns, closed with it; null when built from parts. */
  private DeliveryWorkers deliveries;

  /** Reloads when another replica reloaded; null on SQLite or when built from parts. */
  private ReplicaNotices reloads;

  private CoachServer(Server jetty, Handler.Wrapper door) {
    this.jetty = jetty;
    this.door = door;
  }

  /** Starts the server on {@code config.port()}, with Slack as configured. */
  public static CoachServer start(CoachConfig config, CoachCore core, Database database)
      throws Exception {
    CoachServer server = listen(config.port());
    try {
      server.serve(config, core, database);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Listens on {@code port} before anything is loaded: {@code /readyz} and {@code /healthz} answer
   * 503 and chat requests get a 503 to retry later, until {@link #serve} puts the coach in place.
   * Loading knowledge and embeddings takes seconds, and an orchestrator should see that.
   */
  public static CoachServer listen(int port) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("http");
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    jetty.addConnector(connector);
    Handler.Wrapper door = new Handler.Wrapper(true);
    door.setHandler(new StartingUp());
    jetty.setHandler(door);
    jetty.setStopAtShutdown(false);
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      throw e;
    }
    return new CoachServer(jetty, door);
  }

  /** Builds Slack, Teams, the console and the inbox for {@code core} and starts answering. */
  public void serve(CoachConfig config, CoachCore core, Database database) throws Exception {
    AuditServices audits = CoachWiring.audits(config, core, database);
    // Without COACH_PUBLIC_URL, links point at this server's local address, known once it listens.
    AtomicReference<URI> base = new AtomicReference<>(config.admin().publicUrl().orElse(null));
    ConsoleServices console = CoachWiring.console(config, core, database, audits, base::get);
    AdminActions admin = CoachWiring.admin(core, database, audits, console.signIn());
    ExpertRelay experts = CoachWiring.experts(config, core, database, audits);
    DeliveryWorkers deliveries = CoachWiring.deliveries(config, database);
    SlackBot slack = null;
    if (config.slack().mode() != SlackSettings.Mode.DISABLED) {
      slack =
          SlackBot.create(
              config.slack(),
              core,
              database,
              duration -> Thread.sleep(duration.toMillis()),
              audits,
              admin,
              deliveries,
              experts);
    }
    TeamsMessagesServlet teams =
        config
            .teamsSettings()
            .map(
                settings ->
                    TeamsMessagesServlet.create(
                        settings, core, database, audits, admin, deliveries, experts))
            .orElse(null);
    experts.start(audits.settings().reminderCheck());
    boolean https = base.get() != null && "https".equals(base.get().getScheme());
    base.compareAndSet(null, URI.create("http://localhost:" + port()));
    this.deliveries = deliveries;
    deliveries.resume();
    this.reloads = CoachWiring.followReloads(core, database);
    install(
        core,
        database,
        slack,
        teams,
        new ConsoleServlet(console, https),
        MAX_PENDING_CHAT_REQUESTS,
        BODY_DEADLINE);
  }

  /** Starts the server with an already built bot (or none), for tests and extensions. */
  public static CoachServer start(int port, CoachCore core, Database database, SlackBot slack)
      throws Exception {
    return start(port, core, database, slack, null);
  }

  /** Starts the server with already built Slack and Teams endpoints (either may be null). */
  public static CoachServer start(
      int port, CoachCore core, Database database, SlackBot slack, HttpServlet teams)
      throws Exception {
    return start(port, core, database, slack, teams, null);
  }

  /**
   * Starts the server with Slack, Teams and the admin console at {@code /admin} (any may be null).
   */
  public static CoachServer start(
      int port,
      CoachCore core,
      Database database,
      SlackBot slack,
      HttpServlet teams,
      HttpServlet console)
      throws Exception {
    return start(
        port, core, database, slack, teams, console, MAX_PENDING_CHAT_REQUESTS, BODY_DEADLINE);
  }

  /** As above with other limits on unauthenticated chat requests, for tests. */
  static CoachServer start(
      int port,
      CoachCore core,
      Database database,
      SlackBot slack,
      HttpServlet teams,
      int maxPendingChatRequests,
      Duration bodyDeadline)
      throws Exception {
    return start(port, core, database, slack, teams, null, maxPendingChatRequests, bodyDeadline);
  }

  private static CoachServer start(
      int port,
      CoachCore core,
      Database database,
      SlackBot slack,
      HttpServlet teams,
      HttpServlet console,
      int maxPendingChatRequests,
      Duration bodyDeadline)
      throws Exception {
    CoachServer server = listen(port);
    try {
      server.install(core, database, slack, teams, console, maxPendingChatRequests, bodyDeadline);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void install(
      CoachCore core,
      Database database,
      SlackBot slack,
      HttpServlet teams,
      HttpServlet console,
      int maxPendingChatRequests,
      Duration bodyDeadline)
      throws Exception {
    this.slack = slack;
    this.teams = teams != null;
    SlackSettings.Mode mode = slack == null ? SlackSettings.Mode.DISABLED : slack.mode();
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder("healthz", new HealthServlet(core, database, mode, teams != null, false)),
        "/healthz");
    context.addServlet(
        new ServletHolder("readyz", new HealthServlet(core, database, mode, teams != null, true)),
        "/readyz");
    context.addServlet(new ServletHolder("metrics", new MetricsServlet()), "/metrics");
    if (mode == SlackSettings.Mode.HTTP) {
      context.addServlet(
          new ServletHolder("slack", new SlackEventsServlet(slack)), SLACK_EVENTS_PATH);
    } else {
      context.addServlet(new ServletHolder("slack", notListening(mode)), SLACK_EVENTS_PATH);
    }
    context.addServlet(
        new ServletHolder("teams", teams != null ? teams : teamsNotConfigured()),
        TEAMS_MESSAGES_PATH);
    if (console != null) {
      ServletHolder holder = new ServletHolder("console", console);
      context.addServlet(holder, ConsoleSignIn.PATH);
      context.addServlet(holder, ConsoleSignIn.PATH + "/*");
    }
    // A body is gathered without holding a thread (EagerContentHandler), within a deadline and a
    // cap on how many may be pending, before the servlets verify and read it.
    Handler handler =
        new ChatRequestLimits(
            new EagerContentHandler(
                context,
                new EagerContentHandler.RetainedContentLoaderFactory(MAX_GATHERED_BYTES, 64, true)),
            Set.of(SLACK_EVENTS_PATH, TEAMS_MESSAGES_PATH),
            maxPendingChatRequests,
            bodyDeadline);
    // Started before it takes over the door, so no request meets a half-started handler.
    handler.setServer(jetty);
    handler.start();
    door.setHandler(handler);
    if (mode == SlackSettings.Mode.SOCKET) {
      slack.connectSocketMode();
    }
  }

  private static HttpServlet teamsNotConfigured() {
    return new HttpServlet() {
      @Override
      protected void service(
          jakarta.servlet.http.HttpServletRequest request,
          jakarta.servlet.http.HttpServletResponse response)
          throws java.io.IOException {
        response.setStatus(503);
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                "{\"error\":\"Teams is not configured on this server; set TEAMS_APP_ID and"
                    + " TEAMS_APP_PASSWORD\"}");
      }
    };
  }

  /** Explains why Slack's requests are not handled here instead of a bare 404. */
  private static HttpServlet notListening(SlackSettings.Mode mode) {
    String reason =
        mode == SlackSettings.Mode.SOCKET
            ? "this server talks to Slack over Socket Mode; Slack requests are not taken over HTTP"
            : "Slack is not configured on this server; set SLACK_BOT_TOKEN and"
                + " SLACK_SIGNING_SECRET";
    return new HttpServlet() {
      @Override
      protected void service(
          jakarta.servlet.http.HttpServletRequest request,
          jakarta.servlet.http.HttpServletResponse response)
          throws java.io.IOException {
        response.setStatus(503);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + reason + "\"}");
      }
    };
  }

  /** The port the server listens on (the real one when started on port 0). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** True when the Teams bot listens at {@link #TEAMS_MESSAGES_PATH}. */
  public boolean teamsEnabled() {
    return teams;
  }

  public SlackSettings.Mode slackMode() {
    return slack == null ? SlackSettings.Mode.DISABLED : slack.mode();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      log.warn("stopping the web server failed", e);
    }
    if (slack != null) {
      slack.close();
    }
    if (deliveries != null) {
      deliveries.close();
    }
    if (reloads != null) {
      reloads.close();
    }
  }
}
