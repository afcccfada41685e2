package dev.migrate.engine.dialect;

import java.util.Locale;

/** Small lexical helpers over SQL text: comments, quotes and parentheses. */
final class SqlText {
  private SqlText() {}

  /**
   * The statement without comments, whitespace collapsed to single spaces, in upper case. Good
   * enough to recognise what kind of statement it is.
   */
  static String normalize(String sql) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        out.append(' ');
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = closingQuote(sql, i);
        out.append(sql, i, end);
        i = end;
      } else {
        out.append(Character.isWhitespace(c) ? ' ' : c);
        i++;
      }
    }
    return out.toString().replaceAll(" +", " ").trim().toUpperCase(Locale.ROOT);
  }

  /** Index just past the quoted text starting at {@code start}; doubled quotes stay inside. */
  static int closingQuote(String sql, int start) {
    char quote = sql.charAt(start);
    char close = quote == '[' ? ']' : quote;
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == close) {
        if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /** Index of the parenthesis closing the one at {@code open}. */
  static int closingParen(String text, int open) {
    int depth = 0;
    int i = open;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = closingQuote(text, i);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    throw new IllegalArgumentException("unbalanced parentheses in: " + text);
  }
}
