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
import org.junit.jupiter.api.Test;
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

  @Test
  void mysqlProcedureAndTriggerWithoutDelimiterAreAppliedWhole() throws Exception {
    Files.writeString(
        versions.resolve("4d5e6f708192_procedures.sql"),
        """
        -- migrate:revision 4d5e6f708192
        -- migrate:message Audited counters
        -- migrate:up
        CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL, note VARCHAR(50));
        CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(50) NOT NULL);
        CREATE TRIGGER counter_audit BEFORE INSERT ON counter FOR EACH ROW
        BEGIN
          IF NEW.n < 0 THEN
            SET NEW.n = 0;
          END IF;
          INSERT INTO audit (what) VALUES (CONCAT('insert ', NEW.id));
        END;
        CREATE PROCEDURE fill_counters(IN how_many INT)
        BEGIN
          DECLARE i INT DEFAULT 1;
          fill: LOOP
            IF i > how_many THEN
              LEAVE fill;
            END IF;
            INSERT INTO counter (id, n, note)
              VALUES (i, CASE WHEN i = 2 THEN -5 ELSE i END, 'END; not the end');
            SET i = i + 1;
          END LOOP fill;
        END;
        INSERT INTO counter (id, n) VALUES (100, -1);
        -- migrate:down
        DROP PROCEDURE fill_counters;
        DROP TRIGGER counter_audit;
        DROP TABLE audit;
        DROP TABLE counter;
        """);
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL)) {
      Migrator m = migrator(db, new ArrayList<>(), false);
      assertThat(m.upgrade("head")).hasSize(1);
      TestRevisions.execute(db, "CALL fill_counters(3)");
      assertThat(
              TestRevisions.query(
                  db,
                  "SELECT CONCAT(id, '=', n, ' ', COALESCE(note, '-')) "
                      + "FROM counter ORDER BY id"))
          .containsExactly(
              "1=1 END; not the end", "2=0 END; not the end", "3=3 END; not the end", "100=0 -");
      assertThat(TestRevisions.query(db, "SELECT what FROM audit ORDER BY id"))
          .containsExactly("insert 100", "insert 1", "insert 2", "insert 3");
      assertThat(m.downgrade("base")).hasSize(1);
      assertThat(TestRevisions.tableExists(db, "counter")).isFalse();
    }
  }
}
