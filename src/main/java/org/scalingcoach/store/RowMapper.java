package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Turns the current row of a query result into a value. */
@FunctionalInterface
interface RowMapper<T> {
  T map(ResultSet row) throws SQLException;

  /** Runs {@code select} and maps every row it returns, in order. */
  static <T> List<T> all(PreparedStatement select, RowMapper<T> mapper) throws SQLException {
    List<T> values = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        values.add(mapper.map(rs));
      }
    }
    return values;
  }
}
