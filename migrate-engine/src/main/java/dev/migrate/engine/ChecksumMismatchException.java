package dev.migrate.engine;

import dev.migrate.engine.runtime.ChecksumMismatch;
import java.util.List;

/**
 * Applied revisions whose up statements changed after they were applied; the run stopped before
 * running anything. Accept intended edits with {@code migrate stamp --accept-checksums} ({@code
 * Migrator.acceptChecksums}).
 */
public final class ChecksumMismatchException extends MigrateException {
  private final List<ChecksumMismatch> mismatches;

  public ChecksumMismatchException(String message, List<ChecksumMismatch> mismatches) {
    super(message, null);
    this.mismatches = List.copyOf(mismatches);
  }

  public List<ChecksumMismatch> mismatches() {
    return mismatches;
  }
}
