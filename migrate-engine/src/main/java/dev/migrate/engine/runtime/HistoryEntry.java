package dev.migrate.engine.runtime;

import java.time.Instant;

/**
 * One row of the history table: a revision applied, undone or stamped.
 *
 * @param id increasing row id (the order steps ran in)
 * @param revision the revision id
 * @param action what happened to it
 * @param checksum the revision's checksum for this backend at the time ({@code v1:...}); null for a
 *     stamp that removed the revision
 * @param appliedAt when (database clock, UTC)
 * @param durationMs how long the step took
 * @param success false when the step failed and was rolled back (or left half done on MySQL)
 * @param appliedBy the operating-system user, or the database user
 * @param downChecksum the checksum of its downgrade at the time ({@code v2:...}); null in rows
 *     written before downgrades had their own checksum
 * @param interrupted true when the step began and never finished: the run was killed or lost its
 *     connection in the middle of it (its statements may have half taken effect)
 */
public record HistoryEntry(
    long id,
    String revision,
    Action action,
    String checksum,
    Instant appliedAt,
    long durationMs,
    boolean success,
    String appliedBy,
    String downChecksum,
    boolean interrupted) {

  /** The {@code direction} column of the history table [contract]. */
  public enum Action {
    UPGRADE("upgrade"),
    DOWNGRADE("downgrade"),
    STAMP("stamp");

    private final String word;

    Action(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    static Action fromWord(String word) {
      for (Action a : values()) {
        if (a.word.equals(word)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown history direction '" + word + "'");
    }
  }
}
