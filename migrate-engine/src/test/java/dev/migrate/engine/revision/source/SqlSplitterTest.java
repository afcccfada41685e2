package dev.migrate.engine.revision.source;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlSplitterTest {

  private static List<String> split(String sql, DatabaseKind db) {
    return SqlSplitter.split(sql, db);
  }

  // --- every dialect ---

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void splitsOnSemicolonsTrimsAndKeepsLastStatementWithoutDelimiter(DatabaseKind db) {
    assertThat(split("  CREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1) ;\nSELECT 1", db))
        .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)", "SELECT 1");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void singleQuotedStringsWithDoubledQuotesHideSemicolons(DatabaseKind db) {
    assertThat(split("INSERT INTO a VALUES ('x;y''z;');SELECT 2", db))
        .containsExactly("INSERT INTO a VALUES ('x;y''z;')", "SELECT 2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void doubleQuotesHideSemicolons(DatabaseKind db) {
    assertThat(split("CREATE TABLE \"a;\"\"b\" (x INT);SELECT 2", db))
        .containsExactly("CREATE TABLE \"a;\"\"b\" (x INT)", "SELECT 2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void lineCommentsHideSemicolonsAndStayInsideTheStatement(DatabaseKind db) {
    assertThat(split("-- make a; table\nCREATE TABLE a (x INT) -- trailing;\n;SELECT 2", db))
        .containsExactly("-- make a; table\nCREATE TABLE a (x INT) -- trailing;", "SELECT 2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void blockCommentsHideSemicolons(DatabaseKind db) {
    assertThat(split("SELECT /* a; b */ 1;SELECT 2", db))
        .containsExactly("SELECT /* a; b */ 1", "SELECT 2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void commentOnlyAndEmptyStatementsAreDropped(DatabaseKind db) {
    assertThat(split("-- only a comment\n/* and another; */\n;;\nSELECT 1;\n-- trailing\n", db))
        .containsExactly("SELECT 1");
    assertThat(split("  \n-- nothing\n", db)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void unterminatedStringNamesSourceAndLine(DatabaseKind db) {
    assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\r\nSELECT 'oops;\n", db, "f.sql", 10))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("f.sql:11: unterminated string");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void unterminatedBlockCommentNamesLine(DatabaseKind db) {
    assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\n\n/* never closed", db, "g.sql", 1))
        .hasMessageStartingWith("g.sql:3: unterminated /* block comment");
  }

  // --- PostgreSQL ---

  @Test
  void postgresBackslashIsNotAnEscapeInStandardStrings() {
    assertThat(split("SELECT 'a\\';SELECT 2", POSTGRESQL))
        .containsExactly("SELECT 'a\\'", "SELECT 2");
  }

  @Test
  void postgresEscapeStringsUseBackslash() {
    assertThat(split("SELECT E'it\\'s; fine';SELECT e'\\\\';SELECT 3", POSTGRESQL))
        .containsExactly("SELECT E'it\\'s; fine'", "SELECT e'\\\\'", "SELECT 3");
  }

  @Test
  void postgresBlockCommentsNest() {
    String sql = "/* outer /* inner; */ still; comment */ SELECT 1;SELECT 2";
    assertThat(split(sql, POSTGRESQL))
        .containsExactly("/* outer /* inner; */ still; comment */ SELECT 1", "SELECT 2");
    assertThat(split(sql, SQLITE)).hasSize(3);
    assertThat(split(sql, MYSQL)).hasSize(3);
  }

  @Test
  void postgresDollarQuotedBodies() {
    String function =
        "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql";
    assertThat(split(function + ";\nSELECT f();", POSTGRESQL))
        .containsExactly(function, "SELECT f()");
  }

  @Test
  void postgresTaggedDollarBodiesMayContainOtherDollarQuotes() {
    String body = "DO $fn$ BEGIN EXECUTE $$SELECT ';'$$; PERFORM 1; END $fn$";
    assertThat(split(body + ";SELECT 2", POSTGRESQL)).containsExactly(body, "SELECT 2");
  }

  @Test
  void postgresPositionalParametersAreNotDollarQuotes() {
    assertThat(split("PREPARE p(int, int) AS SELECT $1 + $2;EXECUTE p(1, 2);", POSTGRESQL))
        .containsExactly("PREPARE p(int, int) AS SELECT $1 + $2", "EXECUTE p(1, 2)");
  }

  @Test
  void postgresDollarInsideIdentifierIsNotAQuote() {
    assertThat(split("SELECT a$b$c FROM t;SELECT 2", POSTGRESQL))
        .containsExactly("SELECT a$b$c FROM t", "SELECT 2");
  }

  @Test
  void postgresSqlStandardFunctionBodyKeepsItsSemicolons() {
    String function =
        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\n"
            + "BEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n  SELECT 2;\nEND";
    assertThat(split(function + ";\nSELECT 3", POSTGRESQL)).containsExactly(function, "SELECT 3");
  }

  @Test
  void postgresTransactionBeginAndCaseOutsideRoutinesStillSplit() {
    assertThat(split("BEGIN;\nSELECT CASE WHEN true THEN 1 END;\nCOMMIT;", POSTGRESQL))
        .containsExactly("BEGIN", "SELECT CASE WHEN true THEN 1 END", "COMMIT");
  }

  @Test
  void postgresUnterminatedDollarBodyIsAnError() {
    assertThatThrownBy(() -> split("SELECT 1;\nDO $x$ BEGIN; END $y$;", POSTGRESQL))
        .hasMessageStartingWith("SQL:2: unterminated dollar-quoted body $x$");
  }

  // --- MySQL ---

  @Test
  void mysqlBackslashEscapesInStrings() {
    assertThat(split("INSERT INTO t VALUES ('a\\';b', \"c\\\";d\");SELECT 2", MYSQL))
        .containsExactly("INSERT INTO t VALUES ('a\\';b', \"c\\\";d\")", "SELECT 2");
    assertThatThrownBy(() -> split("SELECT 'a\\';SELECT 2", MYSQL))
        .hasMessageContaining("unterminated string");
  }

  @Test
  void mysqlBackticksHideSemicolons() {
    assertThat(split("CREATE TABLE `a;``b` (x INT);SELECT 2", MYSQL))
        .containsExactly("CREATE TABLE `a;``b` (x INT)", "SELECT 2");
  }

  @Test
  void mysqlDoubleDashNeedsWhitespaceToStartAComment() {
    assertThat(split("SELECT 1--;\nSELECT 2", MYSQL)).containsExactly("SELECT 1--", "SELECT 2");
    assertThat(split("SELECT 1 -- a;b\n;SELECT 2", MYSQL))
        .containsExactly("SELECT 1 -- a;b", "SELECT 2");
    assertThat(split("SELECT 1--;\nSELECT 2", POSTGRESQL)).containsExactly("SELECT 1--;\nSELECT 2");
  }

  @Test
  void mysqlHashComments() {
    assertThat(split("SELECT 1 # a;b\n;# only; comment\nSELECT 2", MYSQL))
        .containsExactly("SELECT 1 # a;b", "# only; comment\nSELECT 2");
  }

  @Test
  void mysqlDelimiterLinesChangeTheDelimiter() {
    String sql =
        "DELIMITER //\n"
            + "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND//\n"
            + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1//\n"
            + "delimiter ;\n"
            + "SELECT 3;\n"
            + "DELIMITER $$\n"
            + "SELECT 4$$\n";
    assertThat(split(sql, MYSQL))
        .containsExactly(
            "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND",
            "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1",
            "SELECT 3",
            "SELECT 4");
  }

  @Test
  void mysqlProcedureBodyWithoutDelimiterStaysWhole() {
    String procedure =
        "CREATE PROCEDURE p(IN n INT)\n"
            + "BEGIN\n"
            + "  DECLARE i INT DEFAULT 0;\n"
            + "  outer_loop: LOOP\n"
            + "    SET i = i + 1;\n"
            + "    IF i > n THEN LEAVE outer_loop; ELSEIF i = 2 THEN SELECT 'END;'; END IF;\n"
            + "  END LOOP outer_loop;\n"
            + "  WHILE i > 0 DO SET i = i - 1; END WHILE;\n"
            + "  REPEAT SET i = i + 1; UNTIL i >= 3 END REPEAT;\n"
            + "  CASE i WHEN 3 THEN SELECT 3; ELSE BEGIN SELECT 0; END; END CASE;\n"
            + "  SELECT CASE WHEN i > 1 THEN IF(i > 2, REPEAT('x', 2), 'y') ELSE 'z' END;\n"
            + "  -- END; in a comment\n"
            + "  /* END; */ SELECT `end`, \"END;\";\n"
            + "END";
    assertThat(split("SELECT 1;\n" + procedure + ";\nSELECT 2;", MYSQL))
        .containsExactly("SELECT 1", procedure, "SELECT 2");
  }

  @Test
  void mysqlFunctionTriggerAndEventBodiesStayWhole() {
    String function =
        "CREATE DEFINER=`root`@`localhost` FUNCTION f(x INT) RETURNS INT DETERMINISTIC\n"
            + "BEGIN\n  IF x > 0 THEN RETURN 1; END IF;\n  RETURN 0;\nEND";
    String trigger =
        "CREATE OR REPLACE TRIGGER t BEFORE INSERT ON a FOR EACH ROW\n"
            + "IF NEW.x < 0 THEN SET NEW.x = 0; ELSE SET NEW.x = IF(NEW.x > 9, 9, NEW.x); END IF";
    String event =
        "CREATE EVENT IF NOT EXISTS e ON SCHEDULE EVERY 1 DAY DO\n"
            + "BEGIN DELETE FROM a WHERE x < 0; DELETE FROM b; END";
    String simple = "CREATE TRIGGER s BEFORE UPDATE ON a FOR EACH ROW SET NEW.x = IF(1, 2, 3)";
    assertThat(split(String.join(";\n", function, trigger, event, simple, "SELECT 9"), MYSQL))
        .containsExactly(function, trigger, event, simple, "SELECT 9");
  }

  @Test
  void mysqlBlockKeywordsOutsideRoutinesStillSplit() {
    assertThat(
            split(
                "BEGIN;\nSELECT CASE WHEN 1 THEN 2 END;\nSELECT IF(1, 2, 3);\n"
                    + "CREATE TABLE event (begin INT);\nCOMMIT;",
                MYSQL))
        .containsExactly(
            "BEGIN",
            "SELECT CASE WHEN 1 THEN 2 END",
            "SELECT IF(1, 2, 3)",
            "CREATE TABLE event (begin INT)",
            "COMMIT");
  }

  @Test
  void mysqlUnclosedProcedureBodyIsAnError() {
    assertThatThrownBy(
            () ->
                SqlSplitter.split(
                    "SELECT 1;\nCREATE PROCEDURE p() BEGIN SELECT 1;\n", MYSQL, "p.sql", 1))
        .hasMessageStartingWith("p.sql:2: unterminated BEGIN ... END block");
  }

  @Test
  void mysqlDelimiterWordInsideAStatementIsNotACommand() {
    assertThat(split("CREATE TABLE t (\n  delimiter INT\n);SELECT 1", MYSQL))
        .containsExactly("CREATE TABLE t (\n  delimiter INT\n)", "SELECT 1");
  }

  @Test
  void mysqlDelimiterWithoutValueIsAnError() {
    assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\nDELIMITER\n", MYSQL, "m.sql", 5))
        .hasMessageStartingWith("m.sql:6: DELIMITER needs a delimiter");
  }

  // --- SQLite ---

  @Test
  void sqliteTriggerBodyKeepsItsSemicolons() {
    String trigger =
        "CREATE TRIGGER tr AFTER INSERT ON a\nBEGIN\n  INSERT INTO b VALUES (1);\n"
            + "  UPDATE c SET x = CASE WHEN 1 THEN 2 END;\nEND";
    assertThat(split(trigger + ";\nSELECT 1;", SQLITE)).containsExactly(trigger, "SELECT 1");
    String temp = "create temp trigger tr after delete on a begin delete from b; end";
    assertThat(split(temp + ";SELECT 2", SQLITE)).containsExactly(temp, "SELECT 2");
  }

  @Test
  void sqliteCaseOutsideTriggerDoesNotHoldSemicolons() {
    assertThat(split("SELECT CASE WHEN 1 THEN 2 END;SELECT 3", SQLITE))
        .containsExactly("SELECT CASE WHEN 1 THEN 2 END", "SELECT 3");
  }

  @Test
  void sqliteBracketAndBacktickIdentifiers() {
    assertThat(split("CREATE TABLE [a;b] (`c;d` INT);SELECT 2", SQLITE))
        .containsExactly("CREATE TABLE [a;b] (`c;d` INT)", "SELECT 2");
  }

  @Test
  void sqliteBackslashIsNotAnEscape() {
    assertThat(split("SELECT 'a\\';SELECT 2", SQLITE)).containsExactly("SELECT 'a\\'", "SELECT 2");
  }
}
