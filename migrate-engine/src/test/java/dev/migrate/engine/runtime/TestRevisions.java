package dev.migrate.engine.runtime;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-built revisions and small database helpers for the runtime tests. */
final class TestRevisions {
  private TestRevisions() {}

  /** A revision whose upgrade and downgrade run the given SQL statements. */
  static RevisionScript sql(String id, List<String> downs, List<String> up, List<String> down) {
    return sql(id, downs, up, down, Revision.Transactional.AUTO);
  }

  static RevisionScript sql(
      String id,
      List<String> downs,
      List<String> up,
      List<String> down,
      Revision.Transactional transactional) {
    return new RevisionScript(
        id,
        downs,
        List.of(),
        List.of(),
        "Revision " + id,
        "versions/" + id + ".sql",
        (direction, kind) ->
            new MigrationPlan(
                (direction == Direction.UPGRADE ? up : down)
                    .stream().map(s -> (Operation) new Operation.Execute(s)).toList(),
                Optional.empty(),
                transactional));
  }

  /** A revision creating table {@code t_<id>} and dropping it on downgrade. */
  static RevisionScript table(String id, String... downs) {
    return sql(
        id,
        List.of(downs),
        List.of("CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY)"),
        List.of("DROP TABLE t_" + id));
  }

  static boolean tableExists(TestDatabase db, String table) throws SQLException {
    String sql =
        switch (db.kind()) {
          case POSTGRESQL ->
              "SELECT COUNT(*) FROM information_schema.tables"
                  + " WHERE table_schema = current_schema() AND table_name = '"
                  + table
                  + "'";
          case MYSQL ->
              "SELECT COUNT(*) FROM information_schema.tables"
                  + " WHERE table_schema = DATABASE() AND table_name = '"
                  + table
                  + "'";
          case SQLITE ->
              "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'";
        };
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  static List<String> query(TestDatabase db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static boolean isMysql(DatabaseKind kind) {
    return kind == DatabaseKind.MYSQL;
  }
}
