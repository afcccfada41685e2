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
  private final List<SqlSection> sections;
  private final Revision.Transactional transactional;
  private final Map<String, String> verifySkips;

  public SqlRevisionBody(
      String origin, List<SqlSection> sections, Revision.Transactional transactional) {
    this(origin, sections, transactional, Map.of());
  }

  /**
   * @param verifySkips checks verification skips for this revision ({@code -- migrate:verify skip
   *     data_loss: reason}): check id to reason
   */
  public SqlRevisionBody(
      String origin,
      List<SqlSection> sections,
      Revision.Transactional transactional,
      Map<String, String> verifySkips) {
    this.origin = origin;
    this.sections = List.copyOf(sections);
    this.transactional = transactional;
    this.verifySkips = Map.copyOf(verifySkips);
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
        return irreversible(
            "declared irreversible in " + origin + " (no '-- migrate:down' section)");
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
      return irreversible(
          "declared irreversible in "
              + origin
              + " ('"
              + section.describe()
              + "' at line "
              + section.line()
              + ")");
    }
    List<Operation> operations =
        SqlSplitter.split(section.sql(), database, origin, section.line() + 1).stream()
            .<Operation>map(Operation.Execute::new)
            .toList();
    return new MigrationPlan(operations, Optional.empty(), transactional);
  }

  private MigrationPlan irreversible(String reason) {
    return new MigrationPlan(List.of(), Optional.of(reason), transactional);
  }

  @Override
  public String toString() {
    return "SQL revision " + origin;
  }
}
