package org.scalingcoach.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.admin.FolderWatcher;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.ConfigException;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve} (the default): runs the web server and the Slack app until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the coach: the web server with /healthz and Slack (HTTP events or Socket Mode).",
      "Configured from the environment; see the README for every setting."
    })
public final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  /** The question a ready check answers: one that every shipped knowledge base can answer. */
  static final String READY_CHECK_QUESTION = "How do we detect model drift?";

  @Option(
      names = "--ready-check",
      description = {
        "Start as usual, answer one question through the running server's engine, print how long"
            + " start-up took, then stop: exit 0 when ready, 1 otherwise.",
        "For deploy pipelines, and for recording a class-data-sharing archive (see the README)."
      })
  boolean readyCheck;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    CoachConfig config;
    try {
      config = CoachConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    log.info("starting with {}", config.slack());
    config.teamsSettings().ifPresent(teams -> log.info("starting with {}", teams));
    // Listen first: while knowledge and embeddings load, /readyz answers 503 and chat requests
    // are refused for a retry, rather than the port being closed for seconds.
    CoachServer server = CoachServer.listen(config.port());
    log.info(
        "listening on port {}: loading knowledge and embeddings (/readyz answers 503 until done)",
        server.port());
    CoachCore core;
    try {
      Database database = CoachWiring.database(config);
      core = CoachWiring.core(config, database);
      server.serve(config, core, database);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
    FolderWatcher watcher = config.admin().watchFolders() ? CoachWiring.watch(config, core) : null;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (watcher != null) {
                    watcher.close();
                  }
                  server.close();
                },
                "shutdown"));
    if (watcher == null) {
      log.info(
          "file changes are not watched (COACH_RELOAD_WATCH=false): use /coach admin reload in"
              + " Slack or 'admin reload' in Teams after editing the knowledge base");
    }
    log.info(
        "Scaling Coach is ready on port {}: health at http://localhost:{}/healthz",
        server.port(),
        server.port());
    log.info(
        "admin console at {}/admin: admins sign in with /coach admin console (Slack) or admin"
            + " console (Teams){}",
        config
            .admin()
            .publicUrl()
            .map(Object::toString)
            .orElse("http://localhost:" + server.port()),
        config.admin().publicUrl().isPresent()
            ? ""
            : "; set COACH_PUBLIC_URL for links that work elsewhere");
    switch (server.slackMode()) {
      case HTTP ->
          log.info(
              "Slack requests are taken at POST {} (set this as the Request URL)",
              CoachServer.SLACK_EVENTS_PATH);
      case SOCKET -> log.info("Slack is connected over Socket Mode; no public URL is needed");
      case DISABLED -> log.warn(SlackSettings.howToConnect());
    }
    if (server.teamsEnabled()) {
      log.info(
          "Teams activities are taken at POST {} (set https://<your host>{} as the Azure Bot's"
              + " messaging endpoint)",
          CoachServer.TEAMS_MESSAGES_PATH,
          CoachServer.TEAMS_MESSAGES_PATH);
    } else {
      log.info("Teams is not connected; set TEAMS_APP_ID and TEAMS_APP_PASSWORD to connect it");
    }
    if (readyCheck) {
      return readyCheck(server, core, started);
    }
    server.join();
    return 0;
  }

  /**
   * Asks the running server whether it is ready (over HTTP, as a load balancer would), answers one
   * question, and stops. Ready means {@code /readyz} answers 200 and the answer has sources.
   */
  private static int readyCheck(CoachServer server, CoachCore core, long started) throws Exception {
    try (server) {
      HttpClient client = HttpClient.newHttpClient();
      int status =
          client
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      long ready = System.nanoTime();
      Answer answer = core.answers().answer(Question.of(READY_CHECK_QUESTION));
      long answered = System.nanoTime();
      boolean ok = status == 200 && !answer.citations().isEmpty();
      System.out.printf(
          "ready check: %s; /readyz %d after %d ms, first answer (%d citations) after %d ms%n",
          ok ? "ready" : "NOT ready",
          status,
          (ready - started) / 1_000_000,
          answer.citations().size(),
          (answered - started) / 1_000_000);
      return ok ? 0 : 1;
    }
  }
}
