package dev.migrate.engine;

/**
 * A command ran and failed for a reason that has no more specific type: a database error outside a
 * revision, a connection that could not be opened, a failed check.
 */
public final class MigrateFailedException extends MigrateException {
  MigrateFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
