package dev.migrate.engine;

import java.time.Duration;

/** Another migrate run held the database's migration lock for longer than the lock timeout. */
public final class LockTimeoutException extends MigrateException {
  private final Duration timeout;
  private final String lock;

  public LockTimeoutException(Duration timeout, String lock, String where) {
    super(
        "Timed out after "
            + timeout.toMillis() / 1000.0
            + " s waiting for the migration lock on "
            + where
            + " ("
            + lock
            + "): another migrate run is applying revisions to this database. Wait for it to"
            + " finish and try again, or raise the lock timeout.",
        null);
    this.timeout = timeout;
    this.lock = lock;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Which lock: an advisory lock key, a {@code GET_LOCK} name or a lock file. */
  public String lock() {
    return lock;
  }
}
