package dev.migrate.engine.model;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.source.SqlSplitter;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ThrowawayDatabase;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Models written as DDL: a UTF-8 file of CREATE TABLE / CREATE INDEX statements that is applied to
 * a scratch database of the same backend and read back.
 *
 * <pre>
 * -- comments and blank lines may come first
 * -- migrate:models postgresql
 * CREATE TABLE task (id BIGSERIAL PRIMARY KEY, title VARCHAR(200) NOT NULL);
 * -- migrate:models mysql sqlite
 * CREATE TABLE task (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL);
 * </pre>
 *
 * A file without {@code -- migrate:models} lines is one body for every database. With sections,
 * each names one or more of postgresql, mysql, sqlite, a database appears in at most one section,
 * and only comments may precede the first. Statements are split as the database's own client does
 * ({@link SqlSplitter}). Every error names the file and line.
 */
public final class SqlModels {
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*migrate:(\\S*)(.*)$");

  private SqlModels() {}

  /**
   * The schema the file describes for {@code kind}: applied to a fresh throwaway database on the
   * server of {@code url} (a {@link Sandbox} database, never the one {@code url} names; SQLite
   * needs no URL) and read back with {@link SchemaReader}.
   */
  public static Schema load(
      Path file, DatabaseKind kind, String url, String user, String password) {
    return load(file, kind, url, user, password, connection -> new SchemaReader().read(connection));
  }

  /**
   * Reads the file, applies it to a fresh throwaway database on the server of {@code url} (see
   * {@link Sandbox}) and reads that back with {@code reader}.
   */
  public static Schema load(
      Path file,
      DatabaseKind kind,
      String url,
      String user,
      String password,
      Function<Connection, Schema> reader) {
    List<String> statements = statements(file, kind);
    return inScratch(
        "A SQL models file",
        "the models file " + file,
        kind,
        url,
        user,
        password,
        connection -> apply("Models file " + file, statements, connection, reader));
  }

  /**
   * {@code work} done on a fresh throwaway database of {@code kind} on the server of {@code url}
   * (see {@link Sandbox}), dropped afterwards.
   *
   * @param needs what needs it, for the error when no URL is given ("A SQL models file")
   * @param forWhat what it is for, in the connection error ("the models file x.sql")
   */
  static <T> T inScratch(
      String needs,
      String forWhat,
      DatabaseKind kind,
      String url,
      String user,
      String password,
      Function<Connection, T> work) {
    if (kind != DatabaseKind.SQLITE && url == null) {
      throw MigrateException.badInput(
          needs
              + " needs a scratch "
              + kind.id()
              + " database; give the database URL so one can be made on its server");
    }
    try (Sandbox sandbox = Sandbox.of(kind, url, user, password);
        ThrowawayDatabase scratch = sandbox.create();
        Connection connection = scratch.connect()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw MigrateException.failed(
          "Cannot connect to the scratch database for " + forWhat + ": " + e, e);
    }
  }

  /** The statements of {@code file} for {@code kind}. */
  public static List<String> statements(Path file, DatabaseKind kind) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw MigrateException.badInput(
          "Cannot read models file " + file + ": " + e + "; check the models setting");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw MigrateException.badInput(file + ": not valid UTF-8; save the models file as UTF-8");
    }
    return parse(text, file.toString(), kind);
  }

  /** The statements of a models file's text for {@code kind}; {@code source} names it in errors. */
  public static List<String> parse(String content, String source, DatabaseKind kind) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    String[] lines = text.split("\r\n|\r|\n", -1);
    Map<DatabaseKind, Integer> sectionLines = new EnumMap<>(DatabaseKind.class);
    List<Integer> directiveLines = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      Matcher directive = DIRECTIVE.matcher(lines[i]);
      if (!directive.matches()) {
        continue;
      }
      if (!directive.group(1).equalsIgnoreCase("models")) {
        throw error(
            source,
            lineNo,
            "unknown directive '-- migrate:"
                + directive.group(1)
                + "'; a models file has only '-- migrate:models <database>...' sections");
      }
      List<String> names =
          List.of(directive.group(2).strip().split("\\s+")).stream()
              .filter(s -> !s.isEmpty())
              .toList();
      if (names.isEmpty()) {
        throw error(
            source,
            lineNo,
            "'-- migrate:models' needs the databases it is for: postgresql, mysql or sqlite");
      }
      for (String name : names) {
        DatabaseKind section = kindOf(name, source, lineNo);
        Integer earlier = sectionLines.putIfAbsent(section, lineNo);
        if (earlier != null) {
          throw error(
              source,
              lineNo,
              "second section for "
                  + section.id()
                  + " (the first is at line "
                  + earlier
                  + "); keep one");
        }
      }
      directiveLines.add(lineNo);
    }
    if (directiveLines.isEmpty()) {
      return nonEmpty(SqlSplitter.split(text, kind, source, 1), source, 1, kind);
    }
    for (int i = 0; i < directiveLines.get(0) - 1; i++) {
      String stripped = lines[i].strip();
      if (!stripped.isEmpty() && !stripped.startsWith("--")) {
        throw error(
            source,
            i + 1,
            "SQL before the first '-- migrate:models' section; move it into a section (only"
                + " comments may come first)");
      }
    }
    Integer start = sectionLines.get(kind);
    if (start == null) {
      throw error(
          source,
          directiveLines.get(0),
          "no '-- migrate:models' section for "
              + kind.id()
              + "; add one (sections: "
              + sectionLines.keySet().stream().map(DatabaseKind::id).toList()
              + ")");
    }
    int end =
        directiveLines.stream().filter(line -> line > start).findFirst().orElse(lines.length + 1);
    String body = String.join("\n", List.of(lines).subList(start, end - 1));
    return nonEmpty(SqlSplitter.split(body, kind, source, start + 1), source, start, kind);
  }

  /**
   * Runs {@code statements} on {@code scratch}, an empty database of the models' backend, and reads
   * the result with {@code reader}. A failing statement is an error naming {@code source} ("Models
   * file x.sql") and the statement.
   */
  static Schema apply(
      String source,
      List<String> statements,
      Connection scratch,
      Function<Connection, Schema> reader) {
    try (Statement statement = scratch.createStatement()) {
      for (int i = 0; i < statements.size(); i++) {
        String sql = statements.get(i);
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw MigrateException.badInput(
              source
                  + ": statement "
                  + (i + 1)
                  + " failed on a scratch database: "
                  + e.getMessage()
                  + "; the statement: "
                  + abbreviate(sql));
        }
      }
    } catch (SQLException e) {
      throw MigrateException.failed(
          source + ": cannot run it on a scratch database: " + e.getMessage(), e);
    }
    return reader.apply(scratch);
  }

  private static List<String> nonEmpty(
      List<String> statements, String source, int line, DatabaseKind kind) {
    if (statements.isEmpty()) {
      throw error(source, line, "no SQL statements for " + kind.id() + "; add the CREATE TABLEs");
    }
    return statements;
  }

  private static DatabaseKind kindOf(String name, String source, int line) {
    for (DatabaseKind kind : DatabaseKind.values()) {
      if (kind.id().equals(name.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw error(
        source, line, "unknown database '" + name + "'; expected postgresql, mysql or sqlite");
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }

  private static MigrateException error(String source, int line, String what) {
    return MigrateException.badInput(source + ":" + line + ": " + what);
  }
}
