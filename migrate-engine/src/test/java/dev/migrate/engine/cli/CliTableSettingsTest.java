package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table settings of {@code migrate.properties} ({@code exclude_tables}, {@code history_table})
 * as {@code check} and {@code upgrade} apply them to a SQLite database with SQL models.
 */
class CliTableSettingsTest {
  private static final String TASK =
      "CREATE TABLE task (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);";

  @TempDir Path dir;
  TestDatabase database;
  Cli cli;

  @BeforeEach
  void project() throws Exception {
    database = TestDatabases.create(DatabaseKind.SQLITE);
    cli = new Cli(dir);
    Files.writeString(dir.resolve("schema.sql"), TASK + "\n");
    Files.createDirectories(dir.resolve("versions"));
    Files.writeString(
        dir.resolve("versions/t1_create_task.sql"),
        "-- migrate:revision t1\n-- migrate:message Create task\n-- migrate:up\n"
            + TASK
            + "\n-- migrate:down\nDROP TABLE task;\n");
  }

  @AfterEach
  void drop() {
    database.close();
  }

  /** Writes migrate.properties: the database, the models and {@code settings}. */
  private void properties(String... settings) throws Exception {
    Files.writeString(
        dir.resolve("migrate.properties"),
        "url=" + database.url() + "\nmodels=schema.sql\n" + String.join("\n", settings) + "\n");
  }

  private Cli.Result run(int code, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
    return result;
  }

  private List<String> tables() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = database.connect();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  @Test
  void excludeTablesInThePropertiesFileLeavesATableOutOfCheck() throws Exception {
    properties();
    run(0, "upgrade", "head");
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)");
    }

    Cli.Result without = run(1, "check");
    properties("exclude_tables=audit_*, tmp_?");
    Cli.Result excluded = run(0, "check");
    Cli.Result optionReplacesIt = run(1, "check", "--exclude-table", "tmp_*");

    String extra = "table audit_log is in the database but not in the models";
    assertThat(without.lines()).containsExactly(extra);
    assertThat(excluded.out()).isEqualTo("No problems found.\n");
    assertThat(optionReplacesIt.lines()).containsExactly(extra);
  }

  @Test
  void historyTableInThePropertiesFileNamesTheTableAndCheckLeavesItOut() throws Exception {
    properties("history_table=deploy_log");

    run(0, "upgrade", "head");
    Cli.Result check = run(0, "check");
    Cli.Result otherName = run(1, "check", "--history-table", "migrate_history");

    assertThat(tables())
        .contains("deploy_log", "migrate_version", "task")
        .doesNotContain("migrate_history");
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT revision, direction FROM deploy_log")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("t1 upgrade");
    }
    assertThat(check.out()).isEqualTo("No problems found.\n");
    assertThat(otherName.lines())
        .as("under another name it is just a table the models lack")
        .containsExactly("table deploy_log is in the database but not in the models");
  }

  @Test
  void badTableSettingsAreBadInputNamingTheKeyOrOption() throws Exception {
    properties("exclude_tables=audit_*,");
    Cli.Result emptyPattern = run(2, "check");
    properties();
    Cli.Result badName = run(2, "upgrade", "head", "--history-table", "deploy log");

    assertThat(emptyPattern.err())
        .isEqualTo(
            "FAILED: Empty table pattern in 'exclude_tables' in "
                + dir.resolve("migrate.properties").toAbsolutePath().normalize()
                + ": give table names or patterns such as audit_*, separated by commas\n");
    assertThat(badName.err())
        .startsWith("FAILED: Invalid history table name 'deploy log' in --history-table: ");
    assertThat(tables()).as("nothing ran").isEmpty();
  }

  @Test
  void anEmptyIncludeTableOptionIsBadInputNotAbsent() throws Exception {
    properties();

    Cli.Result empty = run(2, "check", "--include-table", "");
    Cli.Result emptyAmongOthers =
        run(2, "check", "--exclude-table", "audit_*", "--exclude-table", " ");

    assertThat(empty.err()).startsWith("FAILED: Empty table pattern in --include-table");
    assertThat(emptyAmongOthers.err()).startsWith("FAILED: Empty table pattern in --exclude-table");
  }
}
