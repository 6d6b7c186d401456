package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The request threads' writes ({@link Database#atTheDoor}) beside the workers' transactions, on
 * SQLite and PostgreSQL: many at once, each one stored exactly once.
 */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class DoorWritesTest {
  @Parameter DatabaseKind kind;

  @Test
  void doorWritesAndWorkerTransactionsAtOnceAreAllStored() throws Exception {
    try (Database database = TestDatabases.open(kind, "door-writes-")) {
      database.inTransaction(
          connection ->
              connection
                  .createStatement()
                  .execute("CREATE TABLE door_note (who TEXT NOT NULL, n INTEGER NOT NULL)"));
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Future<Integer>> writes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String who = i % 2 == 0 ? "door" : "worker";
        int n = i;
        writes.add(
            threads.submit(
                () ->
                    who.equals("door")
                        ? database.atTheDoor(connection -> insert(connection, who, n))
                        : database.inTransaction(connection -> insert(connection, who, n))));
      }
      for (Future<Integer> write : writes) {
        assertThat(write.get(60, TimeUnit.SECONDS)).isEqualTo(1);
      }
      threads.shutdown();

      assertThat(count(database, "door")).isEqualTo(200);
      assertThat(count(database, "worker")).isEqualTo(200);
    }
  }

  private static int insert(java.sql.Connection connection, String who, int n)
      throws java.sql.SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO door_note (who, n) VALUES (?, ?)")) {
      insert.setString(1, who);
      insert.setInt(2, n);
      return insert.executeUpdate();
    }
  }

  private static int count(Database database, String who) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT COUNT(DISTINCT n) FROM door_note WHERE who = ?")) {
            query.setString(1, who);
            try (ResultSet rs = query.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }
}
