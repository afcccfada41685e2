package dev.migrate.engine.runtime;

/**
 * An applied revision whose definition changed after it was applied.
 *
 * @param revision the revision id
 * @param origin its file or class
 * @param stored the checksum recorded when it was applied (or stamped)
 * @param current the checksum of its definition now
 */
public record ChecksumMismatch(String revision, String origin, String stored, String current) {

  /** One line for people, e.g. for {@code migrate check}. */
  public String describe() {
    return "Revision "
        + revision
        + " ("
        + origin
        + ") was changed after it was applied: checksum "
        + stored
        + " when applied, "
        + current
        + " now";
  }
}
