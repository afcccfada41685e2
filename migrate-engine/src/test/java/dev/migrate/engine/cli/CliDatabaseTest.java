package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every database command against real SQLite, PostgreSQL and MariaDB, run in-process. */
class CliDatabaseTest {
  private static final Pattern GENERATED = Pattern.compile("Generating (\\S+) \\.\\.\\.  done\n");

  @TempDir Path dir;
  TestDatabase database;
  Cli cli;

  private void open(DatabaseKind kind) {
    database = TestDatabases.create(kind);
    cli = new Cli(dir, Map.of("MIGRATE_URL", database.url()));
    ok("init");
  }

  @AfterEach
  void drop() {
    if (database != null) {
      database.close();
    }
  }

  private Cli.Result ok(String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).as(result.toString()).isEmpty();
    return result;
  }

  private Cli.Result fails(int code, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
    assertThat(result.err()).as(result.toString()).startsWith("FAILED: ");
    assertThat(result.err()).as(result.toString()).doesNotContain("\tat ");
    return result;
  }

  /** Creates a revision with {@code revision ARGS} and writes its up and down sections. */
  private Path revision(String up, String down, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("revision"));
    command.addAll(List.of(args));
    Cli.Result result = ok(command.toArray(String[]::new));
    Matcher matcher = GENERATED.matcher(result.out());
    assertThat(matcher.matches()).as(result.out()).isTrue();
    Path file = Path.of(matcher.group(1));
    String text = Files.readString(file);
    String header = text.substring(0, text.indexOf("-- migrate:up"));
    Files.writeString(file, header + "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n");
    return file;
  }

  /** a1 creates account, b2 adds a column, c3 an index (dropped differently on MySQL). */
  private void threeRevisions() throws IOException {
    revision(
        "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);",
        "DROP TABLE account;",
        "-m",
        "create account",
        "--rev-id",
        "a1");
    revision(
        "ALTER TABLE account ADD COLUMN email VARCHAR(200);",
        "ALTER TABLE account DROP COLUMN email;",
        "-m",
        "add email",
        "--rev-id",
        "b2");
    revision(
        "CREATE INDEX ix_account_email ON account (email);",
        "DROP INDEX ix_account_email;\n-- migrate:down mysql\nDROP INDEX ix_account_email ON account;",
        "-m",
        "add index",
        "--rev-id",
        "c3");
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = database.connect();
        ResultSet rs =
            c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  private List<String> versionRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version ORDER BY 1")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void upgradeCurrentHistoryDowngradeStampCheck(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();

    assertThat(ok("current").out()).isEmpty();
    assertThat(ok("upgrade", "head").lines())
        .containsExactly(
            "Running upgrade  -> a1, create account",
            "Running upgrade a1 -> b2, add email",
            "Running upgrade b2 -> c3, add index");
    assertThat(tables()).contains("account", "migrate_version");
    assertThat(versionRows()).containsExactly("c3");
    assertThat(ok("upgrade", "head").out()).isEmpty();

    assertThat(ok("current").out()).isEqualTo("c3 (head)\n");
    assertThat(ok("current", "-v").out())
        .startsWith(
            "Current revision(s) for " + database.url() + ":\nRev: c3 (head)\nParent: b2\n");
    assertThat(ok("history", "-i").lines())
        .containsExactly(
            "b2 -> c3 (head) (current), add index",
            "a1 -> b2, add email",
            "<base> -> a1, create account");
    assertThat(ok("history", "-r", "current:").lines())
        .containsExactly("b2 -> c3 (head), add index");
    assertThat(ok("show", "current").out()).startsWith("Rev: c3 (head)\n");
    assertThat(ok("check").out()).isEqualTo("No problems found.\n");

    assertThat(ok("downgrade", "-1").lines())
        .containsExactly("Running downgrade c3 -> b2, add index");
    assertThat(ok("current").out()).isEqualTo("b2\n");
    Cli.Result behind = fails(1, "check");
    assertThat(behind.out())
        .isEqualTo(
            "Database is not on all head revisions: it is at b2, the heads are c3; run 'migrate"
                + " upgrade heads'\n");
    assertThat(behind.err()).isEqualTo("FAILED: check found 1 problem\n");

    assertThat(ok("upgrade", "head").lines())
        .containsExactly("Running upgrade b2 -> c3, add index");
    assertThat(ok("stamp", "a1").out()).contains("c3 -> a1");
    assertThat(versionRows()).containsExactly("a1");
    assertThat(ok("stamp", "head").out()).contains("a1 -> c3");
    assertThat(versionRows()).containsExactly("c3");
    assertThat(ok("check").out()).isEqualTo("No problems found.\n");

    assertThat(ok("downgrade", "base").lines())
        .containsExactly(
            "Running downgrade c3 -> b2, add index",
            "Running downgrade b2 -> a1, add email",
            "Running downgrade a1 -> , create account");
    assertThat(tables()).doesNotContain("account");
    assertThat(versionRows()).isEmpty();
    assertThat(ok("current").out()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void branchesUpgradeIndependentlyAndMerge(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();
    revision(
        "CREATE TABLE invoice (id INTEGER PRIMARY KEY);",
        "DROP TABLE invoice;",
        "--head",
        "base",
        "--branch-label",
        "billing",
        "-m",
        "create invoice",
        "--rev-id",
        "d4");

    assertThat(fails(2, "upgrade", "head").err())
        .startsWith(
            "FAILED: Multiple head revisions are present for given argument 'head'; please specify"
                + " a specific target revision, '<branchname>@head' to narrow to a specific head,"
                + " or 'heads' for all heads")
        .hasLineCount(1);
    assertThat(ok("upgrade", "billing@head").lines())
        .containsExactly("Running upgrade  -> d4, create invoice");
    assertThat(ok("current").out()).isEqualTo("d4 (head)\n");
    assertThat(ok("upgrade", "heads").lines()).hasSize(3);
    assertThat(versionRows()).containsExactly("c3", "d4");

    ok("merge", "heads", "-m", "merge billing", "--rev-id", "f6");
    assertThat(ok("upgrade", "head").lines())
        .containsExactly("Running upgrade c3, d4 -> f6, merge billing");
    assertThat(versionRows()).containsExactly("f6");
    assertThat(ok("current").out()).isEqualTo("f6 (head) (mergepoint)\n");

    assertThat(fails(2, "downgrade", "-1").err()).startsWith("FAILED: Ambiguous walk");
    assertThat(ok("downgrade", "c3").lines())
        .containsExactly("Running downgrade f6 -> c3, d4, merge billing");
    assertThat(versionRows()).containsExactly("c3", "d4");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void offlineSqlConnectsToNothing(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();

    Cli.Result up = ok("upgrade", "head", "--sql");
    Cli.Result down = ok("downgrade", "c3:b2", "--sql");

    assertThat(up.out())
        .contains("CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);")
        .contains("-- Running upgrade  -> a1", "-- Running upgrade b2 -> c3")
        .contains("INSERT INTO migrate_version")
        .endsWith("\n");
    assertThat(down.out())
        .contains(
            kind == DatabaseKind.MYSQL
                ? "DROP INDEX ix_account_email ON account;"
                : "DROP INDEX ix_account_email;")
        .doesNotContain("DROP TABLE account");
    assertThat(tables()).doesNotContain("account", "migrate_version");
    assertThat(fails(2, "downgrade", "base", "--sql").err()).contains("<fromrev>:<torev>");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void failedMigrationExitsOneAndNamesTheRevision(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();
    revision(
        "CREATE TABLE broken (id INTEGER PRIMARY KEY, oops NOSUCHTYPE(;",
        "DROP TABLE broken;",
        "-m",
        "broken",
        "--rev-id",
        "e5");

    Cli.Result result = fails(1, "upgrade", "head");

    assertThat(result.out()).contains("Running upgrade b2 -> c3, add index");
    // the runtime's report spans lines: the statement, the database's error, what is applied
    assertThat(result.err())
        .startsWith("FAILED: Revision e5 (" + dir.resolve("versions/e5_broken.sql") + ") failed")
        .contains("NOSUCHTYPE(", "Version table migrate_version now holds: c3.");
    assertThat(versionRows()).containsExactly("c3");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void editedRevisionFailsCheckAndStopsUpgrade(DatabaseKind kind) throws Exception {
    open(kind);
    Path first = accountRevision();
    ok("upgrade", "head");
    revision("CREATE TABLE audit (id INTEGER PRIMARY KEY);", "DROP TABLE audit;", "--rev-id", "b2");
    Files.writeString(
        first,
        Files.readString(first)
            .replace("(id INTEGER PRIMARY KEY)", "(id INTEGER PRIMARY KEY, extra INTEGER)"));

    Cli.Result check = fails(1, "check");
    Cli.Result upgrade = fails(1, "upgrade", "head");

    assertThat(check.out()).contains("a1").contains(first.toString());
    assertThat(check.err()).isEqualTo("FAILED: check found 2 problems\n");
    assertThat(upgrade.err()).contains("a1");
    assertThat(versionRows()).containsExactly("a1");
    assertThat(ok("upgrade", "head", "--ignore-checksums").lines())
        .endsWith("Running upgrade a1 -> b2, empty message");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void stampAcceptChecksumsAcceptsAnIntendedEditAndADownEditIsOnlyAWarning(DatabaseKind kind)
      throws Exception {
    open(kind);
    Path first = accountRevision();
    ok("upgrade", "head");
    Files.writeString(
        first,
        Files.readString(first).replace("DROP TABLE account;", "DROP TABLE IF EXISTS account;"));
    Cli.Result downOnly = ok("check");
    assertThat(downOnly.out())
        .contains("Warning: Revision a1 (" + first + "): its downgrade was changed")
        .contains("No problems found.");

    Files.writeString(
        first,
        Files.readString(first)
            .replace("(id INTEGER PRIMARY KEY)", "(id INTEGER PRIMARY KEY, extra INTEGER)"));
    assertThat(fails(1, "upgrade", "head").err())
        .as("nothing pending, yet the edit stops it")
        .contains("a1")
        .contains("migrate stamp --accept-checksums");
    assertThat(fails(2, "stamp").err()).contains("Missing TARGET");
    assertThat(fails(2, "stamp", "--accept-checksums", "head").err())
        .contains("--accept-checksums takes no TARGET");

    assertThat(ok("stamp", "--accept-checksums").out())
        .contains("Accepted: Revision a1 (" + first + ") was changed after it was applied");
    assertThat(ok("check").out()).isEqualTo("No problems found.\n");
    assertThat(ok("stamp", "--accept-checksums").out())
        .isEqualTo("No applied revision was changed; nothing to accept.\n");
    assertThat(versionRows()).containsExactly("a1");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void unknownRevisionInTheDatabaseSaysStampFixesIt(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();
    ok("upgrade", "b2");
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE migrate_version SET version_num = 'gone42'");
    }

    assertThat(fails(2, "current").err()).contains("gone42", "stamp");
    assertThat(fails(2, "history", "-i").err()).contains("gone42", "stamp");
    assertThat(fails(2, "upgrade", "head").err()).contains("gone42");
    ok("stamp", "--purge", "b2");
    assertThat(ok("current").out()).isEqualTo("b2\n");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void badTargetsAreBadInput(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();

    assertThat(fails(2, "upgrade", "nosuch").err()).contains("'nosuch'");
    assertThat(fails(2, "downgrade", "c3").err())
        .startsWith("FAILED: Destination c3 is not a valid downgrade target from current head(s)");
    assertThat(fails(2, "upgrade", "a1:c3").err()).contains("--sql");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aMisspeltBranchLabelOrAWalkBelowBaseChangesNothing(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();
    ok("upgrade", "head");

    for (String target : List.of("typo@base", "typo@head", "typo@-1", "typo@a1", "base-2")) {
      assertThat(fails(2, "downgrade", target).out()).as(target).isEmpty();
    }
    assertThat(fails(2, "downgrade", "typo@base").err()).contains("No such branch: 'typo'");
    assertThat(fails(2, "upgrade", "base-1").err()).contains("Walked too far");
    assertThat(fails(2, "stamp", "typo@base").err()).contains("'typo'");

    assertThat(versionRows()).containsExactly("c3");
    assertThat(tables()).contains("account");
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void lockTimeoutOptionBoundsTheWaitForAnotherRun(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();
    try (Connection other = database.connect();
        Statement s = other.createStatement()) {
      holdMigrationLock(kind, other, s);

      long start = System.nanoTime();
      Cli.Result result = fails(1, "upgrade", "head", "--lock-timeout", "1");
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(result.err()).contains("Timed out after 1.0 s waiting for the migration lock");
      assertThat(millis).isLessThan(30_000);
    }
    assertThat(fails(2, "upgrade", "head", "--lock-timeout", "-1").err())
        .contains("--lock-timeout -1 is negative");
    assertThat(fails(2, "stamp", "head", "--lock-timeout", "soon").err()).contains("soon");
    assertThat(ok("upgrade", "head", "--lock-timeout", "5").lines()).hasSize(3);
  }

  private static void holdMigrationLock(DatabaseKind kind, Connection c, Statement s)
      throws Exception {
    if (kind == DatabaseKind.MYSQL) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT GET_LOCK(CONCAT('migrate:', DATABASE(), '.migrate_version'), 0)")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      return;
    }
    String schema;
    try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      schema = rs.getString(1);
    }
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(
                ("migrate:" + schema + ".migrate_version")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long key = java.nio.ByteBuffer.wrap(digest).getLong();
    try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = DatabaseKind.class, names = "SQLITE")
  void labelAtBaseWarnsBeforeUndoingRevisionsOutsideTheBranch(DatabaseKind kind) throws Exception {
    open(kind);
    threeRevisions();
    revision(
        "CREATE TABLE flag (id INTEGER);",
        "DROP TABLE flag;",
        "--head",
        "a1",
        "--splice",
        "--branch-label",
        "feature",
        "-m",
        "feature flag",
        "--rev-id",
        "f1");
    ok("upgrade", "heads");

    Cli.Result result = cli.run("downgrade", "feature@base");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err())
        .startsWith(
            "Warning: downgrade feature@base also undoes revisions outside branch 'feature'")
        .contains("(c3, b2, a1)");
    assertThat(versionRows()).isEmpty();
  }

  /** Revision a1, "create account": a table account and its drop. */
  private Path accountRevision() throws IOException {
    return revision(
        "CREATE TABLE account (id INTEGER PRIMARY KEY);",
        "DROP TABLE account;",
        "-m",
        "create account",
        "--rev-id",
        "a1");
  }

  /**
   * The hint comments of a new revision's template stay in the file, above the first statement; a
   * failure report and {@code --sql} show that statement without them.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void templateCommentsAreNotPartOfTheFirstStatement(DatabaseKind kind) throws IOException {
    open(kind);
    Matcher matcher = GENERATED.matcher(ok("revision", "-m", "t", "--rev-id", "t1").out());
    assertThat(matcher.matches()).isTrue();
    Path file = Path.of(matcher.group(1));
    String hint = "-- for a section that only one database runs.\n";
    String text = Files.readString(file);
    assertThat(text).contains(hint);
    Files.writeString(
        file,
        text.replace(
            hint, hint + "INSERT INTO nowhere VALUES (1);\nCREATE TABLE t (id INTEGER);\n"));

    String script = ok("upgrade", "head", "--sql").out();
    assertThat(script)
        .doesNotContain("Statements end with")
        .doesNotContain("only one database runs");
    assertThat(script).contains("\nINSERT INTO nowhere VALUES (1);\n");

    Cli.Result failed = fails(1, "upgrade", "head");
    assertThat(failed.err())
        .contains(
            "failed at statement 1 of 2 of its upgrade:\n    INSERT INTO nowhere VALUES (1):\n")
        .doesNotContain("Statements end with");
  }
}
