package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a command that takes the migration lock waits for another run to release it. */
final class LockTimeoutOption {
  @Option(
      names = "--lock-timeout",
      paramLabel = "SECONDS",
      description =
          "Wait at most this many seconds for another run's migration lock on the database"
              + " (default: 600).")
  Long seconds;

  /** The timeout given, or null for the engine's default. */
  Duration timeout() {
    if (seconds == null) {
      return null;
    }
    if (seconds < 0) {
      throw MigrateException.badInput(
          "--lock-timeout " + seconds + " is negative; give a number of seconds, 0 or more");
    }
    return Duration.ofSeconds(seconds);
  }
}
