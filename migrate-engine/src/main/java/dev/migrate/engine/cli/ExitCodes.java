package dev.migrate.engine.cli;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.MigrateException;

/**
 * The CLI's exit codes [contract]: 0 success; 1 the command ran and found a problem (a failed
 * migration, drift, a failed check, a lock timeout); 2 bad usage or bad input.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int PROBLEM = 1;
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}

  /** The exit code for an engine error. */
  public static int of(MigrateException e) {
    return e instanceof BadInputException ? BAD_INPUT : PROBLEM;
  }
}
