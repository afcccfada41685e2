package dev.migrate.engine.schema;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What statements run since a snapshot can have changed on MySQL, which has nothing like
 * PostgreSQL's event triggers to say it: DDL changes only the tables it names. Statements that run
 * other code or act elsewhere (CALL, EXECUTE, a database switched, an event scheduled, a
 * version-conditional comment) make it unknowable, and every table is digested again.
 */
final class StatementScope {
  private static final Pattern LEADING_COMMENTS =
      Pattern.compile("^(?:\\s+|--[^\\n]*(?:\\n|$)|#[^\\n]*(?:\\n|$)|/\\*(?s:.*?)\\*/)+");
  private static final Set<String> RUNS_OTHER_CODE =
      Set.of("call", "execute", "prepare", "use", "do", "handler", "load", "xa", "begin", "source");
  private static final Pattern ACTS_ELSEWHERE =
      Pattern.compile("\\bevent\\b|\\bdatabase\\b|\\bschema\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAMES_OBJECTS =
      Pattern.compile(
          "\\b(?:view|trigger|sequence|procedure|function)\\b", Pattern.CASE_INSENSITIVE);

  private StatementScope() {}

  /**
   * The tables of {@code known} that {@code statements} name (case-insensitively, quoted or not),
   * or empty when the statements may have changed any table. Comment lines count for the names they
   * hold only: a caller can add what an operation touches as {@code -- ...}.
   */
  static Optional<Set<String>> tablesNamed(List<String> statements, Collection<String> known) {
    StringBuilder all = new StringBuilder();
    for (String statement : statements) {
      // a version-conditional comment is code; other comments may name tables, nothing more
      String code = LEADING_COMMENTS.matcher(statement).replaceFirst("");
      String first = code.split("[^\\p{L}_]", 2)[0].toLowerCase(Locale.ROOT);
      if (statement.contains("/*!")
          || RUNS_OTHER_CODE.contains(first)
          || ACTS_ELSEWHERE.matcher(code).find()) {
        return Optional.empty();
      }
      all.append(statement.toLowerCase(Locale.ROOT)).append('\n');
    }
    String text = all.toString();
    Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String table : known) {
      String name = table.toLowerCase(Locale.ROOT);
      if (text.contains(name)
          || text.contains(name.replace("`", "``"))
          || text.contains(name.replace("\"", "\"\""))) {
        named.add(table);
      }
    }
    return Optional.of(named);
  }

  /** Whether the statements may create, change or drop a view, trigger, sequence or routine. */
  static boolean mayChangeObjects(List<String> statements) {
    return statements.stream().anyMatch(s -> NAMES_OBJECTS.matcher(s).find());
  }
}
