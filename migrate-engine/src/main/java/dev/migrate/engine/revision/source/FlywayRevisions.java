package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionIds;
import dev.migrate.engine.revision.RevisionScript;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway migrations directory read as it is ({@code revisions=flyway:<dir>}), subdirectories
 * included: each versioned migration {@code V<version>__<description>.sql} is a SQL revision, in
 * Flyway's version order, revising the one before; the undo migration {@code
 * U<version>__<description>.sql} of the same version is its downgrade. Versions are numbers
 * separated by {@code .} or {@code _}, compared part by part as numbers, a missing part counting as
 * 0 ({@code 1.0} is {@code 1}). The revision id is {@code V} and the version as written with {@code
 * _} for {@code .} ({@code V1_1}); the message is the description with spaces for underscores.
 *
 * <p>Files are plain SQL, split like any SQL revision. Flyway placeholders ({@code ${name}}) are
 * not substituted. Repeatable migrations ({@code R__*.sql}) and callbacks are not run. Both are
 * told in {@link Loaded#notices()}. Nothing is ever written into the directory or to Flyway's
 * history table.
 */
public final class FlywayRevisions {
  /** How a {@code revisions} value names a Flyway directory: {@code flyway:db/migration}. */
  public static final String PREFIX = "flyway:";

  private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}\\s]*}");
  private static final Pattern CALLBACK = Pattern.compile("(before|after)[A-Z]\\w*\\.sql");

  /** What a version without an undo file means: setting {@code flyway.missing_undo}. */
  public enum MissingUndo {
    /** It forgot its undo: verification reports {@code IRREVERSIBLE} (the default). */
    ERROR,
    /** It is declared irreversible: verification reports it as info. */
    IRREVERSIBLE;

    /** The setting's value: {@code error} or {@code irreversible}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The value of {@code flyway.missing_undo}, {@link #ERROR} when it is not set (null); {@code
     * source} names where it was set.
     */
    public static MissingUndo of(String value, String source) {
      if (value == null) {
        return ERROR;
      }
      for (MissingUndo candidate : values()) {
        if (candidate.id().equalsIgnoreCase(value.strip())) {
          return candidate;
        }
      }
      throw MigrateException.badInput(
          "Unknown value '"
              + value
              + "' in "
              + source
              + "; expected 'error' (a version without an undo file is an IRREVERSIBLE finding) or"
              + " 'irreversible' (such versions are declared irreversible)");
    }
  }

  /**
   * @param scripts the revisions, oldest version first
   * @param notices what is in the directory but not verified, one sentence each
   */
  public record Loaded(List<RevisionScript> scripts, List<String> notices) {
    public Loaded {
      scripts = List.copyOf(scripts);
      notices = List.copyOf(notices);
    }
  }

  private FlywayRevisions() {}

  /** The directory of a {@code flyway:<dir>} value; empty for any other value. */
  public static Optional<String> directory(String revisions) {
    if (!revisions.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String dir = revisions.substring(PREFIX.length()).strip();
    if (dir.isEmpty()) {
      throw MigrateException.badInput(
          "Revisions '"
              + revisions
              + "' name no directory; write flyway:<dir>, e.g."
              + " flyway:src/main/resources/db/migration");
    }
    return Optional.of(dir);
  }

  /**
   * Reads the migrations under {@code dir}; a malformed name or a repeated version is bad input.
   */
  public static Loaded load(Path dir, MissingUndo missingUndo) {
    Scan scan = scan(dir);
    List<RevisionScript> scripts = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    String parent = null;
    for (Map.Entry<Version, Path> entry : scan.versioned().entrySet()) {
      Version version = entry.getKey();
      Path file = entry.getValue();
      Path undo = scan.undos().get(version);
      List<SqlSection> sections = new ArrayList<>();
      sections.add(section(Direction.UPGRADE, file, notices));
      if (undo != null) {
        sections.add(section(Direction.DOWNGRADE, undo, notices));
      }
      String origin = file.toString();
      // reasons that reports carry name the file under the directory, as on every machine
      String relative = dir.relativize(file).toString().replace('\\', '/');
      String name = file.getFileName().toString();
      String description = name.substring(name.indexOf("__") + 2, name.length() - ".sql".length());
      scripts.add(
          new RevisionScript(
              version.id(),
              parent == null ? List.of() : List.of(parent),
              List.of(),
              List.of(),
              description.replace('_', ' ').strip(),
              origin,
              new SqlRevisionBody(
                  origin,
                  relative,
                  sections,
                  Revision.Transactional.AUTO,
                  Map.of(),
                  missingDown(version, relative, missingUndo))));
      parent = version.id();
    }
    if (!scan.repeatables().isEmpty()) {
      notices.add(
          "Flyway repeatable migrations are not run or verified (migrate runs versioned"
              + " migrations and their undo migrations only): "
              + String.join(", ", scan.repeatables()));
    }
    if (!scan.skipped().isEmpty()) {
      notices.add(
          "not Flyway migrations (V<version>__<description>.sql), not run: "
              + String.join(", ", scan.skipped()));
    }
    return new Loaded(scripts, notices);
  }

  /**
   * The files of a directory by kind: versioned and undo migrations by version, repeatable ones,
   * and the others with what they are.
   */
  private record Scan(
      Map<Version, Path> versioned,
      Map<Version, Path> undos,
      List<String> repeatables,
      List<String> skipped) {}

  private static Scan scan(Path dir) {
    Scan scan = new Scan(new TreeMap<>(), new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
    List<Path> files =
        RevisionLoader.sqlFiles(
            dir,
            "Flyway migrations directory",
            "point revisions=flyway:<dir> at the directory of your V<version>__*.sql files");
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith("R__")) {
        scan.repeatables().add(file.toString());
      } else if (name.matches("[VUR][\\d._].*")) {
        if (name.charAt(0) == 'R') {
          throw badName(
              file,
              "a repeatable migration has no version; name it R__<description>.sql, or V"
                  + name.substring(1)
                  + " if it is a versioned one");
        }
        Version version = version(file);
        Path other = (name.charAt(0) == 'V' ? scan.versioned() : scan.undos()).put(version, file);
        if (other != null) {
          throw MigrateException.badInput(
              "Flyway version "
                  + version.display()
                  + " is given twice, by "
                  + other
                  + " and by "
                  + file
                  + " (versions are compared as numbers, 1.0 being 1); give one of them another"
                  + " version");
        }
      } else {
        String what = CALLBACK.matcher(name).matches() ? "a Flyway callback" : "not a migration";
        scan.skipped().add(file + " (" + what + ")");
      }
    }
    for (Map.Entry<Version, Path> undo : scan.undos().entrySet()) {
      if (!scan.versioned().containsKey(undo.getKey())) {
        throw MigrateException.badInput(
            "Flyway undo migration "
                + undo.getValue()
                + " undoes version "
                + undo.getKey().display()
                + ", which has no versioned migration V"
                + undo.getKey().text()
                + "__<description>.sql; add it, or correct the undo file's version");
      }
    }
    return scan;
  }

  private static SqlRevisionBody.MissingDown missingDown(
      Version version, String name, MissingUndo missingUndo) {
    String undo = "U" + version.text() + "__<description>.sql";
    return new SqlRevisionBody.MissingDown(
        missingUndo == MissingUndo.IRREVERSIBLE,
        (missingUndo == MissingUndo.IRREVERSIBLE
                ? "declared irreversible (flyway.missing_undo=irreversible): "
                : "")
            + name
            + " has no undo migration "
            + undo,
        name
            + " has no undo migration "
            + undo
            + "; write one, or set flyway.missing_undo=irreversible to declare the versions"
            + " without one irreversible");
  }

  /** A whole file as one section, its placeholders noted. */
  private static SqlSection section(Direction direction, Path file, List<String> notices) {
    String text = SqlRevisionParser.read(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    Matcher placeholder = PLACEHOLDER.matcher(text);
    if (placeholder.find()) {
      int line =
          1 + (int) text.substring(0, placeholder.start()).chars().filter(c -> c == '\n').count();
      notices.add(
          file
              + ":"
              + line
              + ": the Flyway placeholder "
              + placeholder.group()
              + " is not substituted; migrate runs the file as written");
    }
    return new SqlSection(direction, Optional.empty(), false, text, 0, file.toString());
  }

  private static Version version(Path file) {
    String name = file.getFileName().toString();
    String stem = name.substring(1, name.length() - ".sql".length());
    int separator = stem.indexOf("__");
    if (separator < 0) {
      throw badName(
          file,
          "no '__' (two underscores) between the version and the description; Flyway names a"
              + " versioned migration "
              + name.charAt(0)
              + "<version>__<description>.sql, e.g. "
              + name.charAt(0)
              + "1__init.sql");
    }
    String text = stem.substring(0, separator);
    if (!VERSION.matcher(text).matches()) {
      throw badName(
          file,
          "version '" + text + "' is not numbers separated by '.' or '_' (such as 1, 1.1 or 2_1)");
    }
    Version version =
        new Version(text, Arrays.stream(text.split("[._]")).map(BigInteger::new).toList());
    if (version.id().length() > RevisionIds.MAX_LENGTH) {
      throw badName(
          file,
          "version '"
              + text
              + "' gives the revision id "
              + version.id()
              + ", longer than the "
              + RevisionIds.MAX_LENGTH
              + " characters the version table holds; use a shorter version");
    }
    return version;
  }

  private static MigrateException badName(Path file, String what) {
    return MigrateException.badInput("Flyway migration " + file + ": " + what);
  }

  /**
   * A Flyway version: its text as written ({@code 1_1}) and its numeric parts, compared part by
   * part with a missing part counting as 0.
   */
  private record Version(String text, List<BigInteger> parts) implements Comparable<Version> {
    String id() {
      return "V" + text.replace('.', '_');
    }

    String display() {
      return text.replace('_', '.');
    }

    @Override
    public int compareTo(Version other) {
      for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
        int c = part(i).compareTo(other.part(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    private BigInteger part(int i) {
      return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }
  }
}
