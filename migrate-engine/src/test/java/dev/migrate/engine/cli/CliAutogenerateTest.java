package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code migrate check} against models and {@code migrate revision --autogenerate}, per backend.
 */
class CliAutogenerateTest {
  private static final String MODELS = "dsl:dev.migrate.engine.cli.models.TaskModels";
  private static final Pattern GENERATED =
      Pattern.compile("(?s).*Generating (\\S+) \\.\\.\\.  done\n");

  @TempDir Path dir;
  TestDatabase database;
  Cli cli;

  private void open(DatabaseKind kind) {
    database = TestDatabases.create(kind);
    cli = new Cli(dir, Map.of("MIGRATE_URL", database.url(), "MIGRATE_MODELS", MODELS));
    assertThat(cli.run("init").exitCode()).isZero();
  }

  @AfterEach
  void drop() {
    if (database != null) {
      database.close();
    }
  }

  private Cli.Result run(int code, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
    return result;
  }

  private void sql(String statement) throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void autogenerateThenCheckIsClean(DatabaseKind kind) throws Exception {
    open(kind);

    Cli.Result drift = run(1, "check");
    assertThat(drift.lines())
        .containsExactly(
            "table person is in the models but not in the database",
            "table task is in the models but not in the database");
    assertThat(drift.err()).isEqualTo("FAILED: check found 2 problems\n");

    Cli.Result generated =
        run(0, "revision", "--autogenerate", "-m", "create tables", "--sql-file");
    assertThat(generated.out())
        .startsWith(
            "Detected table person is in the models but not in the database\n"
                + "Detected table task is in the models but not in the database\n");
    Matcher matcher = GENERATED.matcher(generated.out());
    assertThat(matcher.matches()).as(generated.out()).isTrue();
    Path file = Path.of(matcher.group(1));
    assertThat(file.getParent().getFileName().toString()).isEqualTo("versions");
    assertThat(Files.readString(file))
        .contains("-- migrate:up " + kind.id() + "\n")
        .contains("review before applying");

    Cli.Result behind = run(1, "revision", "--autogenerate", "-m", "again", "--sql-file");
    assertThat(behind.err()).isEqualTo("FAILED: Target database is not up to date.\n");

    run(0, "upgrade", "head");
    assertThat(run(0, "check").out()).isEqualTo("No problems found.\n");
    assertThat(run(0, "revision", "--autogenerate", "-m", "nothing", "--sql-file").out())
        .isEqualTo("No changes in schema detected.\n");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.count()).as("no file written when nothing changed").isEqualTo(1);
    }

    sql("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)");
    sql("ALTER TABLE person ADD COLUMN nickname VARCHAR(30)");
    assertThat(run(1, "check").lines())
        .containsExactly(
            "table audit_log is in the database but not in the models",
            "column person.nickname is in the database but not in the models");
    assertThat(run(1, "check", "--exclude-table", "audit_*").lines())
        .containsExactly("column person.nickname is in the database but not in the models");
    assertThat(run(0, "check", "--include-table", "task").out()).isEqualTo("No problems found.\n");
  }

  @Test
  void javaRevisionByDefault() throws Exception {
    open(DatabaseKind.SQLITE);
    Files.createDirectories(dir.resolve("src/main/java"));

    Cli.Result noPackage = run(2, "revision", "--autogenerate", "-m", "create tables");
    assertThat(noPackage.err())
        .startsWith(
            "FAILED: --autogenerate needs the package of Java revisions; set --java-package,"
                + " 'java.package' in ")
        .endsWith("migrate.properties or MIGRATE_JAVA_PACKAGE, or write SQL with --sql-file\n");

    Cli.Result generated =
        run(
            0,
            "revision",
            "--autogenerate",
            "-m",
            "create tables",
            "--rev-id",
            "abc123",
            "--java-package",
            "com.example.rev");
    Path file = dir.resolve("src/main/java/com/example/rev/Vabc123_CreateTables.java");
    assertThat(generated.out())
        .contains("Generating " + file + " ...  done\nCompile it before running migrate again");
    assertThat(Files.readString(file))
        .contains("op.createTable(\"person\"")
        .contains("op.createIndex(\"ix_task_title\", \"task\", \"title\");")
        .contains("op.dropTable(\"task\");");
  }

  @Test
  void sqlFileOnlyWithAutogenerate() {
    open(DatabaseKind.SQLITE);

    assertThat(run(2, "revision", "-m", "x", "--sql-file").err())
        .isEqualTo("FAILED: --sql-file only applies with --autogenerate\n");
  }

  @Test
  void autogenerateWithoutModelsSaysHowToSetThem() {
    database = TestDatabases.create(DatabaseKind.SQLITE);
    cli = new Cli(dir, Map.of("MIGRATE_URL", database.url()));
    run(0, "init");

    assertThat(run(2, "revision", "--autogenerate", "--sql-file").err())
        .startsWith("FAILED: No models configured; set --models, 'models' in ")
        .contains("migrate.properties or MIGRATE_MODELS");
    assertThat(run(0, "check").out())
        .as("without models, check does not compare schemas")
        .isEqualTo("No problems found.\n");
  }

  private static final String PEOPLE_AND_TASKS =
      """
      -- migrate:revision a1b2c3d4e5f6
      -- migrate:message people and tasks
      -- migrate:up
      CREATE TABLE person (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
      CREATE TABLE task (id INTEGER PRIMARY KEY, title VARCHAR(100), person_id INTEGER);
      -- migrate:down
      DROP TABLE task;
      DROP TABLE person;
      """;

  /**
   * A SQL revision generated on one backend, with changes SQLite can only make by rebuilding the
   * table, upgrades and downgrades every backend, keeping the rows.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSqlFileGeneratedOnOneBackendRunsOnEveryBackend(DatabaseKind generatedOn) throws Exception {
    String models = "dsl:dev.migrate.engine.cli.models.RebuildModels";
    database = TestDatabases.create(generatedOn);
    cli = new Cli(dir, Map.of("MIGRATE_URL", database.url(), "MIGRATE_MODELS", models));
    run(0, "init");
    Files.writeString(dir.resolve("versions/a1b2c3d4e5f6_people_and_tasks.sql"), PEOPLE_AND_TASKS);
    run(0, "upgrade", "head");

    Cli.Result generated =
        run(0, "revision", "--autogenerate", "-m", "rebuild", "--sql-file", "--rev-id", "b2c3");
    assertThat(generated.out()).doesNotContain("Warning");
    Matcher matcher = GENERATED.matcher(generated.out());
    assertThat(matcher.matches()).as(generated.out()).isTrue();
    String text = Files.readString(Path.of(matcher.group(1)));
    for (DatabaseKind kind : DatabaseKind.values()) {
      assertThat(text)
          .contains("-- migrate:up " + kind.id() + "\n")
          .contains("-- migrate:down " + kind.id() + "\n");
    }
    assertThat(text).doesNotContain("ERROR").contains("INSERT INTO _migrate_tmp_task (");
    database.close();
    database = null;

    for (DatabaseKind kind : DatabaseKind.values()) {
      try (TestDatabase db = TestDatabases.create(kind)) {
        Cli on = new Cli(dir, Map.of("MIGRATE_URL", db.url(), "MIGRATE_MODELS", models));
        String where = "generated on " + generatedOn.id() + ", run on " + kind.id();
        Cli.Result first = on.run("upgrade", "a1b2c3d4e5f6");
        assertThat(first.exitCode()).as(where + "\n" + first).isZero();
        try (Connection c = db.connect();
            Statement s = c.createStatement()) {
          s.execute("INSERT INTO person (id, email) VALUES (1, 'ada@example.org')");
          s.execute("INSERT INTO task (id, title, person_id) VALUES (7, 'write', 1)");
        }
        Cli.Result up = on.run("upgrade", "head");
        assertThat(up.exitCode()).as(where + "\n" + up).isZero();
        Cli.Result check = on.run("check");
        assertThat(check.out()).as(where + "\n" + check).isEqualTo("No problems found.\n");
        try (Connection c = db.connect();
            Statement s = c.createStatement();
            var rs = s.executeQuery("SELECT id, title, person_id, priority FROM task")) {
          assertThat(rs.next()).as(where).isTrue();
          assertThat(List.of(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
              .as(where)
              .isEqualTo(List.of(7, "write", 1, 0));
        }
        Cli.Result down = on.run("downgrade", "a1b2c3d4e5f6");
        assertThat(down.exitCode()).as(where + "\n" + down).isZero();
        assertThat(on.run("check").exitCode()).as(where + ": drift again").isEqualTo(1);
      }
    }
  }
}
