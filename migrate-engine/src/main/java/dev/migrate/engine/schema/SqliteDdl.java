package dev.migrate.engine.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What SQLite keeps only in the CREATE TABLE text of {@code sqlite_master}: constraint names, CHECK
 * constraints, the AUTOINCREMENT keyword, column collations and generated expressions. A small
 * tokenizer, enough for the statements SQLite stores (comments, quoted identifiers and nested
 * parentheses are handled; a quoted name is never taken for a keyword).
 *
 * <p>Internal: the one parser of that text, shared by the schema reader and the SQLite dialect's
 * move-and-copy; not part of the public API.
 */
public final class SqliteDdl {
  /** Names given in the text, keyed by kind and column list, e.g. {@code "u:a,b"}. */
  final Map<String, String> names = new LinkedHashMap<>();

  final List<Schema.CheckConstraint> checks = new ArrayList<>();
  final Set<String> autoincrement = new HashSet<>();

  /**
   * Lower-case column name to its COLLATE name, in upper case; BINARY, the default, is left out.
   */
  final Map<String, String> collations = new LinkedHashMap<>();

  /** Lower-case column name to the expression of its {@code AS (...)} clause. */
  final Map<String, String> generated = new LinkedHashMap<>();

  private SqliteDdl() {}

  /** The CHECK constraints, named or not, in the order written. */
  public List<Schema.CheckConstraint> checks() {
    return List.copyOf(checks);
  }

  /** Whether the column is declared AUTOINCREMENT. */
  public boolean autoincrement(String column) {
    return autoincrement.contains(column.toLowerCase(Locale.ROOT));
  }

  /** The column's COLLATE name in upper case, or null for the default BINARY. */
  public String collation(String column) {
    return collations.get(column.toLowerCase(Locale.ROOT));
  }

  /** The expression a generated column is computed by, or null. */
  public String generated(String column) {
    return generated.get(column.toLowerCase(Locale.ROOT));
  }

  /** The name the text gives the primary key, or null. */
  public String primaryKeyName() {
    return name("p", List.of());
  }

  /** The name the text gives the unique constraint over these columns, or null. */
  public String uniqueName(List<String> columns) {
    return name("u", columns);
  }

  /** The name the text gives the foreign key from these columns, or null. */
  public String foreignKeyName(List<String> columns) {
    return name("f", columns);
  }

  /** Parses a CREATE TABLE statement as sqlite_master holds it; null reads as nothing declared. */
  public static SqliteDdl parse(String sql) {
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

  /**
   * A CREATE INDEX statement's key parts as written (without ASC, DESC or COLLATE) and its WHERE
   * condition, or null.
   */
  record IndexText(List<String> keyParts, String predicate) {}

  private static final Pattern ORDER = Pattern.compile("(?is)\\s+(ASC|DESC)$");
  private static final Pattern COLLATE = Pattern.compile("(?is)\\s+COLLATE\\s+(\"[^\"]*\"|\\S+)$");

  static IndexText parseIndex(String sql) {
    int open = -1;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = skipQuoted(sql, i) - 1;
      } else if (c == '(') {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return new IndexText(List.of(), null);
    }
    String group = tokens(sql.substring(open)).get(0);
    List<String> parts = new ArrayList<>();
    for (String part : topLevelParts(group.substring(1, group.length() - 1))) {
      String bare = part;
      bare = ORDER.matcher(bare).replaceFirst("");
      bare = COLLATE.matcher(bare).replaceFirst("");
      parts.add(bare.strip());
    }
    String rest = sql.substring(open + group.length()).strip();
    String predicate =
        rest.regionMatches(true, 0, "WHERE", 0, 5) ? rest.substring(5).strip() : null;
    return new IndexText(parts, predicate == null || predicate.isEmpty() ? null : predicate);
  }

  /** The text split at its commas outside parentheses and quotes, each part as written. */
  private static List<String> topLevelParts(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = skipQuoted(text, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
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
      String key = column.toLowerCase(Locale.ROOT);
      if (word.equals("AUTOINCREMENT")) {
        autoincrement.add(key);
      } else if (word.equals("COLLATE") && i + 1 < tokens.size()) {
        String collation = upper(unquote(tokens.get(++i)));
        if (!collation.equals("BINARY")) {
          collations.put(key, collation);
        }
      } else if (word.equals("AS") && i + 1 < tokens.size() && tokens.get(i + 1).startsWith("(")) {
        generated.put(key, Expressions.stripParens(tokens.get(++i)));
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
          checks.add(new Schema.CheckConstraint(name, Expressions.stripParens(tokens.get(i + 1))));
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

  /**
   * Words, quoted names (with their quotes), string literals, commas, and whole parenthesised
   * groups; comments are skipped.
   */
  public static List<String> tokens(String text) {
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

  /** A quoted name without its quotes ("", `` and [] quoting); anything else as it is. */
  public static String unquote(String token) {
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
