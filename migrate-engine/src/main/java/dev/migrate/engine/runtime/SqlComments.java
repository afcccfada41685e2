package dev.migrate.engine.runtime;

/** Leading comments and blank space of a statement, which say nothing about what it does. */
final class SqlComments {
  private SqlComments() {}

  /** {@code sql} without its leading {@code --}, {@code #} and block comments and whitespace. */
  static String strip(String sql) {
    int i = 0;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (sql.startsWith("--", i) || ch == '#') {
        int newline = sql.indexOf('\n', i);
        i = newline < 0 ? sql.length() : newline + 1;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? sql.length() : close + 2;
      } else {
        break;
      }
    }
    return sql.substring(i);
  }
}
