package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL revision files [contract, see DESIGN "SQL revision file"]:
 *
 * <pre>
 * -- migrate:revision 1a2b3c4d5e6f
 * -- migrate:revises 0f9e8d7c6b5a          (absent or "base": a root; several ids: a merge)
 * -- migrate:message Add tasks table
 * -- migrate:branch-labels tasks           (optional, space-separated)
 * -- migrate:depends-on 77aa00ff11bb       (optional, space-separated)
 * -- migrate:transactional true|false      (optional; absent lets the engine decide)
 * -- migrate:verify skip data_loss: reason (optional, repeatable: a check verification skips)
 * -- migrate:up [postgresql|mysql|sqlite]
 * ...
 * -- migrate:down [postgresql|mysql|sqlite] [irreversible]
 * ...
 * </pre>
 *
 * Files are UTF-8; a BOM is skipped and CRLF or CR line ends are accepted. Before the first section
 * only blank lines, {@code --} comments and headers may appear. A {@code -- migrate:} line is
 * recognised anywhere at the start of a line, also inside a section, so a section ends where the
 * next one begins. Every malformed line is a {@link MigrateException#badInput} of the form {@code
 * <file>:<line>: <what is wrong>; <what is expected>}.
 */
public final class SqlRevisionParser {
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*migrate:(\\S*)(.*)$");
  private static final List<String> HEADERS =
      List.of("revision", "revises", "message", "branch-labels", "depends-on", "transactional");
  private static final List<String> DIRECTIVES =
      List.of(
          "revision",
          "revises",
          "message",
          "branch-labels",
          "depends-on",
          "transactional",
          "verify",
          "up",
          "down");
  private static final Pattern VERIFY_SKIP = Pattern.compile("(?i)skip\\s+([a-z_,\\s]+?)\\s*:(.*)");
  private static final Pattern ILLEGAL_ID_CHARS = Pattern.compile("[@+:\\-\\s]");

  private SqlRevisionParser() {}

  /** Reads and parses {@code file}; its path is the revision's origin. */
  public static RevisionScript parse(Path file) {
    return parse(file, file.getFileName().toString());
  }

  /**
   * Reads and parses {@code file}; its path is the revision's origin, {@code name} (its path
   * relative to the revisions directory) what the reasons that reports carry name it by.
   */
  public static RevisionScript parse(Path file, String name) {
    return new Parser(read(file), file.toString(), name).parse();
  }

