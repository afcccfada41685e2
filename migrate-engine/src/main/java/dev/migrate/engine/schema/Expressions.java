package dev.migrate.engine.schema;

/** Small operations on SQL expression text, shared by the catalog readers and verification. */
public final class Expressions {
  private Expressions() {}

  /** Removes parentheses that enclose the whole expression: {@code ((-1))} is {@code -1}. */
  public static String stripParens(String value) {
    String v = value.trim();
    while (v.startsWith("(") && v.endsWith(")") && enclosing(v)) {
      v = v.substring(1, v.length() - 1).trim();
    }
    return v;
  }

  private static boolean enclosing(String v) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
        if (depth == 0 && i < v.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }
}
