package dev.migrate.engine.verify.rows;

import dev.migrate.engine.schema.Expressions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simple CHECK forms say about single columns, parsed from the text each database stores:
 * {@code col IN (...)} (PostgreSQL: {@code col = ANY (ARRAY[...])}), comparisons with a number or a
 * string, {@code BETWEEN} (PostgreSQL: two comparisons), {@code length(col)} and its relatives,
 * {@code col <> ''}, NOT IN (PostgreSQL: {@code col <> ALL (ARRAY[...])}). Casts, identifier quotes
 * and redundant parentheses are taken out first. Other conjuncts are ignored: the writer's
 * alternatives and skip note cover them.
 */
final class CheckRules {
  private static final String VALUE = "(-?\\d+(?:\\.\\d+)?|'(?:[^']|'')*')";
  private static final String OP = "(>=|<=|<>|!=|=|>|<)";
  private static final Pattern IN =
      Pattern.compile("^(\\w+)\\s+(not\\s+)?in\\s*\\((.*)\\)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_ALL =
      Pattern.compile(
          "^(\\w+)\\s*<>\\s*all\\s*\\(?\\s*array\\s*\\[(.*)\\]\\s*\\)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY =
      Pattern.compile(
          "^(\\w+)\\s*=\\s*any\\s*\\(?\\s*array\\s*\\[(.*)\\]\\s*\\)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BETWEEN =
      Pattern.compile(
          "^(\\w+|\\w+\\(\\w+\\))\\s+between\\s+" + VALUE + "\\s+and\\s+" + VALUE + "$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPARE =
      Pattern.compile("^(\\w+|\\w+\\(\\w+\\))\\s*" + OP + "\\s*" + VALUE + "$");
  private static final Pattern REVERSED =
      Pattern.compile("^" + VALUE + "\\s*" + OP + "\\s*(\\w+|\\w+\\(\\w+\\))$");
  private static final Pattern NOT_NULL =
      Pattern.compile("^(\\w+)\\s+is\\s+not\\s+null$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LENGTH =
      Pattern.compile(
          "^(length|char_length|character_length|octet_length|len)\\((\\w+)\\)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CAST =
      Pattern.compile(
          "::\\s*[a-z_][a-z0-9_]*(?:\\s+(?:varying|precision|without time zone|with time zone))?"
              + "(?:\\s*\\([0-9, ]*\\))?(?:\\[\\])?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WRAPPED =
      Pattern.compile("(?<![\\w\\]])\\(\\s*(\\w+|'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)\\s*\\)");
  private static final Pattern WRAPPED_ARRAY =
      Pattern.compile("\\(\\s*(array\\s*\\[[^\\]]*\\])\\s*\\)", Pattern.CASE_INSENSITIVE);

  /** What the checks say about one column. Null bounds are no bound. */
  static final class Rule {
    BigDecimal min;
    boolean minExclusive;
    BigDecimal max;
    boolean maxExclusive;
    List<String> allowed;
    final Set<String> excluded = new LinkedHashSet<>();
    Integer minLength;
    Integer maxLength;
    boolean lengthInBytes;
    boolean notNull;

    void lower(BigDecimal value, boolean exclusive) {
      if (min == null || value.compareTo(min) > 0 || (value.compareTo(min) == 0 && exclusive)) {
        min = value;
        minExclusive = exclusive;
      }
    }

    void upper(BigDecimal value, boolean exclusive) {
      if (max == null || value.compareTo(max) < 0 || (value.compareTo(max) == 0 && exclusive)) {
        max = value;
        maxExclusive = exclusive;
      }
    }

    void allow(List<String> values) {
      if (allowed == null) {
        allowed = new ArrayList<>(values);
      } else {
        allowed.retainAll(values);
      }
    }

    void length(String op, int n, boolean bytes) {
      lengthInBytes |= bytes;
      switch (op) {
        case ">" -> minLength = Math.max(minLength == null ? 0 : minLength, n + 1);
        case ">=" -> minLength = Math.max(minLength == null ? 0 : minLength, n);
        case "<" -> maxLength = Math.min(maxLength == null ? Integer.MAX_VALUE : maxLength, n - 1);
        case "<=" -> maxLength = Math.min(maxLength == null ? Integer.MAX_VALUE : maxLength, n);
        case "=" -> {
          length(">=", n, bytes);
          length("<=", n, bytes);
        }
        default -> {}
      }
    }
  }

  private final Map<String, Rule> rules = new HashMap<>();

  private CheckRules() {}

  /** The rules of all these check expressions, by lower-case column name. */
  static Map<String, Rule> parse(List<String> expressions) {
    CheckRules parsed = new CheckRules();
    for (String expression : expressions) {
      for (String conjunct : conjuncts(simplify(expression))) {
        parsed.conjunct(Expressions.stripParens(conjunct));
      }
    }
    return parsed.rules;
  }

  private Rule rule(String column) {
    return rules.computeIfAbsent(column.toLowerCase(Locale.ROOT), k -> new Rule());
  }

  private void conjunct(String c) {
    Matcher m;
    if ((m = NOT_NULL.matcher(c)).matches()) {
      rule(m.group(1)).notNull = true;
    } else if ((m = NOT_ALL.matcher(c)).matches()) {
      rule(m.group(1)).excluded.addAll(literals(m.group(2)));
    } else if ((m = ANY.matcher(c)).matches()) {
      rule(m.group(1)).allow(literals(m.group(2)));
    } else if ((m = IN.matcher(c)).matches()) {
      List<String> values = literals(m.group(3));
      if (m.group(2) == null) {
        rule(m.group(1)).allow(values);
      } else {
        rule(m.group(1)).excluded.addAll(values);
      }
    } else if ((m = BETWEEN.matcher(c)).matches()) {
      compare(m.group(1), ">=", m.group(2));
      compare(m.group(1), "<=", m.group(3));
    } else if ((m = COMPARE.matcher(c)).matches()) {
      compare(m.group(1), m.group(2), m.group(3));
    } else if ((m = REVERSED.matcher(c)).matches()) {
      compare(m.group(3), flip(m.group(2)), m.group(1));
    }
  }

  private void compare(String subject, String op, String literal) {
    Matcher length = LENGTH.matcher(subject);
    String value = unquote(literal);
    if (length.matches()) {
      Integer n = integer(value);
      if (n != null) {
        rule(length.group(2)).length(op, n, length.group(1).equalsIgnoreCase("octet_length"));
      }
      return;
    }
    if (subject.contains("(")) {
      return;
    }
    Rule rule = rule(subject);
    BigDecimal number = number(value);
    switch (op) {
      case "=" -> rule.allow(List.of(value));
      case "<>", "!=" -> rule.excluded.add(value);
      case ">" -> bound(rule, number, true, true);
      case ">=" -> bound(rule, number, true, false);
      case "<" -> bound(rule, number, false, true);
      case "<=" -> bound(rule, number, false, false);
      default -> {}
    }
  }

  private static void bound(Rule rule, BigDecimal number, boolean lower, boolean exclusive) {
    if (number == null) {
      return;
    }
    if (lower) {
      rule.lower(number, exclusive);
    } else {
      rule.upper(number, exclusive);
    }
  }

  private static String flip(String op) {
    return switch (op) {
      case ">" -> "<";
      case "<" -> ">";
      case ">=" -> "<=";
      case "<=" -> ">=";
      default -> op;
    };
  }

  /** Identifier quotes and casts out, parentheses around single names and literals removed. */
  static String simplify(String expression) {
    StringBuilder s = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < expression.length(); i++) {
      char ch = expression.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      }
      if (!quoted && (ch == '"' || ch == '`')) {
        continue;
      }
      s.append(ch);
    }
    String text = CAST.matcher(s.toString()).replaceAll("");
    String before;
    do {
      before = text;
      text = WRAPPED.matcher(text).replaceAll("$1");
      text = WRAPPED_ARRAY.matcher(text).replaceAll("$1");
    } while (!text.equals(before));
    return text.trim();
  }

  /** The top-level AND parts, with BETWEEN's own AND kept inside its part. */
  private static List<String> conjuncts(String text) {
    String body = Expressions.stripParens(text);
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    boolean between = false;
    String lower = body.toLowerCase(Locale.ROOT);
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && (ch == '(' || ch == '[')) {
        depth++;
      } else if (!quoted && (ch == ')' || ch == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && word(lower, i, "between")) {
        between = true;
      } else if (!quoted && depth == 0 && word(lower, i, "and")) {
        if (between) {
          between = false;
        } else {
          parts.add(body.substring(start, i).trim());
          start = i + 3;
        }
      } else if (!quoted && depth == 0 && word(lower, i, "or")) {
        return List.of();
      }
    }
    parts.add(body.substring(start).trim());
    return parts;
  }

  private static boolean word(String text, int at, String word) {
    if (!text.startsWith(word, at)) {
      return false;
    }
    boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
    int end = at + word.length();
    boolean after =
        end >= text.length()
            || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_');
    return before && after && (at == 0 || text.charAt(at - 1) != '_');
  }

  private static List<String> literals(String list) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile(VALUE).matcher(list);
    while (m.find()) {
      values.add(unquote(m.group(1)));
    }
    return values;
  }

  private static String unquote(String literal) {
    if (literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
      return literal.substring(1, literal.length() - 1).replace("''", "'");
    }
    return literal;
  }

  private static BigDecimal number(String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer integer(String value) {
    BigDecimal n = number(value);
    return n == null ? null : n.intValue();
  }
}
