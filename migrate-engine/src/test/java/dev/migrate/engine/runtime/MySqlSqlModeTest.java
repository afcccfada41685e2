package dev.migrate.engine.runtime;

import static dev.migrate.engine.ops.Columns.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.SqlSplitter;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text with backslashes and quotes written by bulkInsert and by the version store, online and in an
 * offline script, reads back exactly whether or not the session's sql_mode has NO_BACKSLASH_ESCAPES
 * (which makes a backslash an ordinary character inside a string).
 */
class MySqlSqlModeTest {
  private static final List<String> TEXTS =
      List.of(
          "C:\\temp\\new",
          "it's",
          "\\'; SELECT 1; -- ",
          "a\\\\b",
          "nul\0byte",
          "100%_\\%",
          "tab\\tnewline\\n",
          "é\\€😀",
          "plain");
  private static final String WHO = "CORP\\o'brien";

  private static RevisionScript notes() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      rows.add(List.of(i, TEXTS.get(i)));
    }
    Ops up =
        new Ops()
            .createTable(
                "note",
                column("id", ColumnType.INTEGER).primaryKey(),
                column("body", ColumnType.TEXT))
            .bulkInsert("note", List.of("id", "body"), rows);
    return new RevisionScript(
        "a1",
        List.of(),
        List.of(),
        List.of(),
        "Notes",
        "versions/a1.java",
        (direction, kind) ->
            new MigrationPlan(
                direction == Direction.UPGRADE
                    ? up.operations()
                    : new Ops().dropTable("note").operations(),
                Optional.empty(),
                Revision.Transactional.AUTO));
  }

  private static String inMode(TestDatabase db, boolean noBackslashEscapes) {
    return noBackslashEscapes
        ? db.url() + "&sessionVariables=sql_mode='NO_BACKSLASH_ESCAPES'"
        : db.url();
  }

  private static List<String> values(String url, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static void assertWritten(String url, boolean noBackslashEscapes) throws Exception {
    assertThat(values(url, "SELECT @@SESSION.sql_mode").get(0).contains("NO_BACKSLASH_ESCAPES"))
        .isEqualTo(noBackslashEscapes);
    assertThat(values(url, "SELECT body FROM note ORDER BY id")).containsExactlyElementsOf(TEXTS);
    assertThat(values(url, "SELECT applied_by FROM migrate_history")).containsExactly(WHO);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void textRoundTripsOnlineAndOffline(boolean noBackslashEscapes) throws Exception {
    RevisionGraph graph = RevisionGraph.of(List.of(notes()));
    try (TestDatabase online = TestDatabases.create(DatabaseKind.MYSQL);
        TestDatabase scripted = TestDatabases.create(DatabaseKind.MYSQL)) {
      String url = inMode(online, noBackslashEscapes);
      Migrator.builder(graph).url(url).appliedBy(WHO).build().upgrade("head");
      assertWritten(url, noBackslashEscapes);

      String script =
          Migrator.builder(graph)
              .databaseKind(DatabaseKind.MYSQL)
              .appliedBy(WHO)
              .build()
              .upgradeSql("head");
      String scriptedUrl = inMode(scripted, noBackslashEscapes);
      try (Connection c = DriverManager.getConnection(scriptedUrl);
          Statement s = c.createStatement()) {
        // As the mysql client would: DELIMITER lines and comments honoured.
        for (String sql : SqlSplitter.split(script, DatabaseKind.MYSQL)) {
          s.execute(sql);
        }
      }
      assertWritten(scriptedUrl, noBackslashEscapes);
    }
  }
}
