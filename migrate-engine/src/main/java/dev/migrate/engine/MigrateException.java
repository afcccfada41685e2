package dev.migrate.engine;

/**
 * Base of every error the engine reports. The message is written for people: it names the file,
 * revision or option at fault and says what to do. The subclass says what kind of error it is, and
 * carries its facts as fields, so a caller never parses the message:
 *
 * <ul>
 *   <li>{@link BadInputException}: bad usage or bad input (unknown revision, cycle, malformed file,
 *       bad option);
 *   <li>{@link RevisionFailedException}: a revision's statements failed on the database;
 *   <li>{@link IrreversibleRevisionException}: a step asked for a direction declared irreversible;
 *   <li>{@link ChecksumMismatchException}: applied revisions were edited after they were applied;
 *   <li>{@link LockTimeoutException}: another run held the migration lock too long;
 *   <li>{@link MigrateFailedException}: any other failure of a command that ran (a database error,
 *       a failed check).
 * </ul>
 *
 * The CLI maps these types to its exit codes [contract] ({@code dev.migrate.engine.cli.ExitCodes}).
 */
public abstract sealed class MigrateException extends RuntimeException
    permits BadInputException,
        MigrateFailedException,
        RevisionFailedException,
        IrreversibleRevisionException,
        ChecksumMismatchException,
        LockTimeoutException {

  protected MigrateException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The CLI's exit code for this error: 2 for bad input, 1 otherwise. The mapping lives in the CLI;
   * this delegates to it for callers that mimic the CLI.
   */
  public int exitCode() {
    return dev.migrate.engine.cli.ExitCodes.of(this);
  }

  /** Bad usage or bad input: unknown revision, cycle, malformed file, bad option. */
  public static BadInputException badInput(String message) {
    return new BadInputException(message, null);
  }

  /** Bad input found through {@code cause} (a class that threw, a file that cannot be read). */
  public static BadInputException badInput(String message, Throwable cause) {
    return new BadInputException(message, cause);
  }

  /** The command ran and found a problem: a database error, drift, a failed check. */
  public static MigrateFailedException failed(String message, Throwable cause) {
    return new MigrateFailedException(message, cause);
  }
}
