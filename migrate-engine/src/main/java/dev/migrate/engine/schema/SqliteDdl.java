package dev.migrate.engine.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What SQLite keeps only in the CREATE TABLE text of {@code sqlite_master}: constraint names, CHECK
 * constraints and the AUTOINCREMENT keyword. A small tokenizer, enough for the statements SQLite
 * stores (comments, quoted identifiers and nested parentheses are handled).
 */
final class SqliteDdl {
  /** Names given in the text, keyed by kind and column list, e.g. {@code "u:a,b"}. */
  final Map<String, String> names = new LinkedHashMap<>();

  final List<Schema.CheckConstraint> checks = new ArrayList<>();
  final Set<String> autoincrement = new HashSet<>();

  private SqliteDdl() {}

  static SqliteDdl parse(String sql) {
    SqliteDdl ddl = new SqliteDdl();
    if (sql == null) {
      return ddl;
    }
    int open = sql.indexOf('(');
    int close = sql.lastIndexOf(')');
    if (open < 0 || close < open) {
      return ddl;
    }
    for (List<String> element : split(tokens(sql.substring(open + 1, close)))) {
      ddl.element(element);
    }
    return ddl;
  }

  String name(String kind, List<String> columns) {
    return names.get(key(kind, columns));
  }

  private static String key(String kind, List<String> columns) {
    return kind + ":" + String.join(",", columns).toLowerCase(Locale.ROOT);
  }

  private void element(List<String> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    String first = upper(tokens.get(0));
    boolean tableConstraint =
        first.equals("CONSTRAINT")
            || first.equals("PRIMARY")
            || first.equals("UNIQUE")
            || first.equals("CHECK")
            || first.equals("FOREIGN");
    if (tableConstraint) {
      constraint(tokens, 0, null);
      return;
    }
    String column = unquote(tokens.get(0));
    for (int i = 1; i < tokens.size(); i++) {
      String word = upper(tokens.get(i));
      if (word.equals("AUTOINCREMENT")) {
        autoincrement.add(column.toLowerCase(Locale.ROOT));
      } else if (word.equals("CONSTRAINT") || word.equals("CHECK")) {
        i = constraint(tokens, i, column);
      }
    }
  }

  /** Reads one constraint starting at {@code i}; returns the index of its last token. */
  private int constraint(List<String> tokens, int i, String column) {
    String name = null;
    if (upper(tokens.get(i)).equals("CONSTRAINT") && i + 1 < tokens.size()) {
      name = unquote(tokens.get(i + 1));
      i += 2;
    }
    if (i >= tokens.size()) {
      return i;
    }
    String kind = upper(tokens.get(i));
    List<String> columns = column == null ? List.of() : List.of(column);
    switch (kind) {
      case "CHECK" -> {
        if (i + 1 < tokens.size()) {
          checks.add(new Schema.CheckConstraint(name, Normalise.stripParens(tokens.get(i + 1))));
          return i + 1;
        }
      }
      case "PRIMARY" -> {
        if (column == null && i + 2 < tokens.size()) {
          columns = columnList(tokens.get(i + 2));
        }
        put("p", List.of(), name);
      }
      case "UNIQUE" -> {
        if (column == null && i + 1 < tokens.size()) {
          columns = columnList(tokens.get(i + 1));
        }
        put("u", columns, name);
      }
      case "FOREIGN" -> {
        if (i + 2 < tokens.size()) {
          put("f", columnList(tokens.get(i + 2)), name);
        }
      }
      case "REFERENCES" -> put("f", columns, name);
      default -> {}
    }
    return i;
  }

  private void put(String kind, List<String> columns, String name) {
    if (name != null) {
      names.putIfAbsent(key(kind, columns), name);
    }
  }

  private static List<String> columnList(String group) {
    if (!group.startsWith("(")) {
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    for (List<String> part : split(tokens(group.substring(1, group.length() - 1)))) {
      if (!part.isEmpty()) {
        columns.add(unquote(part.get(0)));
      }
    }
    return columns;
  }

  private static List<List<String>> split(List<String> tokens) {
    List<List<String>> elements = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String token : tokens) {
      if (token.equals(",")) {
        elements.add(current);
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    elements.add(current);
    return elements;
  }

  /** Words, quoted names, string literals, commas, and whole parenthesised groups. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == ',') {
        tokens.add(",");
        i++;
      } else if (c == '(') {
        int start = i;
        int depth = 0;
        while (i < n) {
          char d = text.charAt(i);
          if (d == '\'' || d == '"' || d == '`' || d == '[') {
            i = skipQuoted(text, i);
            continue;
          }
          if (d == '(') {
            depth++;
          } else if (d == ')') {
            depth--;
            if (depth == 0) {
              i++;
              break;
            }
          }
          i++;
        }
        tokens.add(text.substring(start, i));
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        int start = i;
        i = skipQuoted(text, i);
        tokens.add(text.substring(start, i));
      } else {
        int start = i;
        while (i < n
            && !Character.isWhitespace(text.charAt(i))
            && "(),'\"`[".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        tokens.add(text.substring(start, i));
      }
    }
    return tokens;
  }

  private static int skipQuoted(String text, int i) {
    char open = text.charAt(i);
    char close = open == '[' ? ']' : open;
    i++;
    while (i < text.length()) {
      if (text.charAt(i) == close) {
        if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  static String unquote(String token) {
    if (token.length() >= 2) {
      char first = token.charAt(0);
      char last = token.charAt(token.length() - 1);
      if ((first == '"' && last == '"') || (first == '`' && last == '`')) {
        return token.substring(1, token.length() - 1).replace("" + first + first, "" + first);
      }
      if (first == '[' && last == ']') {
        return token.substring(1, token.length() - 1);
      }
    }
    return token;
  }

  private static String upper(String token) {
    return token.toUpperCase(Locale.ROOT);
  }
}
