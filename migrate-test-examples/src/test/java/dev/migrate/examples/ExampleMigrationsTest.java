package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.IrreversibleRevisionException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The task board's revisions (SQL files and Java classes) go up to head, keep the rows they touch,
 * come back down as far as the declared irreversible revision allows, and go up again, on every
 * backend.
 */
class ExampleMigrationsTest {
  static final Path VERSIONS = Path.of("src/main/resources/db/versions");
  static final String JAVA_PACKAGE = "dev.migrate.examples.revisions";
  static final String MODELS = "jpa:dev.migrate.examples.domain";
  static final String HEAD = "f47b2a8e1d59";
  static final String IRREVERSIBLE = "2e9c6b0d4f87";

  /** The README's settings: revisions, Java package, classpath and models of the example. */
  static final String CONFIG = Path.of("example.properties").toAbsolutePath().toString();

  static RevisionGraph graph() {
    return RevisionGraph.of(
        RevisionLoader.load(VERSIONS, JAVA_PACKAGE, ExampleMigrationsTest.class.getClassLoader()));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void upgradeToHeadDowngradeToTheIrreversibleRevisionAndUpAgain(DatabaseKind kind)
      throws SQLException {
    RevisionGraph graph = graph();
    try (TestDatabase db = TestDatabases.create(kind)) {
      List<String> lines = new ArrayList<>();
      Migrator migrator = Migrator.builder(graph).url(db.url()).output(lines::add).build();

      List<MigrationStep> up = migrator.upgrade("head");

      assertThat(up).hasSize(13);
      assertThat(lines.get(0)).isEqualTo("Running upgrade  -> 3f2a9c1d7b10, Create account table");
      assertThat(lines)
          .contains(
              "Running upgrade 51ce0a8b9e37, e2a6f4c08d19 -> 9a0b3d5e7c61,"
                  + " Merge audit and tags branches",
              "Running upgrade 9a0b3d5e7c61 -> 7c3e5a9b1f20, Add task comments",
              "Running upgrade 6c0d9e2b8a35 -> f47b2a8e1d59, Add task sort order");
      assertThat(migrator.currentRows()).containsExactly(HEAD);
      assertThat(tables(db))
          .containsExactlyInAnyOrder(
              "account",
              "task",
              "task_status",
              "task_label",
              "audit_log",
              "task_comment",
              "board",
              "migrate_version",
              "migrate_history");
      assertThat(migrator.upgrade("head")).isEmpty();

      assertThat(migrator.downgrade(IRREVERSIBLE)).hasSize(3);
      assertThatThrownBy(() -> migrator.downgrade("base"))
          .isInstanceOf(IrreversibleRevisionException.class)
          .hasMessageContaining(IRREVERSIBLE);
      assertThat(migrator.currentRows()).containsExactly(IRREVERSIBLE);

      assertThat(migrator.upgrade("heads")).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theJavaRevisionKeepsTheRowsOfTheTableItAlters(DatabaseKind kind) throws SQLException {
    RevisionGraph graph = graph();
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator migrator = Migrator.builder(graph).url(db.url()).output(line -> {}).build();
      migrator.upgrade("9a0b3d5e7c61");
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO account (id, email, display_name) VALUES (1, 'a@example.com', 'A')");
        s.execute("INSERT INTO task (id, owner_id, title) VALUES (10, 1, 'Write the docs')");
        s.execute("INSERT INTO task_tag (task_id, tag) VALUES (10, 'docs')");
      }

      migrator.upgrade("7c3e5a9b1f20");
      migrator.downgrade("-1");

      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT t.title, g.tag FROM task t JOIN task_tag g ON g.task_id = t.id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Write the docs");
        assertThat(rs.getString(2)).isEqualTo("docs");
      }
      assertThat(migrator.currentRows()).containsExactly("9a0b3d5e7c61");
    }
  }

  private static List<String> tables(TestDatabase db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs =
            c.getMetaData()
                .getTables(
                    c.getCatalog(),
                    db.kind() == DatabaseKind.POSTGRESQL ? "public" : null,
                    "%",
                    new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
