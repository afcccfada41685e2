package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --revisions flyway:<dir>}: a Flyway directory (nested folders, versions 1, 1.1, 1_2, 2,
 * 10) verified as it is on each backend, its defects flagged per version.
 */
class CliFlywayTest {
  @TempDir Path dir;

  /** The backend's Flyway directory copied to {@code migrations}, to be spoiled by a test. */
  private Path migrations(DatabaseKind kind) throws Exception {
    Path source = Path.of(CliFlywayTest.class.getResource("/flyway/" + kind.id()).toURI());
    Path target = dir.resolve("migrations");
    Cli.copy(source, target);
    return target;
  }

  private Cli.Result verify(DatabaseKind kind, String... extra) {
    List<String> args = new ArrayList<>(List.of("verify", "--revisions", "flyway:migrations"));
    args.addAll(List.of("--backends", kind.id()));
    if (kind != DatabaseKind.SQLITE) {
      TestDatabases.sandbox(kind); // skips or fails as configured
      args.addAll(List.of("--" + kind.id() + "-url", TestDatabases.adminUrl(kind)));
    }
    args.addAll(List.of(extra));
    return new Cli(dir, Map.of()).run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCorrectFlywayDirectoryPassesInFlywaysVersionOrder(DatabaseKind kind) throws Exception {
    migrations(kind);

    Cli.Result r = verify(kind);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .containsSubsequence(
            kind.id() + " V1 create account: ok",
            kind.id() + " V1_1 add nickname: ok",
            kind.id() + " V1_2 index account email: ok",
            kind.id() + " V2 create task: ok",
            kind.id() + " V10 add task priority: ok")
        .contains(
            "Note: Flyway repeatable migrations are not run or verified (migrate runs versioned"
                + " migrations and their undo migrations only): migrations/R__task_titles.sql"
                    .replace("migrations/", dir.resolve("migrations") + "/"));
    assertThat(r.out()).contains("verify: 0 errors, 0 warnings, 0 info on " + kind.id());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anUndoThatForgetsAnIndexOrAColumnLeavesATraceAtItsVersion(DatabaseKind kind)
      throws Exception {
    Path migrations = migrations(kind);
    Files.writeString(
        migrations.resolve("tables/account/U1_2__drop_index.sql"), "-- forgot the index\n");
    Files.writeString(migrations.resolve("tables/task/U10__drop_task_priority.sql"), "SELECT 1;\n");

    Cli.Result r = verify(kind);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("ERROR DOWNGRADE_LEAVES_TRACE " + kind.id() + " V1_2")
        .contains("index ix_account_email on account(email) is there after the downgrade")
        .contains("ERROR DOWNGRADE_LEAVES_TRACE " + kind.id() + " V10")
        .contains("column task.priority")
        .doesNotContain("DOWNGRADE_LEAVES_TRACE " + kind.id() + " V1_1")
        .doesNotContain("DOWNGRADE_LEAVES_TRACE " + kind.id() + " V2:");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aVersionWithoutUndoIsIrreversibleUnlessDeclaredSo(DatabaseKind kind) throws Exception {
    Path migrations = migrations(kind);
    Path v10 = migrations.resolve("tables/task/V10__add_task_priority.sql");
    Files.delete(migrations.resolve("tables/task/U10__drop_task_priority.sql"));

    Cli.Result undeclared = verify(kind);
    Cli.Result declared = verify(kind, "--flyway-missing-undo", "irreversible");

    assertThat(undeclared.exitCode()).as(undeclared.toString()).isEqualTo(1);
    assertThat(undeclared.out())
        .contains(
            "ERROR IRREVERSIBLE "
                + kind.id()
                + " V10: no downgrade for "
                + kind.id()
                + " and none declared irreversible: tables/task/V10__add_task_priority.sql has"
                + " no undo migration U10__<description>.sql; write one, or set"
                + " flyway.missing_undo=irreversible");
    assertThat(declared.exitCode()).as(declared.toString()).isZero();
    assertThat(declared.out())
        .contains(
            "INFO IRREVERSIBLE "
                + kind.id()
                + " V10: declared irreversible (flyway.missing_undo=irreversible):"
                + " tables/task/V10__add_task_priority.sql has no undo migration"
                + " U10__<description>.sql\n");
    assertThat(undeclared.out() + declared.out()).doesNotContain(v10.toString());
  }

  @Test
  void badNamesAndRepeatedVersionsExitTwoNamingTheFiles() throws Exception {
    Path migrations = migrations(DatabaseKind.SQLITE);
    Path single = migrations.resolve("tables/V3_init.sql");
    Files.writeString(single, "SELECT 1;");

    Cli.Result r = verify(DatabaseKind.SQLITE);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).contains("ERROR GRAPH_INVALID: Flyway migration " + single + ": no '__'");

    Files.delete(single);
    Path again = migrations.resolve("tables/task/V1.0__again.sql");
    Files.writeString(again, "SELECT 1;");
    r = verify(DatabaseKind.SQLITE);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "Flyway version 1.0 is given twice, by "
                + migrations.resolve("V1__create_account.sql")
                + " and by "
                + again);
  }

  @Test
  void upgradeAndCheckUseOnlyMigratesOwnVersionTableAndWritingRevisionsIsRefused()
      throws Exception {
    migrations(DatabaseKind.SQLITE);
    Cli cli = new Cli(dir, Map.of());
    String[] options = {"--revisions", "flyway:migrations", "--url", "jdbc:sqlite:app.db"};

    Cli.Result up = cli.run(concat(options, "upgrade", "head"));
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out())
        .contains("Running upgrade V1_2 -> V2, create task")
        .contains("Running upgrade V2 -> V10, add task priority");
    assertThat(up.err()).contains("Note: Flyway repeatable migrations are not run or verified");
    Cli.Result heads = cli.run(concat(options, "heads"));
    assertThat(heads.out()).isEqualTo("V10 (head)\n");
    assertThat(heads.err()).isEmpty();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        ResultSet tables =
            c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      assertThat(names).contains("migrate_version", "task").doesNotContain("flyway_schema_history");
    }
    Files.writeString(
        dir.resolve("schema.sql"),
        """
        CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL,
          nickname VARCHAR(100));
        CREATE INDEX ix_account_email ON account (email);
        CREATE TABLE task (id INTEGER PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES account (id),
          title VARCHAR(200) NOT NULL, priority INTEGER);
        """);
    Cli.Result check = cli.run(concat(options, "check", "--models", "schema.sql"));
    assertThat(check.exitCode()).as(check.toString()).isZero();
    Cli.Result down = cli.run(concat(options, "downgrade", "V1_2"));
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.out()).contains("Running downgrade V10 -> V2, add task priority");

    for (String[] write : new String[][] {{"revision", "-m", "x"}, {"merge", "heads"}}) {
      Cli.Result refused = cli.run(concat(options, write));
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
      assertThat(refused.err())
          .contains(
              "'migrate " + write[0] + "' writes a revision, but the revisions are the Flyway")
          .contains("add the next V<version>__<description>.sql");
    }
    try (Stream<Path> files = Files.walk(dir.resolve("migrations"))) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(11);
    }
  }

  @Test
  void aJavaPackageCannotJoinAFlywayDirectory() throws Exception {
    migrations(DatabaseKind.SQLITE);
    Cli.Result r =
        new Cli(dir).run("heads", "--revisions", "flyway:migrations", "--java-package", "com.x");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("cannot be combined with a Java package (--java-package, 'java.package' in");
  }

  @Test
  void theMissingUndoSettingNeedsFlywayRevisions() throws Exception {
    Files.createDirectories(dir.resolve("versions"));
    Cli.Result r = new Cli(dir).run("heads", "--flyway-missing-undo", "irreversible");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains("flyway.missing_undo is set (--flyway-missing-undo), but the revisions");
  }

  private static String[] concat(String[] first, String... second) {
    return Stream.concat(Stream.of(second), Stream.of(first)).toArray(String[]::new);
  }
}