  /** The text of a revision file; unreadable or invalid UTF-8 is bad input naming the file. */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw MigrateException.badInput("Cannot read revision file " + file + ": " + e);
    }
    return decodeUtf8(bytes, file);
  }

  /** The text of {@code bytes}; invalid UTF-8 is bad input naming the file and line. */
  private static String decodeUtf8(byte[] bytes, Path file) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw MigrateException.badInput(
          file
              + ":"
              + line
              + ": not valid UTF-8 (byte "
              + (in.position() + 1)
              + " of the file); save the revision file as UTF-8");
    }
    return out.flip().toString();
  }

  /** Parses the text of a revision file; {@code origin} names it in messages and the result. */
  public static RevisionScript parse(String content, String origin) {
    return new Parser(content, origin, SqlRevisionBody.fileName(origin)).parse();
  }

  private static final class Parser {
    private final String origin;
    private final String name;
    private final String[] lines;
    private final Map<String, Integer> headerLines = new HashMap<>();
    private final List<SqlSection> sections = new ArrayList<>();

    private String id;
    private List<String> revises = List.of();
    private String message = "";
    private List<String> branchLabels = List.of();
    private List<String> dependsOn = List.of();
    private Revision.Transactional transactional = Revision.Transactional.AUTO;
    private final Map<String, String> verifySkips = new java.util.LinkedHashMap<>();

    Parser(String content, String origin, String name) {
      this.origin = origin;
      this.name = name;
      String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
      this.lines = text.split("\r\n|\r|\n", -1);
    }

    RevisionScript parse() {
      SectionStart open = null;
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        int lineNo = i + 1;
        String line = lines[i];
        Matcher directive = DIRECTIVE.matcher(line);
        if (directive.matches()) {
          String name = directive.group(1).toLowerCase(Locale.ROOT);
          String argument = directive.group(2).strip();
          if (name.equals("up") || name.equals("down")) {
            if (open != null) {
              close(open, body);
            }
            open = section(name, argument, lineNo);
            body.setLength(0);
            continue;
          }
          if (name.equals("verify")) {
            if (open != null) {
              throw error(
                  lineNo,
                  "'-- migrate:verify' after the first section; move it above the first"
                      + " '-- migrate:up' or '-- migrate:down' line");
            }
            verifySkip(argument, lineNo);
            continue;
          }
          if (HEADERS.contains(name)) {
            if (open != null) {
              throw error(
                  lineNo,
                  "header '-- migrate:"
                      + name
                      + "' after the first section (line "
                      + open.line
                      + "); move it above the first '-- migrate:up' or '-- migrate:down' line");
            }
            header(name, argument, lineNo);
            continue;
          }
          throw error(
              lineNo,
              "unknown directive '-- migrate:"
                  + directive.group(1)
                  + "'; expected one of "
                  + String.join(", ", DIRECTIVES));
        }
        if (open == null) {
          String stripped = line.strip();
          if (!stripped.isEmpty() && !stripped.startsWith("--")) {
            throw error(
                lineNo,
                "SQL before the first section; put statements after a '-- migrate:up' or"
                    + " '-- migrate:down' line (only comments and '-- migrate:' headers may come"
                    + " first)");
          }
        } else {
          if (open.hasLines) {
            body.append('\n');
          }
          body.append(line);
          open.hasLines = true;
        }
      }
      if (open != null) {
        close(open, body);
      }
      if (id == null) {
        int at = sections.isEmpty() ? 1 : sections.get(0).line();
        throw error(
            at,
            "missing '-- migrate:revision <id>' header; every revision file starts with its id");
      }
      return new RevisionScript(
          id,
          revises,
          branchLabels,
          dependsOn,
          message,
          origin,
          new SqlRevisionBody(origin, name, sections, transactional, verifySkips));
    }

    /** {@code skip data_loss, destructive_change: the reason}. */
    private void verifySkip(String argument, int lineNo) {
      Matcher m = VERIFY_SKIP.matcher(argument);
      if (!m.matches() || m.group(2).isBlank()) {
        throw error(
            lineNo,
            "malformed '-- migrate:verify "
                + argument
                + "'; expected '-- migrate:verify skip <check>[, <check>]: <reason>', e.g."
                + " '-- migrate:verify skip data_loss: the column is recomputed'");
      }
      for (String check : m.group(1).split("[,\\s]+")) {
        if (check.isEmpty()) {
          continue;
        }
        if (dev.migrate.engine.verify.Check.byId(check).isEmpty()) {
          throw error(
              lineNo,
              "unknown check '"
                  + check
                  + "' in '-- migrate:verify skip'; expected one of "
                  + dev.migrate.engine.verify.Check.ids());
        }
        verifySkips.put(check.toLowerCase(Locale.ROOT), m.group(2).strip());
      }
    }

    private void header(String name, String argument, int lineNo) {
      Integer earlier = headerLines.putIfAbsent(name, lineNo);
      if (earlier != null) {
        throw error(
            lineNo,
            "duplicate header '-- migrate:"
                + name
                + "' (already given at line "
                + earlier
                + "); keep one");
      }
      switch (name) {
        case "revision" -> {
          List<String> words = words(argument);
          if (words.isEmpty()) {
            throw error(lineNo, "missing revision id; expected '-- migrate:revision <id>'");
          }
          if (words.size() > 1) {
            throw error(
                lineNo,
                "more than one revision id '"
                    + argument
                    + "'; expected exactly one id (parents go in '-- migrate:revises')");
          }
          id = checkId(words.get(0), lineNo);
        }
        case "revises" -> {
          List<String> words = words(argument);
          if (words.isEmpty()) {
            throw error(
                lineNo,
                "'-- migrate:revises' without ids; expected parent ids separated by spaces, or"
                    + " 'base' (or no line) for a root");
          }
          if (words.contains("base")) {
            if (words.size() > 1) {
              throw error(
                  lineNo,
                  "'base' mixed with revision ids; a root revises only 'base', a merge lists"
                      + " only ids");
            }
            revises = List.of();
          } else {
            words.forEach(word -> checkId(word, lineNo));
            revises = words;
          }
        }
        case "message" -> message = argument;
        case "branch-labels" -> branchLabels = nonEmpty(words(argument), name, "labels", lineNo);
        case "depends-on" -> dependsOn = nonEmpty(words(argument), name, "revision ids", lineNo);
        case "transactional" -> {
          switch (argument.toLowerCase(Locale.ROOT)) {
            case "true" -> transactional = Revision.Transactional.TRUE;
            case "false" -> transactional = Revision.Transactional.FALSE;
            default ->
                throw error(
                    lineNo,
                    "bad transactional value '" + argument + "'; expected 'true' or 'false'");
          }
        }
        default -> throw new IllegalStateException(name);
      }
    }

    private SectionStart section(String name, String argument, int lineNo) {
      Direction direction = name.equals("up") ? Direction.UPGRADE : Direction.DOWNGRADE;
      Optional<DatabaseKind> dialect = Optional.empty();
      boolean irreversible = false;
      for (String word : words(argument)) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("irreversible")) {
          if (direction == Direction.UPGRADE) {
            throw error(
                lineNo,
                "'irreversible' on an up section; only '-- migrate:down irreversible' declares"
                    + " that a revision cannot be undone");
          }
          if (irreversible) {
            throw error(lineNo, "'irreversible' given twice; write it once");
          }
          irreversible = true;
        } else if (isDialect(lower)) {
          if (dialect.isPresent() || irreversible) {
            throw error(
                lineNo,
                "unexpected '"
                    + word
                    + "'; a section names at most one database, before 'irreversible'");
          }
          dialect = Optional.of(DatabaseKind.fromId(lower));
        } else {
          throw error(
              lineNo,
              "unknown database '"
                  + word
                  + "' in '-- migrate:"
                  + name
                  + "'; expected postgresql, mysql or sqlite"
                  + (direction == Direction.DOWNGRADE ? " (or 'irreversible')" : ""));
        }
      }
      for (SqlSection existing : sections) {
        if (existing.direction() == direction && existing.dialect().equals(dialect)) {
          throw error(
              lineNo,
              "duplicate section '-- migrate:"
                  + name
                  + dialect.map(d -> " " + d.id()).orElse("")
                  + "' (already started at line "
                  + existing.line()
                  + "); merge the two into one");
        }
      }
      return new SectionStart(direction, dialect, irreversible, lineNo);
    }

    private void close(SectionStart open, StringBuilder body) {
      String sql = body.toString();
      if (open.irreversible && hasNonComment(sql)) {
        throw error(
            open.line,
            "'-- migrate:down irreversible' section contains SQL; remove the SQL or the word"
                + " 'irreversible'");
      }
      sections.add(new SqlSection(open.direction, open.dialect, open.irreversible, sql, open.line));
    }

    private static boolean hasNonComment(String sql) {
      return Arrays.stream(sql.split("\n"))
          .map(String::strip)
          .anyMatch(line -> !line.isEmpty() && !line.startsWith("--"));
    }

    private static boolean isDialect(String word) {
      return Arrays.stream(DatabaseKind.values()).anyMatch(kind -> kind.id().equals(word));
    }

    private List<String> nonEmpty(List<String> words, String name, String what, int lineNo) {
      if (words.isEmpty()) {
        throw error(
            lineNo,
            "'-- migrate:" + name + "' without values; expected " + what + " separated by spaces");
      }
      return words;
    }

    private String checkId(String candidate, int lineNo) {
      if (ILLEGAL_ID_CHARS.matcher(candidate).find()) {
        throw error(
            lineNo,
            "revision id '" + candidate + "' contains one of '@ + - :'; use letters, digits, '_'");
      }
      return candidate;
    }

    private static List<String> words(String argument) {
      String trimmed = argument.strip();
      return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[\\s,]+"));
    }

    private MigrateException error(int lineNo, String message) {
      return MigrateException.badInput(origin + ":" + lineNo + ": " + message);
    }
  }

  private static final class SectionStart {
    final Direction direction;
    final Optional<DatabaseKind> dialect;
    final boolean irreversible;
    final int line;
    boolean hasLines;

    SectionStart(
        Direction direction, Optional<DatabaseKind> dialect, boolean irreversible, int line) {
      this.direction = direction;
      this.dialect = dialect;
      this.irreversible = irreversible;
      this.line = line;
    }
  }
}
