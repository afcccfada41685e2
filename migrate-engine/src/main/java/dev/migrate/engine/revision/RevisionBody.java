package dev.migrate.engine.revision;

import dev.migrate.engine.dialect.DatabaseKind;

/** What a revision does: SQL sections of a file, or the operations a Java migration records. */
@FunctionalInterface
public interface RevisionBody {
  RevisionBody EMPTY = (direction, database) -> MigrationPlan.EMPTY;

  /** The work of one direction on one database. Java revisions are instantiated afresh. */
  MigrationPlan plan(Direction direction, DatabaseKind database);
}
