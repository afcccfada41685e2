package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementScopeTest {
  private static final List<String> KNOWN = List.of("task", "task_tag", "odd`name", "account");

  @Test
  void namesTheTablesAStatementMentionsQuotedOrNot() {
    assertThat(
            StatementScope.tablesNamed(
                List.of("ALTER TABLE `Task` ADD COLUMN x INT", "DROP TABLE `odd``name`"), KNOWN))
        .hasValueSatisfying(
            named -> assertThat(named).containsExactlyInAnyOrder("task", "odd`name"));
  }

  @Test
  void operationsGivenAsCommentLinesNameTablesWithoutRunningAnything() {
    assertThat(
            StatementScope.tablesNamed(
                List.of("-- AddColumn[table=account, column=Column[name=schema_version]]"), KNOWN))
        .hasValueSatisfying(named -> assertThat(named).containsExactly("account"));
    assertThat(
            StatementScope.tablesNamed(
                List.of("/* moves the database's data */ ALTER TABLE task ADD y INT"), KNOWN))
        .hasValueSatisfying(named -> assertThat(named).containsExactly("task"));
  }

  @Test
  void whatCanActOnTablesItDoesNotNameMakesEveryTableCount() {
    for (String statement :
        List.of(
            "CALL purge()",
            "  execute stmt",
            "PREPARE s FROM 'DROP TABLE task'",
            "USE other",
            "BEGIN NOT ATOMIC ALTER TABLE task ADD z INT; END",
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM task",
            "ALTER DATABASE CHARACTER SET utf8mb4",
            "/*!100000 ALTER TABLE task ADD w INT */")) {
      assertThat(StatementScope.tablesNamed(List.of(statement), KNOWN)).as(statement).isEmpty();
    }
  }

  @Test
  void aDoubleQuotedNameIsNamedWithItsQuotesDoubledUnderAnsiQuotes() {
    assertThat(StatementScope.tablesNamed(List.of("DROP TABLE \"odd\"\"q\""), List.of("odd\"q")))
        .hasValueSatisfying(named -> assertThat(named).containsExactly("odd\"q"));
  }

  @Test
  void objectsMayChangeOnlyWhereAStatementSaysViewTriggerSequenceOrRoutine() {
    assertThat(StatementScope.mayChangeObjects(List.of("ALTER TABLE task ADD COLUMN v INT")))
        .isFalse();
    assertThat(StatementScope.mayChangeObjects(List.of("DROP TRIGGER task_touch"))).isTrue();
    assertThat(StatementScope.mayChangeObjects(List.of("CREATE OR REPLACE VIEW v AS SELECT 1")))
        .isTrue();
    assertThat(StatementScope.mayChangeObjects(List.of("DROP PROCEDURE purge"))).isTrue();
  }
}
