package dev.migrate.engine.revision;

import java.util.List;

/**
 * One revision to run in one direction, with what it does to the version table.
 *
 * @param revision the revision whose upgrade or downgrade runs
 * @param direction upgrade or downgrade
 * @param from for an upgrade the revision's parents (empty for a base); for a downgrade the
 *     revision itself
 * @param to for an upgrade the revision itself; for a downgrade its parents (empty for a base)
 * @param versionChanges the version-table rows to insert, delete or update after the step
 */
public record MigrationStep(
    RevisionScript revision,
    Direction direction,
    List<String> from,
    List<String> to,
    List<VersionChange> versionChanges) {

  public MigrationStep {
    from = List.copyOf(from);
    to = List.copyOf(to);
    versionChanges = List.copyOf(versionChanges);
  }

  /**
   * The line the CLI prints for this step, e.g. {@code Running upgrade a -> b, Add table} or {@code
   * Running upgrade -> a, First} for a base (as Alembic logs it).
   */
  public String describe() {
    String line =
        "Running "
            + direction.word()
            + " "
            + String.join(", ", from)
            + " -> "
            + String.join(", ", to);
    String message = revision.message();
    return message.isEmpty() ? line : line + ", " + message;
  }
}
