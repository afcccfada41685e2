package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random statements full of quoted text, comments and bodies that contain the delimiter: joined
 * with delimiters and split again, they come back unchanged.
 */
class SqlSplitterPropertyTest {
  private static final String NASTY = "ab ;;'\"`\\$-#/*[]\n";

  static Stream<Arguments> cases() {
    return Stream.of(DatabaseKind.values())
        .flatMap(
            db -> IntStream.range(0, 150).mapToObj(seed -> Arguments.of(db, seed * 7919L + 1)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void joinThenSplitGivesTheStatementsBack(DatabaseKind db, long seed) {
    Random random = new Random(seed);
    List<String> statements = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
      statements.add(statement(random, db));
    }
    String delimiter = ";";
    StringBuilder script = new StringBuilder();
    if (db == DatabaseKind.MYSQL && random.nextBoolean()) {
      delimiter = random.nextBoolean() ? "//" : "$$";
      script.append("-- custom delimiter\nDELIMITER ").append(delimiter).append('\n');
    }
    for (String statement : statements) {
      script.append(statement).append(delimiter).append(random.nextBoolean() ? "\n" : "  \n\n");
    }

    List<String> split = SqlSplitter.split(script.toString(), db);

    assertThat(split).as("seed %d on %s, script:%n%s", seed, db, script).isEqualTo(statements);
  }

  private static String statement(Random random, DatabaseKind db) {
    StringBuilder out = new StringBuilder("SELECT ");
    for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
      out.append(piece(random, db)).append(random.nextBoolean() ? " " : "\n  ");
    }
    return out.append("x").toString();
  }

  private static String piece(Random random, DatabaseKind db) {
    boolean pg = db == DatabaseKind.POSTGRESQL;
    return switch (random.nextInt(9)) {
      case 0 -> singleQuoted(text(random, ""), db);
      case 1 -> doubleQuoted(text(random, ""), db);
      case 2 -> "/*" + text(random, "*/") + "*/";
      case 3 -> lineComment(random, db) + text(random, "\n\r") + "\n";
      case 4 -> pg ? "$$" + text(random, "$") + "$$" : "`" + text(random, "`") + "`";
      case 5 -> pg ? "$body$" + text(random, "$") + "$body$" : singleQuoted("", db);
      case 6 ->
          pg
              ? "E'" + text(random, "").replace("\\", "\\\\").replace("'", "\\'") + "'"
              : db == DatabaseKind.SQLITE ? "[" + text(random, "]") + "]" : "\"\"";
      case 7 -> pg ? "$" + (1 + random.nextInt(9)) : "1";
      default -> List.of("a", "b$c", "42", "+", "(y)", "-", "/").get(random.nextInt(7));
    };
  }

  /** A string literal; MySQL reads backslashes as escapes, so they are doubled there. */
  private static String singleQuoted(String text, DatabaseKind db) {
    String escaped = db == DatabaseKind.MYSQL ? text.replace("\\", "\\\\") : text;
    return "'" + escaped.replace("'", "''") + "'";
  }

  /** An identifier (a string on MySQL, where backslashes are escapes again). */
  private static String doubleQuoted(String text, DatabaseKind db) {
    String escaped = db == DatabaseKind.MYSQL ? text.replace("\\", "\\\\") : text;
    return "\"" + escaped.replace("\"", "\"\"") + "\"";
  }

  private static String lineComment(Random random, DatabaseKind db) {
    if (db == DatabaseKind.MYSQL) {
      return random.nextBoolean() ? "# " : "-- ";
    }
    return "--";
  }

  /** Random text full of delimiters and quote characters, without the {@code forbidden} ones. */
  private static String text(Random random, String forbidden) {
    StringBuilder out = new StringBuilder();
    for (int i = 0, n = random.nextInt(12); i < n; i++) {
      char c = NASTY.charAt(random.nextInt(NASTY.length()));
      if (forbidden.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
