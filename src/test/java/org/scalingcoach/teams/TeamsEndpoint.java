package org.scalingcoach.teams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.scalingcoach.TestCore;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.TeamsStore;

/**
 * The Teams endpoint on a real Jetty server on a free port, wired to a local key server and a fake
 * Connector, with the shared core's answers and a fresh database.
 */
final class TeamsEndpoint implements AutoCloseable {
  final FakeKeyServer keys = FakeKeyServer.start();
  final FakeConnector connector = FakeConnector.start();
  final Database database;
  final TeamsStore store;
  private final Server server;
  private final HttpClient http = HttpClient.newHttpClient();

  TeamsEndpoint(String allowedTenant) {
    try {
      Path dir = Files.createTempDirectory("teams-endpoint-");
      database = Database.open(dir.resolve("coach.db"));
      store = new TeamsStore(database);
      TeamsSettings settings =
          new TeamsSettings(
              FakeKeyServer.APP_ID,
              "app-password",
              allowedTenant,
              keys.metadataUrl(),
              connector.tokenUrl(),
              false);
      TeamsMessagesServlet servlet =
          TeamsMessagesServlet.create(settings, TestCore.shared().answers(), database);
      server = new Server(0);
      ServletContextHandler context = new ServletContextHandler();
      context.addServlet(new ServletHolder(servlet), "/api/messages");
      server.setHandler(context);
      server.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("cannot start the Teams endpoint", e);
    }
  }

  TeamsEndpoint() {
    this(null);
  }

  /** Posts an activity as the Bot Framework would, with the given Authorization (or none). */
  HttpResponse<String> post(String activity, String authorization) {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(activity));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts an activity with a valid Bot Framework token. */
  HttpResponse<String> post(String activity) {
    return post(activity, keys.bearerFor(connector.serviceUrl()));
  }

  String activity(String fixture) {
    return TeamsTraffic.activity(fixture, connector.serviceUrl());
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      keys.close();
      connector.close();
    }
  }
}
