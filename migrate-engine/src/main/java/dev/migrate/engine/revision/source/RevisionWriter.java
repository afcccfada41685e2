package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes new revision files. Never overwrites: an existing file is an error.
 *
 * <ul>
 *   <li>SQL: {@code <versionsDir>/<id>_<slug>.sql}, where the slug is the message's {@code \w+}
 *       words, lower-cased and joined by {@code _}, cut at 40 characters back to the last {@code _}
 *       (which is kept), as Alembic names its files. The message defaults to "empty message".
 *   <li>Java: {@code <sourceRoot>/<package dirs>/V<id>_<Words>.java}, class {@code V<id>_<Words>}
 *       where {@code Words} is the message in UpperCamelCase (ASCII letters and digits, at most 40
 *       characters). The {@code V<id>_} prefix makes a valid class name whatever the id starts
 *       with, and keeps Java revisions ordered by id like the SQL files.
 * </ul>
 */
public final class RevisionWriter {
  public static final String DEFAULT_MESSAGE = "empty message";
  private static final int SLUG_LENGTH = 40;
  private static final Pattern SLUG_WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern CLASS_WORD = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern JAVA_ID_SAFE = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern ILLEGAL_ID_CHARS = Pattern.compile("[@+:\\-\\s]");

  private RevisionWriter() {}

  /** What follows the headers of a SQL revision: the sections, each from its directive line. */
  public record SqlBody(String text) {
    /** The empty sections of a new revision, with hints. */
    public static final SqlBody EMPTY =
        new SqlBody(
            "-- migrate:up\n"
                + "-- Statements end with ';'. Add '-- migrate:up postgresql' (or mysql, sqlite)\n"
                + "-- for a section that only one database runs.\n"
                + "\n"
                + "-- migrate:down\n"
                + "-- Undo the up section here. If it cannot be undone, replace the line above\n"
                + "-- with '-- migrate:down irreversible'.\n");
  }

  /** The hint lines of {@link SqlBody#EMPTY}, for whoever edits the file. */
  private static final List<String> TEMPLATE_HINTS =
      SqlBody.EMPTY.text().lines().filter(line -> !line.startsWith("-- migrate:")).toList();

  /**
   * {@code statement} without the template's hint lines, which the splitter leaves at the start of
   * the first statement below them: for showing and printing it, never for running or hashing it
   * (the checksum of a revision applied with them stays the same).
   */
  public static String withoutTemplateHints(String statement) {
    if (TEMPLATE_HINTS.stream().noneMatch(statement::contains)) {
      return statement;
    }
    return statement
        .lines()
        .filter(line -> !TEMPLATE_HINTS.contains(line.stripTrailing()))
        .collect(Collectors.joining("\n"));
  }

  /** Writes an SQL revision into {@code versionsDir} and returns its path. */
  public static Path writeSql(
      Path versionsDir,
      String id,
      String message,
      List<String> parents,
      List<String> labels,
      List<String> dependsOn) {
    return writeSql(versionsDir, id, message, parents, labels, dependsOn, SqlBody.EMPTY);
  }

  /** Writes an SQL revision with the given sections into {@code versionsDir}. */
  public static Path writeSql(
      Path versionsDir,
      String id,
      String message,
      List<String> parents,
      List<String> labels,
      List<String> dependsOn,
      SqlBody body) {
    checkId(id);
    if (!Files.isDirectory(versionsDir)) {
      throw MigrateException.badInput(
          "Revisions directory " + versionsDir + " does not exist; create it (migrate init)");
    }
    String text = messageOrDefault(message);
    StringBuilder out = new StringBuilder();
    out.append("-- migrate:revision ").append(id).append('\n');
    if (!parents.isEmpty()) {
      out.append("-- migrate:revises ").append(String.join(" ", parents)).append('\n');
    }
    out.append("-- migrate:message ").append(text).append('\n');
    if (!labels.isEmpty()) {
      out.append("-- migrate:branch-labels ").append(String.join(" ", labels)).append('\n');
    }
    if (!dependsOn.isEmpty()) {
      out.append("-- migrate:depends-on ").append(String.join(" ", dependsOn)).append('\n');
    }
    out.append('\n').append(body.text());
    return create(versionsDir.resolve(id + "_" + slug(text) + ".sql"), out.toString());
  }

  /**
   * The inside of a Java revision: imports besides Ops, Migration and Revision (full lines such as
   * {@code import java.util.List;}), and the statements of upgrade and downgrade, each line
   * indented by four spaces and ending with a line break.
   */
  public record JavaBody(List<String> imports, String upgrade, String downgrade) {
    /** The empty methods of a new revision, with hints. */
    public static final JavaBody EMPTY =
        new JavaBody(
            List.of(),
            "    // op.execute(\"CREATE TABLE ...\");\n",
            "    // Undo upgrade here, or call op.irreversible(\"why\") if it cannot be undone.\n");

    public JavaBody {
      imports = List.copyOf(imports);
    }
  }

  /** Writes a Java revision class under {@code sourceRoot} and returns its path. */
  public static Path writeJava(
      Path sourceRoot,
      String packageName,
      String id,
      String message,
      List<String> parents,
      List<String> labels,
      List<String> dependsOn) {
    return writeJava(
        sourceRoot, packageName, id, message, parents, labels, dependsOn, JavaBody.EMPTY);
  }

