package dev.migrate.engine.revision.source;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.Direction;
import java.util.Optional;

/**
 * One {@code -- migrate:up} or {@code -- migrate:down} section of a SQL revision file.
 *
 * @param direction up or down
 * @param dialect the database it is written for; empty for the default section
 * @param irreversible {@code -- migrate:down irreversible}
 * @param sql the text between this section's line and the next section (or the end of the file)
 * @param line the line number of the section's {@code -- migrate:} line; 0 when the section is a
 *     whole file
 * @param file the file the section was read from, for messages; null when it is the revision's own
 *     file (a Flyway undo file is another)
 */
public record SqlSection(
    Direction direction,
    Optional<DatabaseKind> dialect,
    boolean irreversible,
    String sql,
    int line,
    String file) {

  public SqlSection(
      Direction direction,
      Optional<DatabaseKind> dialect,
      boolean irreversible,
      String sql,
      int line) {
    this(direction, dialect, irreversible, sql, line, null);
  }

  /** How the file names this section, e.g. {@code -- migrate:up postgresql}. */
  public String describe() {
    return "-- migrate:"
        + (direction == Direction.UPGRADE ? "up" : "down")
        + dialect.map(d -> " " + d.id()).orElse("")
        + (irreversible ? " irreversible" : "");
  }
}
