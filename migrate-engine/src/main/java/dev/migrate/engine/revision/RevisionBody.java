package dev.migrate.engine.revision;

import dev.migrate.engine.dialect.DatabaseKind;

/** What a revision does: SQL sections of a file, or the operations a Java migration records. */
@FunctionalInterface
public interface RevisionBody {
  RevisionBody EMPTY = (direction, database) -> MigrationPlan.EMPTY;

  /** The work of one direction on one database. Java revisions are instantiated afresh. */
  MigrationPlan plan(Direction direction, DatabaseKind database);

  /**
   * How {@code v1} checksums (history rows of earlier releases) hashed an irreversible direction's
   * {@code reason}: the wording of those releases, kept so that those rows still compare.
   */
  default String v1Declaration(Direction direction, DatabaseKind database, String reason) {
    return reason;
  }
}
