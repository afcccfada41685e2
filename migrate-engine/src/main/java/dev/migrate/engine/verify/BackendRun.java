package dev.migrate.engine.verify;

import java.time.Duration;

/**
 * One backend's part of a verification.
 *
 * @param backend the backend id
 * @param skippedBecause why it did not run (no server URL, server unreachable), or null when it ran
 * @param took how long it took
 */
public record BackendRun(String backend, String skippedBecause, Duration took) {
  public boolean ran() {
    return skippedBecause == null;
  }
}
