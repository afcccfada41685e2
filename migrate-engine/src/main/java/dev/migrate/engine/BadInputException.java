package dev.migrate.engine;

/**
 * Bad usage or bad input: an unknown revision, a cycle, a malformed revision file, a bad option or
 * setting. Nothing was changed in any database because of it.
 */
public final class BadInputException extends MigrateException {
  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
