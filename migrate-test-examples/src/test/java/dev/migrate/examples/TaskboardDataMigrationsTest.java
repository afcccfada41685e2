package dev.migrate.examples;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static dev.migrate.test.MigrationRunner.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.IrreversibleRevisionException;
import dev.migrate.engine.diff.Difference;
import dev.migrate.test.MigrateAssertions;
import dev.migrate.test.MigrationBackends;
import dev.migrate.test.MigrationRunner;
import dev.migrate.test.MigrationTest;
import java.util.List;

/**
 * The task board's data migrations, with rows of their own on a fresh database of each backend:
 * what the generated rows of {@code migrate verify} cannot say is whether the values end up where
 * the application looks for them.
 */
@MigrationTest(
    revisions = "src/main/resources/db/versions",
    javaPackage = "dev.migrate.examples.revisions",
    models = "jpa:dev.migrate.examples.domain",
    backends = {SQLITE, POSTGRESQL, MYSQL})
class TaskboardDataMigrationsTest {
  static final String TAGS_BECOME_LABELS = "4b8e2d6f0a13";
  static final String MOVE_STATUS = "d5f1a7c3e924";
  static final String LOWER_CASE_EMAILS = "2e9c6b0d4f87";

  /** Each row's values as text, since backends return numbers as different Java types. */
  private static List<List<String>> text(List<List<Object>> rows) {
    return rows.stream().map(r -> r.stream().map(String::valueOf).toList()).toList();
  }

  private static void ownerAndTasks(MigrationRunner db, String... statuses) {
    db.insert("account", row("id", 1, "email", "ada@example.com", "display_name", "Ada"));
    for (int i = 0; i < statuses.length; i++) {
      db.insert(
          "task",
          row("id", i + 1, "owner_id", 1, "title", "task " + (i + 1), "status", statuses[i]));
    }
  }

  @MigrationBackends
  void eachStatusBecomesARowOfTaskStatusAndComesBack(MigrationRunner db) {
    db.upgradeTo(TAGS_BECOME_LABELS);
    ownerAndTasks(db, "open", "done", "blocked", "open", "waiting");
    List<List<String>> statusOfEachTask =
        List.of(
            List.of("1", "open"),
            List.of("2", "done"),
            List.of("3", "blocked"),
            List.of("4", "open"),
            List.of("5", "waiting"));

    db.upgradeTo(MOVE_STATUS);

    // the known statuses keep their ids, the others follow in alphabetical order
    assertThat(text(db.query("SELECT id, code FROM task_status ORDER BY id")))
        .containsExactly(
            List.of("1", "open"),
            List.of("2", "in_progress"),
            List.of("3", "done"),
            List.of("4", "blocked"),
            List.of("5", "waiting"));
    assertThat(
            text(
                db.query(
                    "SELECT t.id, s.code FROM task t JOIN task_status s ON s.id = t.status_id"
                        + " ORDER BY t.id")))
        .containsExactlyElementsOf(statusOfEachTask);

    db.downgradeTo(TAGS_BECOME_LABELS);

    assertThat(text(db.query("SELECT id, status FROM task ORDER BY id")))
        .containsExactlyElementsOf(statusOfEachTask);
  }

  @MigrationBackends
  void tagsMoveToLabelsAndBack(MigrationRunner db) {
    db.upgradeTo("7c3e5a9b1f20");
    ownerAndTasks(db, "open", "open");
    db.insert(
        "task_tag",
        row("task_id", 1, "tag", "docs"),
        row("task_id", 1, "tag", "urgent"),
        row("task_id", 2, "tag", "docs"));

    db.upgradeTo("+1");

    assertThat(text(db.query("SELECT task_id, name FROM task_label ORDER BY task_id, name")))
        .containsExactly(List.of("1", "docs"), List.of("1", "urgent"), List.of("2", "docs"));
    assertThat(db.schema().table("task_tag")).isEmpty();

    db.downgradeTo("-1");

    assertThat(text(db.query("SELECT task_id, tag FROM task_tag ORDER BY task_id, tag")))
        .containsExactly(List.of("1", "docs"), List.of("1", "urgent"), List.of("2", "docs"));
  }

  @MigrationBackends
  void emailsAreLowerCasedAndTheRevisionRefusesToGoBack(MigrationRunner db) {
    db.upgradeTo(MOVE_STATUS);
    db.insert("account", row("id", 1, "email", "Ada@Example.COM", "display_name", "Ada"));

    db.upgradeTo(LOWER_CASE_EMAILS);

    assertThat(text(db.query("SELECT email FROM account")))
        .containsExactly(List.of("ada@example.com"));
    assertThatThrownBy(() -> db.downgradeTo(MOVE_STATUS))
        .isInstanceOf(IrreversibleRevisionException.class)
        .hasMessageContaining(LOWER_CASE_EMAILS);
    assertThat(db.current()).containsExactly(LOWER_CASE_EMAILS);
  }

  @MigrationBackends
  void theRebuiltTasksKeepTheirRowsAndHeadMatchesTheEntities(MigrationRunner db) {
    db.upgradeTo(LOWER_CASE_EMAILS);
    ownerAndTasksAfterStatus(db);
    db.insert("task_comment", row("id", 7, "task_id", 1, "body", "First!"));

    db.upgradeTo("head");

    // on SQLite the foreign key changes rebuilt task and task_comment (move and copy)
    assertThat(text(db.query("SELECT id, title, status_id, board_id, sort_order FROM task")))
        .containsExactly(List.of("1", "task 1", "3", "null", "0"));
    assertThat(text(db.query("SELECT id, body FROM task_comment")))
        .containsExactly(List.of("7", "First!"));
    MigrateAssertions.assertThatDifferences(db.diffAgainstModels()).isEmpty();
  }

  private static void ownerAndTasksAfterStatus(MigrationRunner db) {
    db.insert("account", row("id", 1, "email", "ada@example.com", "display_name", "Ada"));
    db.insert("task", row("id", 1, "owner_id", 1, "title", "task 1", "status_id", 3));
  }

  @MigrationBackends
  void oneRevisionShortOfHeadTheEntitiesAskForTheSortOrder(MigrationRunner db) {
    db.upgradeTo("6c0d9e2b8a35");

    assertThat(db.diffAgainstModels())
        .extracting(Difference::describe)
        .containsExactlyInAnyOrder(
            "column task.sort_order is in the models but not in the database",
            "index ix_task_board_order on task(board_id, sort_order) is in the models but not in"
                + " the database");
  }
}
