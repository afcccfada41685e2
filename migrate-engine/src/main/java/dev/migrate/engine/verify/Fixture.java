package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.source.SqlSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Data a revision needs to be exercised: SQL run on the walked database before the revision's up
 * ({@code <revision>.before.sql}) or right after it ({@code <revision>.at.sql}), as
 * pytest-alembic's {@code before_revision_data} and {@code at_revision_data}. The rows stay: the
 * data round trip of that revision and of the ones after it checks them too.
 *
 * @param revision the revision id
 * @param when before the revision's up, or at the revision (after its up)
 * @param file where it came from, for messages
 * @param sql the SQL text, split per backend when run
 */
public record Fixture(String revision, When when, Path file, String sql) {
  private static final Pattern NAME =
      Pattern.compile("^([0-9A-Za-z_]+)\\.(before|at)\\.sql$", Pattern.CASE_INSENSITIVE);

  public enum When {
    BEFORE,
    AT
  }

  /** The statements for {@code kind}. */
  public List<String> statements(DatabaseKind kind) {
    return SqlSplitter.split(sql, kind, file.toString(), 1);
  }

  /**
   * Every {@code <revision>.before.sql} and {@code <revision>.at.sql} of {@code dir}; another file
   * there is bad input naming it.
   */
  public static List<Fixture> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw MigrateException.badInput(
          "Fixtures directory " + dir + " does not exist; create it or fix verify.fixtures");
    }
    List<Fixture> fixtures = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || Files.isDirectory(file)) {
          continue;
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
          throw MigrateException.badInput(
              "Fixture file "
                  + file
                  + " is not named <revision>.before.sql or <revision>.at.sql; rename it");
        }
        fixtures.add(
            new Fixture(
                m.group(1),
                When.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                file,
                Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw MigrateException.badInput("Cannot read fixtures directory " + dir + ": " + e);
    }
    return fixtures;
  }
}
