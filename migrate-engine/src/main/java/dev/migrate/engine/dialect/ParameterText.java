package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import java.util.List;

/** Writes the parameters of a statement into its text as literals, for offline scripts. */
final class ParameterText {
  private ParameterText() {}

  /** {@code sql} with each {@code ?} outside quotes and comments replaced by the next literal. */
  static String inline(String sql, List<Object> parameters, Dialect dialect) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      int end = skipQuoted(sql, i);
      if (end > i) {
        out.append(sql, i, end);
        i = end;
        continue;
      }
      if (ch == '?') {
        if (next == parameters.size()) {
          throw mismatch(sql, parameters.size());
        }
        out.append(dialect.literal(parameters.get(next++)));
      } else {
        out.append(ch);
      }
      i++;
    }
    if (next != parameters.size()) {
      throw mismatch(sql, parameters.size());
    }
    return out.toString();
  }

  /** The end of a quoted string, identifier or comment starting at {@code i}, else {@code i}. */
  private static int skipQuoted(String sql, int i) {
    char ch = sql.charAt(i);
    if (ch == '\'' || ch == '"' || ch == '`') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == ch) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == ch) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        if (sql.charAt(j) == '\\' && ch == '\'') {
          j++;
        }
        j++;
      }
      return sql.length();
    }
    if (sql.startsWith("--", i)) {
      int newline = sql.indexOf('\n', i);
      return newline < 0 ? sql.length() : newline;
    }
    if (sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    return i;
  }

  private static MigrateException mismatch(String sql, int given) {
    return MigrateException.badInput(
        "Statement has a different number of '?' placeholders than the "
            + given
            + " parameter(s) given: "
            + sql);
  }
}
