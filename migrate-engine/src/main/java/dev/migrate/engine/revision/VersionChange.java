package dev.migrate.engine.revision;

/**
 * One change to the rows of the version table, as the runtime applies it after a step (or a stamp).
 * Every {@link Update} and {@link Delete} is expected to hit exactly one row.
 */
public sealed interface VersionChange {
  /** Add a row for {@code id}. */
  record Insert(String id) implements VersionChange {}

  /** Remove the row {@code id}. */
  record Delete(String id) implements VersionChange {}

  /** Replace the row {@code from} by {@code to}. */
  record Update(String from, String to) implements VersionChange {}
}
