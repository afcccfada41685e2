package dev.migrate.engine;

/**
 * Base of every error the engine reports to a user. The message is written for people: it names the
 * file, revision or option at fault and says what to do. {@link #exitCode()} is the CLI's exit code
 * for it [contract]: 2 for bad usage or bad input, 1 when a command ran and found a problem.
 */
public class MigrateException extends RuntimeException {
  private final int exitCode;

  public MigrateException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public MigrateException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** Bad usage or bad input: unknown revision, cycle, malformed file, bad option. Exit code 2. */
  public static MigrateException badInput(String message) {
    return new MigrateException(message, 2);
  }

  /** The command ran and found a problem: a failed migration, drift, a failed check. Exit 1. */
  public static MigrateException failed(String message, Throwable cause) {
    return new MigrateException(message, 1, cause);
  }
}
