package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlRevisionParserTest {
  private static final String FILE = "versions/1a2b_add_tasks.sql";

  private static RevisionScript parse(String... lines) {
    return SqlRevisionParser.parse(String.join("\n", lines) + "\n", FILE);
  }

  private static List<String> statements(RevisionScript script, Direction d, DatabaseKind db) {
    MigrationPlan plan = script.body().plan(d, db);
    return plan.operations().stream().map(op -> ((Operation.Execute) op).sql()).toList();
  }

  private static void assertBadInput(String expectedPrefix, String... lines) {
    assertThatThrownBy(() -> parse(lines))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith(FILE + ":" + expectedPrefix)
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void readsEveryHeader() {
    RevisionScript script =
        parse(
            "-- migrate:revision 1a2b3c4d5e6f",
            "-- migrate:revises 0f9e8d7c6b5a",
            "-- migrate:message Add tasks table",
            "-- migrate:branch-labels tasks work",
            "-- migrate:depends-on 77aa00ff11bb",
            "-- migrate:transactional true",
            "-- migrate:up",
            "CREATE TABLE task (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);",
            "-- migrate:down",
            "DROP TABLE task;");

    assertThat(script.id()).isEqualTo("1a2b3c4d5e6f");
    assertThat(script.downRevisions()).containsExactly("0f9e8d7c6b5a");
    assertThat(script.message()).isEqualTo("Add tasks table");
    assertThat(script.branchLabels()).containsExactly("tasks", "work");
    assertThat(script.dependsOn()).containsExactly("77aa00ff11bb");
    assertThat(script.origin()).isEqualTo(FILE);
    MigrationPlan up = script.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE);
    assertThat(up.transactional()).isEqualTo(Revision.Transactional.TRUE);
    assertThat(up.irreversibleReason()).isEmpty();
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.POSTGRESQL))
        .containsExactly("CREATE TABLE task (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL)");
    assertThat(statements(script, Direction.DOWNGRADE, DatabaseKind.MYSQL))
        .containsExactly("DROP TABLE task");
  }

  @Test
  void absentRevisesOrBaseMakesARoot() {
    assertThat(parse("-- migrate:revision a1", "-- migrate:up").downRevisions()).isEmpty();
    assertThat(parse("-- migrate:revision a1", "-- migrate:revises base").downRevisions())
        .isEmpty();
  }

  @Test
  void severalRevisesMakeAMergePoint() {
    assertThat(parse("-- migrate:revision m1", "-- migrate:revises a1  b2 c3").downRevisions())
        .containsExactly("a1", "b2", "c3");
  }

  @Test
  void transactionalFalseAndAbsent() {
    RevisionScript off = parse("-- migrate:revision a1", "-- migrate:transactional FALSE");
    RevisionScript auto = parse("-- migrate:revision a1", "-- migrate:up", "SELECT 1;");
    assertThat(off.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE).transactional())
        .isEqualTo(Revision.Transactional.FALSE);
    assertThat(auto.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE).transactional())
        .isEqualTo(Revision.Transactional.AUTO);
  }

  @Test
  void commentsAndBlankLinesMayPrecedeTheFirstSection() {
    RevisionScript script =
        parse(
            "-- A file comment",
            "",
            "-- migrate:revision a1",
            "   -- indented comment",
            "-- migrate:message  spaced   message  ",
            "-- migrate:up",
            "SELECT 1;");
    assertThat(script.message()).isEqualTo("spaced   message");
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.SQLITE))
        .containsExactly("SELECT 1");
  }

  @Test
  void dialectSectionWinsOverTheDefault() {
    RevisionScript script =
        parse(
            "-- migrate:revision a1",
            "-- migrate:up",
            "CREATE TABLE t (id INTEGER);",
            "-- migrate:up postgresql",
            "CREATE TABLE t (id SERIAL);",
            "-- migrate:down mysql",
            "DROP TABLE t; -- mysql",
            "-- migrate:down",
            "DROP TABLE t;");

    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.POSTGRESQL))
        .containsExactly("CREATE TABLE t (id SERIAL)");
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.MYSQL))
        .containsExactly("CREATE TABLE t (id INTEGER)");
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.SQLITE))
        .containsExactly("CREATE TABLE t (id INTEGER)");
    assertThat(statements(script, Direction.DOWNGRADE, DatabaseKind.MYSQL))
        .containsExactly("DROP TABLE t");
    assertThat(statements(script, Direction.DOWNGRADE, DatabaseKind.SQLITE))
        .containsExactly("DROP TABLE t");
  }

  @Test
  void sectionsAreSplitWithTheirDatabasesRules() {
    RevisionScript script =
        parse(
            "-- migrate:revision a1",
            "-- migrate:up postgresql",
            "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;",
            "-- migrate:up mysql",
            "DELIMITER //",
            "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//",
            "-- migrate:up sqlite",
            "CREATE TRIGGER tr AFTER INSERT ON a BEGIN DELETE FROM b; END;");

    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.POSTGRESQL)).hasSize(1);
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.MYSQL))
        .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.SQLITE)).hasSize(1);
  }

  @Test
  void upForOtherDatabasesOnlyIsAnErrorWhenPlannedForThisOne() {
    RevisionScript script =
        parse("-- migrate:revision a1", "-- migrate:up postgresql", "CREATE EXTENSION x;");

    assertThatThrownBy(() -> script.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(FILE)
        .hasMessageContaining("no '-- migrate:up' section for sqlite");
  }

  @Test
  void noSectionsAtAllIsAnEmptyUpgrade() {
    RevisionScript merge = parse("-- migrate:revision m1", "-- migrate:revises a1 b1");
    assertThat(merge.body().plan(Direction.UPGRADE, DatabaseKind.MYSQL).operations()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void noDownSectionIsDeclaredIrreversible(DatabaseKind db) {
    RevisionScript script = parse("-- migrate:revision a1", "-- migrate:up", "SELECT 1;");

    MigrationPlan down = script.body().plan(Direction.DOWNGRADE, db);

    assertThat(down.operations()).isEmpty();
    assertThat(down.irreversibleReason())
        .contains("declared irreversible: 1a2b_add_tasks.sql has no '-- migrate:down' section");
  }

  @Test
  void downIrreversibleIsDeclaredIrreversible() {
    RevisionScript script =
        parse(
            "-- migrate:revision a1",
            "-- migrate:up",
            "DROP TABLE old;",
            "-- migrate:down irreversible",
            "-- the data is gone");

    assertThat(script.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE).irreversibleReason())
        .contains("declared irreversible: 1a2b_add_tasks.sql says '-- migrate:down irreversible'");
  }

  @Test
  void irreversibleForOneDatabaseOnly() {
    RevisionScript script =
        parse(
            "-- migrate:revision a1",
            "-- migrate:up",
            "ALTER TABLE t ADD COLUMN c INT;",
            "-- migrate:down",
            "ALTER TABLE t DROP COLUMN c;",
            "-- migrate:down sqlite irreversible");

    assertThat(script.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE).irreversibleReason())
        .isPresent();
    assertThat(statements(script, Direction.DOWNGRADE, DatabaseKind.POSTGRESQL))
        .containsExactly("ALTER TABLE t DROP COLUMN c");
  }

  @Test
  void bomAndCrlfAreAccepted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a1_x.sql");
    String text =
        "\uFEFF-- migrate:revision a1\r\n-- migrate:message Hi\r\n-- migrate:up\r\n"
            + "CREATE TABLE t (\r\n  id INT\r\n);\r\n-- migrate:down\rDROP TABLE t;\r\n";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));

    RevisionScript script = SqlRevisionParser.parse(file);

    assertThat(script.id()).isEqualTo("a1");
    assertThat(script.message()).isEqualTo("Hi");
    assertThat(script.origin()).isEqualTo(file.toString());
    assertThat(statements(script, Direction.UPGRADE, DatabaseKind.SQLITE))
        .containsExactly("CREATE TABLE t (\n  id INT\n)");
    assertThat(statements(script, Direction.DOWNGRADE, DatabaseKind.SQLITE))
        .containsExactly("DROP TABLE t");
  }

  @Test
  void invalidUtf8NamesTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.sql");
    byte[] head =
        "-- migrate:revision a1\n-- migrate:up\nSELECT '".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = '\'';
    bytes[head.length + 2] = ';';
    bytes[head.length + 3] = '\n';
    Files.write(file, bytes);
    assertThatThrownBy(() -> SqlRevisionParser.parse(file))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith(file + ":3: not valid UTF-8");
  }

  @Test
  void invalidUtf8IsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.sql");
    Files.write(file, new byte[] {'-', '-', ' ', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> SqlRevisionParser.parse(file))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void unterminatedStringNamesTheFileLine() {
    RevisionScript script =
        parse("-- migrate:revision a1", "-- migrate:up", "SELECT 1;", "SELECT 'oops;");
    assertThatThrownBy(() -> script.body().plan(Direction.UPGRADE, DatabaseKind.POSTGRESQL))
        .hasMessageStartingWith(FILE + ":4: unterminated string");
  }

  // --- malformed input: file and line in every message ---

  @Test
  void unknownDirective() {
    assertBadInput(
        "2: unknown directive '-- migrate:upgrade'; expected one of revision, revises",
        "-- migrate:revision a1",
        "-- migrate:upgrade");
  }

  @Test
  void missingRevisionId() {
    assertBadInput(
        "1: missing revision id; expected '-- migrate:revision <id>'", "-- migrate:revision ");
  }

  @Test
  void twoRevisionIds() {
    assertBadInput("1: more than one revision id 'a1 b2'", "-- migrate:revision a1 b2");
  }

  @Test
  void missingRevisionHeader() {
    assertBadInput(
        "3: missing '-- migrate:revision <id>' header",
        "-- migrate:message No id",
        "",
        "-- migrate:up",
        "SELECT 1;");
  }

  @Test
  void duplicateHeader() {
    assertBadInput(
        "3: duplicate header '-- migrate:message' (already given at line 2)",
        "-- migrate:revision a1",
        "-- migrate:message one",
        "-- migrate:message two");
  }

  @Test
  void duplicateSection() {
    assertBadInput(
        "5: duplicate section '-- migrate:up' (already started at line 2)",
        "-- migrate:revision a1",
        "-- migrate:up",
        "SELECT 1;",
        "-- migrate:down",
        "-- migrate:up");
  }

  @Test
  void duplicateDialectSection() {
    assertBadInput(
        "4: duplicate section '-- migrate:down mysql' (already started at line 2)",
        "-- migrate:revision a1",
        "-- migrate:down mysql",
        "-- migrate:down",
        "-- migrate:down MySQL");
  }

  @Test
  void unknownDialect() {
    assertBadInput(
        "2: unknown database 'oracle' in '-- migrate:up'; expected postgresql, mysql or sqlite",
        "-- migrate:revision a1",
        "-- migrate:up oracle");
  }

  @Test
  void twoDialectsInOneSection() {
    assertBadInput(
        "2: unexpected 'sqlite'; a section names at most one database",
        "-- migrate:revision a1",
        "-- migrate:down mysql sqlite");
  }

  @Test
  void irreversibleUpSection() {
    assertBadInput(
        "2: 'irreversible' on an up section",
        "-- migrate:revision a1",
        "-- migrate:up irreversible");
  }

  @Test
  void irreversibleSectionWithSql() {
    assertBadInput(
        "3: '-- migrate:down irreversible' section contains SQL",
        "-- migrate:revision a1",
        "-- migrate:up",
        "-- migrate:down irreversible",
        "DROP TABLE t;");
  }

  @Test
  void sqlBeforeTheFirstSection() {
    assertBadInput(
        "2: SQL before the first section; put statements after a '-- migrate:up'",
        "-- migrate:revision a1",
        "CREATE TABLE t (id INT);",
        "-- migrate:up");
  }

  @Test
  void badTransactionalValue() {
    assertBadInput(
        "2: bad transactional value 'yes'; expected 'true' or 'false'",
        "-- migrate:revision a1",
        "-- migrate:transactional yes");
  }

  @Test
  void headerAfterASection() {
    assertBadInput(
        "4: header '-- migrate:revises' after the first section (line 2)",
        "-- migrate:revision a1",
        "-- migrate:up",
        "SELECT 1;",
        "-- migrate:revises b2");
  }

  @Test
  void revisesWithoutIds() {
    assertBadInput(
        "2: '-- migrate:revises' without ids", "-- migrate:revision a1", "-- migrate:revises");
  }

  @Test
  void baseMixedWithIds() {
    assertBadInput(
        "2: 'base' mixed with revision ids",
        "-- migrate:revision a1",
        "-- migrate:revises base b2");
  }

  @Test
  void emptyBranchLabels() {
    assertBadInput(
        "2: '-- migrate:branch-labels' without values",
        "-- migrate:revision a1",
        "-- migrate:branch-labels");
  }

  @Test
  void illegalCharacterInId() {
    assertBadInput("1: revision id 'a-1' contains one of '@ + - :'", "-- migrate:revision a-1");
    assertBadInput(
        "2: revision id 'b@head' contains", "-- migrate:revision a1", "-- migrate:revises b@head");
  }
}
