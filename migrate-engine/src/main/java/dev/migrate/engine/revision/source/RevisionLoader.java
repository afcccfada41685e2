package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.RevisionScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads every revision of a project: the {@code *.sql} files under a versions directory and the
 * Java revisions of a package, in one list sorted by file name (a SQL file's name, a Java class's
 * simple name + ".java"). That order breaks ties where the graph leaves the order open.
 */
public final class RevisionLoader {
  private RevisionLoader() {}

  /**
   * @param versionsDir directory of SQL revisions, searched recursively (hidden files and
   *     directories skipped); null for none
   * @param javaPackage package of Java revisions, subpackages included; null for none
   * @param classLoader where to find the Java revisions
   */
  public static List<RevisionScript> load(
      Path versionsDir, String javaPackage, ClassLoader classLoader) {
    List<Sourced> all = new ArrayList<>();
    if (versionsDir != null) {
      for (Path file : sqlFiles(versionsDir)) {
        String name = versionsDir.relativize(file).toString().replace('\\', '/');
        all.add(new Sourced(file.getFileName().toString(), SqlRevisionParser.parse(file, name)));
      }
    }
    if (javaPackage != null) {
      for (RevisionScript script : JavaRevisionLoader.load(javaPackage, classLoader)) {
        String className = script.origin();
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        all.add(new Sourced(simpleName.replace('$', '.') + ".java", script));
      }
    }
    all.sort(
        Comparator.comparing(Sourced::fileName)
            .thenComparing(sourced -> sourced.script().origin()));
    return all.stream().map(Sourced::script).toList();
  }

  /** The {@code .sql} files under {@code versionsDir}, hidden ones skipped, sorted by path. */
  public static List<Path> sqlFiles(Path versionsDir) {
    return sqlFiles(
        versionsDir, "Revisions directory", "create it (migrate init) or point --revisions at it");
  }

  /**
   * The same, with {@code what} naming the directory and {@code advice} saying what to do when it
   * is missing.
   */
  static List<Path> sqlFiles(Path versionsDir, String what, String advice) {
    if (!Files.isDirectory(versionsDir)) {
      throw MigrateException.badInput(
          what
              + " "
              + versionsDir
              + (Files.exists(versionsDir) ? " is not a directory" : " does not exist")
              + "; "
              + advice);
    }
    try (Stream<Path> paths = Files.walk(versionsDir)) {
      return paths
          .filter(path -> !hidden(versionsDir.relativize(path)))
          .filter(path -> path.getFileName().toString().endsWith(".sql"))
          .filter(path -> !Files.isDirectory(path))
          .peek(RevisionLoader::requireRegularFile)
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw MigrateException.badInput(
          "Cannot list revisions directory " + versionsDir + ": " + e.getCause());
    } catch (IOException e) {
      throw MigrateException.badInput("Cannot list revisions directory " + versionsDir + ": " + e);
    }
  }

  /** A {@code .sql} entry that is not a readable file is bad input, never silently skipped. */
  private static void requireRegularFile(Path path) {
    if (Files.isRegularFile(path)) {
      return;
    }
    if (Files.isSymbolicLink(path)) {
      String target;
      try {
        target = Files.readSymbolicLink(path).toString();
      } catch (IOException e) {
        target = "?";
      }
      throw MigrateException.badInput(
          "Revision file "
              + path
              + " is a symbolic link to "
              + target
              + ", which does not exist or links back to itself; fix the link or remove it");
    }
    throw MigrateException.badInput(
        "Revision file "
            + path
            + " is not a regular file (a pipe, socket or device); remove it from the revisions"
            + " directory");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private record Sourced(String fileName, RevisionScript script) {}
}
