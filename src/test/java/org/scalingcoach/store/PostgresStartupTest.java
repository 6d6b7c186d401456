package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.scalingcoach.config.SetupException;
import org.slf4j.LoggerFactory;

class PostgresStartupTest {
  private static final String SECRET = "s3cret-pw";

  @Test
  void an_unreachable_database_is_one_clear_error_and_the_password_is_neither_shown_nor_logged()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
    Level before = hikari.getLevel();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    hikari.setLevel(Level.DEBUG);
    Throwable failure;
    try {
      failure =
          catchThrowable(
              () ->
                  Database.openPostgres(
                      "jdbc:postgresql://127.0.0.1:" + closedPort + "/coach?password=" + SECRET,
                      "coach",
                      SECRET,
                      Database.Replica.LOCAL));
    } finally {
      root.detachAppender(logged);
      hikari.setLevel(before);
    }

    assertThat(failure).isInstanceOf(SetupException.class);
    assertThat(failure.getMessage())
        .startsWith("cannot connect to the PostgreSQL database at jdbc:postgresql://127.0.0.1:")
        .contains("password=***")
        .contains("check COACH_DATABASE_URL")
        .doesNotContain(SECRET)
        .doesNotContain("\n");
    assertThat(logged.list).isNotEmpty();
    assertThat(logged.list)
        .allSatisfy(
            event -> {
              assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
              if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(SECRET);
              }
            });
  }

  @Test
  void a_postgresql_database_says_what_it_is_and_which_replica_opened_it() {
    try (Database database = TestDatabases.open(DatabaseKind.POSTGRESQL, "kind-")) {
      assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
      assertThat(database.kind().label()).isEqualTo("postgresql");
      assertThat(database.reachable()).isTrue();
      assertThat(database.description()).startsWith("jdbc:postgresql://localhost:");
    }
  }
}
