package dev.migrate.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The throwaway-database facility on real SQLite, PostgreSQL and MySQL. */
class SandboxTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void createdDatabaseIsUsableAndGoneAfterClose(DatabaseKind kind) throws Exception {
    Sandbox sandbox = TestDatabases.sandbox(kind);
    ThrowawayDatabase db = sandbox.create();
    assertThat(db.name()).matches("migrate_test_\\d{14}_[0-9a-f]{12}");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertThat(exists(sandbox, db.name())).isTrue();
    db.close();
    assertThat(exists(sandbox, db.name())).isFalse();
    db.close();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void cloneHoldsTheSourceTablesAndRows(DatabaseKind kind) throws Exception {
    Sandbox sandbox = TestDatabases.sandbox(kind);
    try (ThrowawayDatabase source = sandbox.create()) {
      try (Connection c = source.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
        s.execute(
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES"
                + " parent (id), note VARCHAR(20))");
        s.execute("INSERT INTO parent VALUES (1)");
        s.execute("INSERT INTO child VALUES (7, 1, 'kept')");
      }
      try (ThrowawayDatabase copy = sandbox.cloneOf(source);
          Connection c = copy.connect();
          Statement s = c.createStatement()) {
        assertThat(copy.name()).isNotEqualTo(source.name());
        try (ResultSet rs = s.executeQuery("SELECT id, parent_id, note FROM child")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(7);
          assertThat(rs.getInt(2)).isEqualTo(1);
          assertThat(rs.getString(3)).isEqualTo("kept");
        }
        s.execute("INSERT INTO parent VALUES (2)");
      }
      try (Connection c = source.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM parent")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the source is untouched by changes to the clone").isEqualTo(1);
      }
    }
  }

  @Test
  void anUnreachableServerIsAnErrorWithTheUrlMasked() {
    String canary = "Canary-5ecret";
    assertThatThrownBy(
            () ->
                Sandbox.of(
                    DatabaseKind.POSTGRESQL,
                    "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=" + canary,
                    null,
                    null))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Cannot connect to jdbc:postgresql://127.0.0.1:1/postgres?")
        .hasMessageContaining("to make throwaway postgresql databases")
        .message()
        .doesNotContain(canary);
  }

  @Test
  void withDatabaseReplacesOnlyTheDatabaseOfAServerUrl() {
    assertThat(Sandbox.withDatabase("jdbc:postgresql://h:5432/app?ssl=true", "x"))
        .isEqualTo("jdbc:postgresql://h:5432/x?ssl=true");
    assertThat(Sandbox.withDatabase("jdbc:postgresql://h", "x")).isEqualTo("jdbc:postgresql://h/x");
    assertThat(Sandbox.withDatabase("jdbc:postgresql:app?user=u", "x"))
        .isEqualTo("jdbc:postgresql:x?user=u");
    assertThat(Sandbox.withDatabase("jdbc:mysql://h:3306/?user=root", "x"))
        .isEqualTo("jdbc:mysql://h:3306/x?user=root");
    assertThat(Sandbox.withDatabase("jdbc:mysql://[::1]:3306?user=root", "x"))
        .isEqualTo("jdbc:mysql://[::1]:3306/x?user=root");
  }

  /**
   * A MySQL clone is made of statement lists on a kept connection: it must still hold what a table
   * can carry (generated and invisible columns, a 0 in an AUTO_INCREMENT column, the counter past
   * deleted rows, foreign keys) with the same schema, and an empty source gives an empty clone.
   */
  @Test
  void aMysqlCloneHoldsGeneratedInvisibleAndAutoIncrementColumns() throws Exception {
    Sandbox sandbox = TestDatabases.sandbox(DatabaseKind.MYSQL);
    try (ThrowawayDatabase source = sandbox.create()) {
      try (ThrowawayDatabase empty = sandbox.cloneOf(source);
          Connection c = empty.connect()) {
        assertThat(new dev.migrate.engine.schema.SchemaReader().read(c).tables()).isEmpty();
      }
      try (Connection c = source.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE parent (id INTEGER AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))");
        s.execute(
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, qty INTEGER,"
                + " twice INTEGER AS (qty * 2) VIRTUAL, secret VARCHAR(10) INVISIBLE,"
                + " CONSTRAINT fk_child FOREIGN KEY (parent_id) REFERENCES parent (id))");
        s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
        s.execute("INSERT INTO parent (id, name) VALUES (0, 'zero'), (5, 'five'), (9, 'nine')");
        s.execute("DELETE FROM parent WHERE id = 9");
        s.execute("INSERT INTO child (id, parent_id, qty, secret) VALUES (1, 5, 21, 'hidden')");
      }
      try (ThrowawayDatabase copy = sandbox.cloneOf(source);
          Connection c = copy.connect();
          Connection original = source.connect();
          Statement s = c.createStatement()) {
        var reader = new dev.migrate.engine.schema.SchemaReader();
        assertThat(reader.read(c)).isEqualTo(reader.read(original));
        try (ResultSet rs = s.executeQuery("SELECT id, name FROM parent ORDER BY id")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as("a 0 in an AUTO_INCREMENT column stays 0").isZero();
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(5);
          assertThat(rs.next()).isFalse();
        }
        try (ResultSet rs = s.executeQuery("SELECT qty, twice, secret FROM child")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(21);
          assertThat(rs.getInt(2)).isEqualTo(42);
          assertThat(rs.getString(3)).as("an invisible column is copied too").isEqualTo("hidden");
        }
        s.execute("INSERT INTO parent (name) VALUES ('next')");
        try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM parent")) {
          rs.next();
          assertThat(rs.getInt(1)).as("the counter past the deleted row").isEqualTo(10);
        }
      }
    }
  }

  /**
   * The snapshots' connection to a MySQL database takes a statement list in one round trip; the one
   * a user's SQL runs on does not, so that a list there fails as it would in production.
   */
  @Test
  void onlyTheMysqlCatalogConnectionTakesStatementLists() throws Exception {
    Sandbox sandbox = TestDatabases.sandbox(DatabaseKind.MYSQL);
    try (ThrowawayDatabase db = sandbox.create()) {
      try (java.sql.Connection c = db.connectForCatalog();
          java.sql.Statement s = c.createStatement()) {
        assertThat(s.execute("SELECT 1; SELECT 2")).isTrue();
        assertThat(s.getMoreResults()).as("a second result in the same answer").isTrue();
      }
      try (java.sql.Connection c = db.connect();
          java.sql.Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("SELECT 1; SELECT 2"))
            .isInstanceOf(java.sql.SQLException.class);
      }
    }
  }

  @Test
  void aMysqlCloneRefusesWhatItCannotCopyNamingIt() throws Exception {
    Sandbox sandbox = TestDatabases.sandbox(DatabaseKind.MYSQL);
    try (ThrowawayDatabase source = sandbox.create()) {
      try (Connection c = source.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        s.execute("CREATE VIEW v AS SELECT id FROM t");
      }
      assertThatThrownBy(() -> sandbox.cloneOf(source))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("Cannot clone MySQL database " + source.name())
          .hasMessageContaining("view v");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void dropIsForcedPastAnOpenConnection(DatabaseKind kind) throws Exception {
    Sandbox sandbox = TestDatabases.sandbox(kind);
    ThrowawayDatabase db = sandbox.create();
    try (Connection open = db.connect();
        Statement s = open.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      open.setAutoCommit(false);
      s.executeQuery("SELECT * FROM t").close();
      db.close();
      assertThat(exists(sandbox, db.name())).isFalse();
    } catch (SQLException ended) {
      // the forced drop ended that connection: closing it may fail
    }
    assertThat(exists(sandbox, db.name())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void dropsOnlyWhatItCreatedAndLeftoversOlderThanADay(DatabaseKind kind) throws Exception {
    Sandbox shared = TestDatabases.sandbox(kind);
    Instant now = Instant.now();
    String foreignRecent = Names.fresh(now.minus(Duration.ofHours(23)));
    String foreignOld = Names.fresh(now.minus(Duration.ofHours(25)));
    String notOurPattern = "migrate_test_" + "x" + Long.toHexString(System.nanoTime());
    Backend backend = shared.backend();
    for (String name : List.of(foreignRecent, foreignOld, notOurPattern)) {
      backend.create(name);
    }
    try {
      Sandbox sandbox = Sandbox.of(kind, TestDatabases.adminUrl(kind), null, null);
      assertThat(sandbox.leftoversDropped()).contains(foreignOld).doesNotContain(foreignRecent);
      ThrowawayDatabase own = sandbox.create();
      sandbox.close();
      assertThat(exists(shared, own.name())).isFalse();
      assertThat(exists(shared, foreignOld)).isFalse();
      assertThat(exists(shared, foreignRecent)).isTrue();
      assertThat(exists(shared, notOurPattern)).isTrue();
    } finally {
      for (String name : List.of(foreignRecent, foreignOld, notOurPattern)) {
        backend.drop(name);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void postgresqlMakesTheNextDatabaseAheadAndDropsItWithTheSandbox() throws Exception {
    Sandbox shared = TestDatabases.sandbox(DatabaseKind.POSTGRESQL);
    Sandbox sandbox =
        Sandbox.of(
            DatabaseKind.POSTGRESQL, TestDatabases.adminUrl(DatabaseKind.POSTGRESQL), null, null);
    ThrowawayDatabase first = sandbox.create();
    ThrowawayDatabase second = sandbox.create(); // the spare made after the first
    assertThat(second.name()).isNotEqualTo(first.name());
    try (java.sql.Connection c = second.connect()) {
      assertThat(c.isValid(5)).isTrue();
    }
    List<String> held = sandbox.held();
    assertThat(held).contains(first.name(), second.name()).hasSize(3);
    sandbox.close(); // also drops the spare made after the second
    assertThat(shared.backend().existing()).doesNotContainAnyElementsOf(held);
  }

  /**
   * Clones made ahead of a saved state hold its content, are handed out by cloneOf one after the
   * other, and what nobody took is dropped with the source, or with the sandbox.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void clonesMadeAheadHoldTheSourceAndNoneIsLeftBehind(DatabaseKind kind) throws Exception {
    Sandbox shared = TestDatabases.sandbox(kind);
    Sandbox sandbox =
        kind == DatabaseKind.SQLITE
            ? Sandbox.sqlite()
            : Sandbox.of(kind, TestDatabases.adminUrl(kind), null, null);
    ThrowawayDatabase source = sandbox.create();
    try (Connection c = source.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, note VARCHAR(20))");
      s.execute("INSERT INTO kept VALUES (1, 'saved')");
    }
    sandbox.cloneAhead(source, 2);
    List<String> whileAhead = sandbox.held();
    assertThat(whileAhead)
        .as("one clone made ahead")
        .hasSize(3 - (kind == DatabaseKind.POSTGRESQL ? 0 : 1));
    ThrowawayDatabase first = sandbox.cloneOf(source);
    assertThat(whileAhead).as("the clone handed out is the one made ahead").contains(first.name());
    ThrowawayDatabase second = sandbox.cloneOf(source);
    for (ThrowawayDatabase copy : List.of(first, second)) {
      try (Connection c = copy.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("saved");
      }
    }
    ThrowawayDatabase third = sandbox.cloneOf(source); // past the count: made on the spot
    List<String> all = sandbox.held();
    assertThat(all).contains(source.name(), first.name(), second.name(), third.name());

    sandbox.cloneAhead(source, 1);
    List<String> withUntaken = sandbox.held();
    source.close(); // the clone made ahead and never taken goes with it
    List<String> existing = existingOn(kind, shared, sandbox);
    assertThat(existing).doesNotContain(source.name());
    assertThat(existing)
        .doesNotContainAnyElementsOf(
            withUntaken.stream().filter(name -> !all.contains(name)).toList());
    sandbox.close();
    assertThat(existingOn(kind, shared, sandbox)).doesNotContainAnyElementsOf(withUntaken);
  }

  private static List<String> existingOn(DatabaseKind kind, Sandbox shared, Sandbox own)
      throws Exception {
    return (kind == DatabaseKind.SQLITE ? own : shared).backend().existing();
  }

  private static boolean exists(Sandbox sandbox, String name) throws Exception {
    return sandbox.backend().existing().contains(name);
  }
}
