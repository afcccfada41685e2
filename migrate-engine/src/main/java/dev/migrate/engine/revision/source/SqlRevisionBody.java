package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionBody;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of a SQL revision file. For a database, the section qualified with its name wins
 * over the unqualified one. A down direction with no section, or an {@code irreversible} one, is
 * declared irreversible. Statements are split when planned, with that database's rules.
 */
public final class SqlRevisionBody implements RevisionBody {
  private final String origin;
  private final String name;
  private final List<SqlSection> sections;
  private final Revision.Transactional transactional;
  private final Map<String, String> verifySkips;
  private final MissingDown missingDown;

  /**
   * What a revision without a down section for a database means, in the words of the files it came
   * from.
   *
   * @param declared true when that declares it irreversible (verification reports it as info),
   *     false when a downgrade was forgotten ({@code IRREVERSIBLE})
   * @param reason why running the downgrade is refused
   * @param advice how to give it a downgrade, for the {@code IRREVERSIBLE} finding
   */
  public record MissingDown(boolean declared, String reason, String advice) {
    /**
     * A migrate revision file, {@code name} its path under the revisions directory: no {@code --
     * migrate:down} section declares nothing.
     */
    public static MissingDown ofRevisionFile(String name) {
      return new MissingDown(
          false,
          "declared irreversible: " + name + " has no '-- migrate:down' section",
          name
              + " has no '-- migrate:down' section; add one, or write '-- migrate:down"
              + " irreversible' if it cannot be undone");
    }
  }

  public SqlRevisionBody(
      String origin, List<SqlSection> sections, Revision.Transactional transactional) {
    this(origin, fileName(origin), sections, transactional, Map.of());
  }

  /**
   * @param origin the file as given, for error messages on this machine
   * @param name the file relative to the revisions directory, for reasons that reports carry to
   *     other machines
   * @param verifySkips checks verification skips for this revision ({@code -- migrate:verify skip
   *     data_loss: reason}): check id to reason
   */
  public SqlRevisionBody(
      String origin,
      String name,
      List<SqlSection> sections,
      Revision.Transactional transactional,
      Map<String, String> verifySkips) {
    this(origin, name, sections, transactional, verifySkips, MissingDown.ofRevisionFile(name));
  }

  /** A body whose missing down sections mean what {@code missingDown} says. */
  public SqlRevisionBody(
      String origin,
      String name,
      List<SqlSection> sections,
      Revision.Transactional transactional,
      Map<String, String> verifySkips,
      MissingDown missingDown) {
    this.origin = origin;
    this.name = name;
    this.sections = List.copyOf(sections);
    this.transactional = transactional;
    this.verifySkips = Map.copyOf(verifySkips);
    this.missingDown = missingDown;
  }

  /** What the lack of a down section for a database means for this revision. */
  public MissingDown missingDown() {
    return missingDown;
  }

  /** The file relative to the revisions directory, e.g. {@code 0004_drop_notes.sql}. */
  public String name() {
    return name;
  }

  static String fileName(String origin) {
    int slash = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
    return origin.substring(slash + 1);
  }

  /** The checks verification skips for this revision, check id to reason. */
  public Map<String, String> verifySkips() {
    return verifySkips;
  }

  public List<SqlSection> sections() {
    return sections;
  }

  public Revision.Transactional transactional() {
    return transactional;
  }

  /** The section used for {@code direction} on {@code database}, if any. */
  public Optional<SqlSection> section(Direction direction, DatabaseKind database) {
    Optional<SqlSection> fallback = Optional.empty();
    for (SqlSection section : sections) {
      if (section.direction() != direction) {
        continue;
      }
      if (section.dialect().equals(Optional.of(database))) {
        return Optional.of(section);
      }
      if (section.dialect().isEmpty()) {
        fallback = Optional.of(section);
      }
    }
    return fallback;
  }

  @Override
  public MigrationPlan plan(Direction direction, DatabaseKind database) {
    Optional<SqlSection> chosen = section(direction, database);
    if (chosen.isEmpty()) {
      if (direction == Direction.DOWNGRADE) {
        return irreversible(missingDown.reason());
      }
      if (sections.stream().anyMatch(s -> s.direction() == Direction.UPGRADE)) {
        throw MigrateException.badInput(
            origin
                + ": no '-- migrate:up' section for "
                + database.id()
                + "; add '-- migrate:up "
                + database.id()
                + "' or an unqualified '-- migrate:up' section");
      }
      return new MigrationPlan(List.of(), Optional.empty(), transactional);
    }
    SqlSection section = chosen.get();
    if (section.irreversible()) {
      return irreversible("declared irreversible: " + name + " says '" + section.describe() + "'");
    }
    List<Operation> operations =
        SqlSplitter.split(
                section.sql(),
                database,
                section.file() == null ? origin : section.file(),
                section.line() + 1)
            .stream()
            .<Operation>map(Operation.Execute::new)
            .toList();
    return new MigrationPlan(operations, Optional.empty(), transactional);
  }

  /**
   * The declaration as {@code v1} checksums hashed it, which named the file as given: {@code
   * declared irreversible in /path/a.sql (no '-- migrate:down' section)}.
   */
  @Override
  public String v1Declaration(Direction direction, DatabaseKind database, String reason) {
    Optional<SqlSection> chosen = section(direction, database);
    if (chosen.isEmpty()) {
      return "declared irreversible in " + origin + " (no '-- migrate:down' section)";
    }
    return "declared irreversible in "
        + origin
        + " ('"
        + chosen.get().describe()
        + "' at line "
        + chosen.get().line()
        + ")";
  }

  private MigrationPlan irreversible(String reason) {
    return new MigrationPlan(List.of(), Optional.of(reason), transactional);
  }

  @Override
  public String toString() {
    return "SQL revision " + origin;
  }
}
