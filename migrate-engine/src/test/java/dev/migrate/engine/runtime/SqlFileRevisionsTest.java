package dev.migrate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Revisions read from SQL files by the loader, applied and checked by the Migrator. */
class SqlFileRevisionsTest {
  @TempDir Path versions;

  private static final String FIRST =
      """
      -- migrate:revision 1a2b3c4d5e6f
      -- migrate:message Add task table
      -- migrate:up
      CREATE TABLE task (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);
      INSERT INTO task (id, title) VALUES (1, 'it''s; done');
      -- migrate:down
      DROP TABLE task;
      """;

  private static final String SECOND =
      """
      -- migrate:revision 2b3c4d5e6f70
      -- migrate:revises 1a2b3c4d5e6f
      -- migrate:message Count tasks
      -- migrate:up postgresql
      CREATE FUNCTION task_count() RETURNS bigint AS $$
        SELECT count(*) FROM task;
      $$ LANGUAGE sql;
      -- migrate:up mysql
      DELIMITER //
      CREATE FUNCTION task_count() RETURNS BIGINT READS SQL DATA
      BEGIN
        RETURN (SELECT COUNT(*) FROM task);
      END //
      DELIMITER ;
      -- migrate:up sqlite
      CREATE VIEW task_count AS SELECT COUNT(*) AS n FROM task;
      -- migrate:down postgresql
      DROP FUNCTION task_count();
      -- migrate:down mysql
      DROP FUNCTION task_count;
      -- migrate:down sqlite
      DROP VIEW task_count;
      """;

  private Migrator migrator(TestDatabase db, List<String> output, boolean ignoreChecksums) {
    return Migrator.builder(RevisionGraph.of(RevisionLoader.load(versions, null, null)))
        .url(db.url())
        .ignoreChecksums(ignoreChecksums)
        .output(output::add)
        .build();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void appliesSqlFilesAndStopsWhenAnAppliedFileChanges(DatabaseKind kind) throws Exception {
    Files.writeString(versions.resolve("1a2b3c4d5e6f_add_task.sql"), FIRST);
    Files.writeString(versions.resolve("2b3c4d5e6f70_count_tasks.sql"), SECOND);
    try (TestDatabase db = TestDatabases.create(kind)) {
      List<String> output = new ArrayList<>();
      Migrator m = migrator(db, output, false);
      assertThat(m.upgrade("head")).hasSize(2);
      assertThat(output)
          .containsExactly(
              "Running upgrade  -> 1a2b3c4d5e6f, Add task table",
              "Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f70, Count tasks");
      String count =
          kind == DatabaseKind.SQLITE ? "SELECT n FROM task_count" : "SELECT task_count()";
      assertThat(TestRevisions.query(db, count)).containsExactly("1");
      assertThat(TestRevisions.query(db, "SELECT title FROM task")).containsExactly("it's; done");

      Path first = versions.resolve("1a2b3c4d5e6f_add_task.sql");
      Files.writeString(first, FIRST.replace("VARCHAR(200)", "VARCHAR(300)"));
      Files.writeString(
          versions.resolve("3c4d5e6f7081_more.sql"),
          """
          -- migrate:revision 3c4d5e6f7081
          -- migrate:revises 2b3c4d5e6f70
          -- migrate:up
          CREATE TABLE more_tasks (id INTEGER PRIMARY KEY);
          -- migrate:down
          DROP TABLE more_tasks;
          """);
      Migrator edited = migrator(db, output, false);
      assertThat(edited.checksumMismatches())
          .singleElement()
          .satisfies(c -> assertThat(c.origin()).endsWith("1a2b3c4d5e6f_add_task.sql"));
      assertThatThrownBy(() -> edited.upgrade("head"))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("Revision 1a2b3c4d5e6f (")
          .hasMessageContaining("1a2b3c4d5e6f_add_task.sql) was changed after it was applied")
          .hasMessageContaining("--ignore-checksums");

      assertThat(migrator(db, output, true).upgrade("head")).hasSize(1);
      assertThat(migrator(db, output, false).downgrade("base")).hasSize(3);
      assertThat(TestRevisions.tableExists(db, "task")).isFalse();
    }
  }
}