  /** Writes a Java revision class with the given body under {@code sourceRoot}. */
  public static Path writeJava(
      Path sourceRoot,
      String packageName,
      String id,
      String message,
      List<String> parents,
      List<String> labels,
      List<String> dependsOn,
      JavaBody body) {
    String source = javaSource(packageName, id, message, parents, labels, dependsOn, body);
    if (!Files.isDirectory(sourceRoot)) {
      throw MigrateException.badInput("Source directory " + sourceRoot + " does not exist");
    }
    Path directory = sourceRoot.resolve(packageName.replace('.', '/'));
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw MigrateException.badInput("Cannot create directory " + directory + ": " + e);
    }
    return create(directory.resolve(className(id, message) + ".java"), source);
  }

  /** The source {@link #writeJava} writes. */
  public static String javaSource(
      String packageName,
      String id,
      String message,
      List<String> parents,
      List<String> labels,
      List<String> dependsOn,
      JavaBody body) {
    checkId(id);
    if (!JAVA_ID_SAFE.matcher(id).matches()) {
      throw MigrateException.badInput(
          "Revision id '" + id + "' cannot be part of a Java class name; use letters and digits");
    }
    String text = messageOrDefault(message);
    String className = className(id, text);
    List<String> attributes = new ArrayList<>();
    attributes.add("id = " + javaLiteral(id));
    if (!parents.isEmpty()) {
      attributes.add("revises = " + array(parents));
    }
    attributes.add("message = " + javaLiteral(text));
    if (!labels.isEmpty()) {
      attributes.add("branchLabels = " + array(labels));
    }
    if (!dependsOn.isEmpty()) {
      attributes.add("dependsOn = " + array(dependsOn));
    }
    List<String> imports = new ArrayList<>(body.imports());
    imports.add("import dev.migrate.engine.ops.Ops;");
    imports.add("import dev.migrate.engine.revision.Migration;");
    imports.add("import dev.migrate.engine.revision.Revision;");
    StringBuilder out = new StringBuilder();
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n\n");
    }
    List<String> statics = imports.stream().filter(i -> i.startsWith("import static ")).toList();
    List<String> plain =
        imports.stream().filter(i -> !i.startsWith("import static ")).sorted().toList();
    statics.stream().sorted().forEach(i -> out.append(i).append('\n'));
    if (!statics.isEmpty()) {
      out.append('\n');
    }
    plain.forEach(i -> out.append(i).append('\n'));
    out.append('\n')
        .append("@Revision(\n    ")
        .append(String.join(",\n    ", attributes))
        .append(")\n")
        .append("public final class ")
        .append(className)
        .append(" implements Migration {\n")
        .append("  @Override\n")
        .append("  public void upgrade(Ops op) {\n")
        .append(body.upgrade())
        .append("  }\n\n")
        .append("  @Override\n")
        .append("  public void downgrade(Ops op) {\n")
        .append(body.downgrade())
        .append("  }\n")
        .append("}\n");
    return out.toString();
  }

  /** Alembic's file slug of a message. */
  public static String slug(String message) {
    List<String> words = new ArrayList<>();
    Matcher matcher = SLUG_WORD.matcher(messageOrDefault(message));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    String slug = String.join("_", words).toLowerCase(Locale.ROOT);
    if (slug.length() > SLUG_LENGTH) {
      String cut = slug.substring(0, SLUG_LENGTH);
      int underscore = cut.lastIndexOf('_');
      slug = underscore < 0 ? cut : cut.substring(0, underscore + 1);
    }
    return slug;
  }

  /** The class name {@link #writeJava} uses: {@code V<id>_<UpperCamelMessage>}. */
  public static String className(String id, String message) {
    List<String> words = new ArrayList<>();
    Matcher matcher = CLASS_WORD.matcher(messageOrDefault(message));
    while (matcher.find()) {
      String word = matcher.group();
      words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
    }
    String camel = String.join("", words);
    if (camel.length() > SLUG_LENGTH) {
      camel = camel.substring(0, SLUG_LENGTH);
    }
    return "V" + id + (camel.isEmpty() ? "" : "_" + camel);
  }

  private static String messageOrDefault(String message) {
    if (message == null || message.isBlank()) {
      return DEFAULT_MESSAGE;
    }
    // A header holds one line.
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static void checkId(String id) {
    if (id == null || id.isBlank() || ILLEGAL_ID_CHARS.matcher(id).find()) {
      throw MigrateException.badInput(
          "Bad revision id '" + id + "'; use letters, digits and '_' (no '@ + - :' or spaces)");
    }
  }

  private static String array(List<String> values) {
    return values.size() == 1
        ? javaLiteral(values.get(0))
        : values.stream()
            .map(RevisionWriter::javaLiteral)
            .collect(Collectors.joining(", ", "{", "}"));
  }

  /** {@code value} as a Java string literal. */
  public static String javaLiteral(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(
                String.format(
                    "\\%03o", (int) c)); // octal: unicode escapes are decoded before lexing
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static Path create(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw MigrateException.badInput(
          file + " already exists; choose another revision id (--rev-id) or message");
    } catch (IOException e) {
      throw MigrateException.badInput("Cannot write " + file + ": " + e);
    }
    return file;
  }
}
