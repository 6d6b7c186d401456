package org.scalingcoach.web;

import java.util.concurrent.Callable;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.admin.FolderWatcher;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.ConfigException;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

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

  @Override
  public Integer call() throws Exception {
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
    server.join();
    return 0;
  }
}
