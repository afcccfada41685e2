package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements the way each database's own client does (psql, the mysql
 * client, the sqlite3 shell).
 *
 * <ul>
 *   <li>All: {@code '...'} strings with {@code ''}, {@code "..."} identifiers, {@code --} line
 *       comments and {@code /* *}{@code /} block comments.
 *   <li>PostgreSQL: nested block comments, {@code $$...$$} and {@code $tag$...$tag$} bodies (a
 *       {@code $1} parameter is not a tag), {@code E'..\'..'} strings, and {@code BEGIN ... END} /
 *       {@code CASE ... END} inside {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (SQL-standard
 *       bodies), as psql tracks them.
 *   <li>MySQL: backslash escapes in strings, {@code "..."} strings, backtick identifiers, {@code
 *       --} comments only when followed by whitespace, {@code #} comments, and {@code DELIMITER x}
 *       lines (recognised at the start of a line between statements, as the mysql client does; the
 *       line itself is not a statement). With the default {@code ;} delimiter, the body of {@code
 *       CREATE [OR REPLACE] [DEFINER = ...] PROCEDURE|FUNCTION|TRIGGER|EVENT} stays whole: its
 *       {@code BEGIN ... END}, {@code IF ... END IF}, {@code CASE ... END [CASE]}, {@code LOOP},
 *       {@code WHILE} and {@code REPEAT} blocks (nested, labelled) hold their semicolons, as
 *       Flyway's parser does; {@code IF(...)} and {@code REPEAT(...)} in expressions are functions.
 *   <li>SQLite: backtick and {@code [...]} identifiers, and {@code CREATE [TEMP] TRIGGER ... BEGIN
 *       ...; END} bodies, whose semicolons do not split.
 * </ul>
 *
 * <p>Statements come back trimmed and without their delimiter. Comments stay inside the statement
 * they precede; statements made only of comments and whitespace are dropped.
 */
public final class SqlSplitter {
  private SqlSplitter() {}

  /** Splits {@code sql} for {@code database}; errors name "SQL" and a line counted from 1. */
  public static List<String> split(String sql, DatabaseKind database) {
    return split(sql, database, "SQL", 1);
  }

  /**
   * Splits {@code sql} for {@code database}. An unterminated string, identifier, comment or body is
   * a {@link MigrateException#badInput} naming {@code source} and the line it started on, counting
   * the first line of {@code sql} as {@code firstLine}.
   */
  public static List<String> split(
      String sql, DatabaseKind database, String source, int firstLine) {
    return new Scanner(sql, database, source, firstLine).run();
  }

  private static final class Scanner {
    private final String sql;
    private final int length;
    private final DatabaseKind db;
    private final String source;
    private final int firstLine;
    private final List<String> statements = new ArrayList<>();

    private int pos;
    private int statementStart;
    private boolean hasCode;
    private String delimiter = ";";
    private final List<String> leadingWords = new ArrayList<>();
    private int wordCount;

    /** Open blocks of the current statement, innermost first. */
    private final Deque<Block> blocks = new ArrayDeque<>();

    /** The last word (upper case) or punctuation character of the current statement. */
    private String previous = "";

    Scanner(String sql, DatabaseKind db, String source, int firstLine) {
      this.sql = sql;
      this.length = sql.length();
      this.db = db;
      this.source = source;
      this.firstLine = firstLine;
    }

    List<String> run() {
      while (pos < length) {
        if (db == DatabaseKind.MYSQL && !hasCode && atLineStart() && delimiterCommand()) {
          continue;
        }
        if (blocks.isEmpty() && sql.startsWith(delimiter, pos)) {
          finishStatement(pos);
          pos += delimiter.length();
          statementStart = pos;
          continue;
        }
        char c = sql.charAt(pos);
        if (c == '\'') {
          code();
          previous = "'";
          pos = skipQuoted(pos, '\'', db == DatabaseKind.MYSQL, "string");
        } else if (c == '"') {
          code();
          previous = "\"";
          pos =
              skipQuoted(
                  pos,
                  '"',
                  db == DatabaseKind.MYSQL,
                  db == DatabaseKind.MYSQL ? "string" : "quoted identifier");
        } else if (c == '`' && db != DatabaseKind.POSTGRESQL) {
          code();
          previous = "`";
          pos = skipQuoted(pos, '`', false, "backtick identifier");
        } else if (c == '[' && db == DatabaseKind.SQLITE) {
          code();
          int end = sql.indexOf(']', pos + 1);
          if (end < 0) {
            throw unterminated("[bracketed] identifier", pos);
          }
          pos = end + 1;
        } else if (c == '-' && lineCommentAt(pos)) {
          pos = endOfLine(pos);
        } else if (c == '#' && db == DatabaseKind.MYSQL) {
          pos = endOfLine(pos);
        } else if (c == '/' && charAt(pos + 1) == '*') {
          pos = skipBlockComment(pos);
        } else if (c == '$' && db == DatabaseKind.POSTGRESQL && dollarTagLength(pos) > 0) {
          code();
          pos = skipDollarBody(pos);
        } else if (isWordStart(c)) {
          code();
          word();
        } else {
          if (!Character.isWhitespace(c)) {
            code();
            previous = String.valueOf(c);
          }
          pos++;
        }
      }
      if (!blocks.isEmpty()) {
        throw unterminated(blocks.getLast().keyword() + " ... END block", blocks.getLast().start());
      }
      finishStatement(length);
      return List.copyOf(statements);
    }

    private void code() {
      hasCode = true;
    }

    private char charAt(int i) {
      return i < length ? sql.charAt(i) : '\0';
    }

    private boolean atLineStart() {
      int i = pos - 1;
      while (i >= 0 && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t')) {
        i--;
      }
      return i < 0 || sql.charAt(i) == '\n' || sql.charAt(i) == '\r';
    }

    /** A MySQL {@code DELIMITER x} line at {@code pos}: consume it and switch delimiters. */
    private boolean delimiterCommand() {
      int i = pos;
      while (i < length && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t')) {
        i++;
      }
      String keyword = "delimiter";
      if (!sql.regionMatches(true, i, keyword, 0, keyword.length())) {
        return false;
      }
      int afterKeyword = i + keyword.length();
      char next = charAt(afterKeyword);
      if (afterKeyword < length && next != ' ' && next != '\t' && next != '\r' && next != '\n') {
        return false;
      }
      int lineEnd = endOfLine(afterKeyword);
      String rest = sql.substring(afterKeyword, lineEnd).strip();
      if (rest.isEmpty()) {
        throw error(pos, "DELIMITER needs a delimiter, e.g. 'DELIMITER //'");
      }
      String value = rest.split("\\s+", 2)[0];
      if (value.length() >= 2
          && (value.charAt(0) == '\'' || value.charAt(0) == '"' || value.charAt(0) == '`')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      }
      if (value.isEmpty() || value.contains("\\")) {
        throw error(pos, "DELIMITER '" + value + "' is not allowed; use e.g. '//' or '$$'");
      }
      delimiter = value;
      // Comments pending before the DELIMITER line belong to no statement.
      pos = lineEnd;
      statementStart = pos;
      resetStatement();
      return true;
    }

    private boolean lineCommentAt(int i) {
      if (charAt(i + 1) != '-') {
        return false;
      }
      if (db != DatabaseKind.MYSQL) {
        return true;
      }
      // MySQL needs whitespace or a control character after "--" (or the end of input).
      char after = charAt(i + 2);
      return i + 2 >= length || after <= ' ';
    }

    private int endOfLine(int i) {
      while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
        i++;
      }
      return i;
    }

    private int skipQuoted(int start, char quote, boolean backslashEscapes, String what) {
      int i = start + 1;
      while (i < length) {
        char c = sql.charAt(i);
        if (backslashEscapes && c == '\\') {
          i += 2;
        } else if (c == quote) {
          if (charAt(i + 1) == quote) {
            i += 2;
          } else {
            return i + 1;
          }
        } else {
          i++;
        }
      }
      throw unterminated(what, start);
    }

    private int skipBlockComment(int start) {
      int depth = 1;
      int i = start + 2;
      while (i < length) {
        if (sql.startsWith("*/", i)) {
          depth--;
          i += 2;
          if (depth == 0 || db != DatabaseKind.POSTGRESQL) {
            return i;
          }
        } else if (db == DatabaseKind.POSTGRESQL && sql.startsWith("/*", i)) {
          depth++;
          i += 2;
        } else {
          i++;
        }
      }
      throw unterminated("/* block comment", start);
    }

    /**
     * Length of a {@code $tag$} opening at {@code i}, or 0 when there is none (e.g. {@code $1}).
     */
    private int dollarTagLength(int i) {
      if (i > 0 && isWordPart(sql.charAt(i - 1))) {
        return 0; // "a$b$" is an identifier, not a quote
      }
      int j = i + 1;
      if (j < length && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
        j++;
        while (j < length && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
          j++;
        }
      }
      return charAt(j) == '$' ? j + 1 - i : 0;
    }

    private int skipDollarBody(int start) {
      String tag = sql.substring(start, start + dollarTagLength(start));
      int end = sql.indexOf(tag, start + tag.length());
      if (end < 0) {
        throw unterminated("dollar-quoted body " + tag, start);
      }
      return end + tag.length();
    }

    private static boolean isWordStart(char c) {
      return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void word() {
      int start = pos;
      // The mysql client sees its delimiter anywhere, even right after a word ("END$$").
      while (pos < length && isWordPart(sql.charAt(pos)) && !sql.startsWith(delimiter, pos)) {
        pos++;
      }
      String word = sql.substring(start, pos).toUpperCase(Locale.ROOT);
      if (db == DatabaseKind.POSTGRESQL && word.equals("E") && charAt(pos) == '\'') {
        pos = skipQuoted(pos, '\'', true, "E'' string");
        return;
      }
      wordCount++;
      if (leadingWords.size() < 8) {
        leadingWords.add(word);
      }
      if (inBlockStatement()) {
        if (db == DatabaseKind.MYSQL) {
          mysqlBlock(word, start);
        } else if (word.equals("BEGIN") || word.equals("CASE")) {
          blocks.push(new Block(word, start, false));
        } else if (word.equals("END") && !blocks.isEmpty()) {
          blocks.pop();
        }
      }
      previous = word;
    }

    /**
     * Tracks MySQL's compound statements. The word after END names what it closes (END IF, END LOOP
     * lbl), so it opens nothing. IF, REPEAT and CASE open a block only where a statement may start;
     * elsewhere they are the IF() and REPEAT() functions and a CASE expression.
     */
    private void mysqlBlock(String word, int start) {
      if (previous.equals("END")) {
        return;
      }
      switch (word) {
        case "END" -> {
          if (!blocks.isEmpty()) {
            blocks.pop();
          }
        }
        case "BEGIN", "LOOP", "WHILE" -> blocks.push(new Block(word, start, false));
        case "IF", "REPEAT" -> {
          if (atStatementStart()) {
            blocks.push(new Block(word, start, false));
          }
        }
        case "CASE" -> blocks.push(new Block(word, start, !atStatementStart()));
        default -> {}
      }
    }

    /** Whether the word being read starts a statement inside a MySQL routine body. */
    private boolean atStatementStart() {
      switch (previous) {
        case ";", ":", "BEGIN", "DO", "LOOP", "REPEAT", "ROW", "ATOMIC":
          return true;
        case "THEN", "ELSE":
          return blocks.isEmpty() || !blocks.peek().expression();
        case ")", "'", "DETERMINISTIC", "SQL", "DATA", "INVOKER", "DEFINER":
          // The end of a routine's header: its parameters or characteristics.
          return blocks.isEmpty();
        default:
          return false;
      }
    }

    /** Statements whose bodies contain semicolons between BEGIN/CASE and END. */
    private boolean inBlockStatement() {
      if (wordCount < 2 || !leadingWords.get(0).equals("CREATE")) {
        return false;
      }
      String second = leadingWords.get(1);
      String third = leadingWords.size() > 2 ? leadingWords.get(2) : "";
      String fourth = leadingWords.size() > 3 ? leadingWords.get(3) : "";
      if (db == DatabaseKind.SQLITE) {
        return second.equals("TRIGGER")
            || ((second.equals("TEMP") || second.equals("TEMPORARY")) && third.equals("TRIGGER"));
      }
      if (db == DatabaseKind.POSTGRESQL) {
        return isRoutine(second)
            || (second.equals("OR") && third.equals("REPLACE") && isRoutine(fourth));
      }
      // The mysql client tracks no blocks: with another delimiter the script marks the ends.
      return delimiter.equals(";") && isMySqlCompoundHolder();
    }

    /** CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] PROCEDURE|FUNCTION|TRIGGER|EVENT. */
    private boolean isMySqlCompoundHolder() {
      int i = 1;
      if (word(i).equals("OR") && word(i + 1).equals("REPLACE")) {
        i += 2;
      }
      if (word(i).equals("DEFINER")) {
        // The user may be written as bare words (root@localhost): look a few words further.
        for (int j = i + 1; j < leadingWords.size(); j++) {
          if (isMySqlCompound(word(j)) || word(j).equals("VIEW")) {
            return isMySqlCompound(word(j));
          }
        }
        return false;
      }
      if (word(i).equals("AGGREGATE")) {
        i++;
      }
      return isMySqlCompound(word(i));
    }

    private String word(int i) {
      return i < leadingWords.size() ? leadingWords.get(i) : "";
    }

    private static boolean isMySqlCompound(String word) {
      return isRoutine(word) || word.equals("TRIGGER") || word.equals("EVENT");
    }

    private static boolean isRoutine(String word) {
      return word.equals("FUNCTION") || word.equals("PROCEDURE");
    }

    private void finishStatement(int end) {
      if (hasCode) {
        statements.add(sql.substring(statementStart, end).strip());
      }
      resetStatement();
    }

    private void resetStatement() {
      hasCode = false;
      leadingWords.clear();
      wordCount = 0;
      blocks.clear();
      previous = "";
    }

    /** A block opened by {@code keyword} at {@code start}; a CASE may be an expression. */
    private record Block(String keyword, int start, boolean expression) {}

    private MigrateException unterminated(String what, int start) {
      return error(
          start,
          "unterminated "
              + what
              + " (it is never closed); close it, or check the quotes before it");
    }

    private MigrateException error(int at, String message) {
      int line = firstLine;
      for (int i = 0; i < at && i < length; i++) {
        char c = sql.charAt(i);
        if (c == '\n' || (c == '\r' && charAt(i + 1) != '\n')) {
          line++;
        }
      }
      return MigrateException.badInput(source + ":" + line + ": " + message);
    }
  }
}
