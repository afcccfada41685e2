package dev.migrate.engine.runtime;

/**
 * An applied revision whose definition changed after it was applied.
 *
 * @param revision the revision id
 * @param origin its file or class
 * @param stored the checksum recorded when it was applied (or stamped)
 * @param current the checksum of its definition now
 * @param part which part changed: its upgrade (stops upgrades and downgrades) or only its downgrade
 *     (a warning)
 */
public record ChecksumMismatch(
    String revision, String origin, String stored, String current, Part part) {

  /** What changed. */
  public enum Part {
    /** Its upgrade (or, for rows of the old single-checksum format, the revision as a whole). */
    UPGRADE,
    /** Only its downgrade: the usual fix of a down that verification found wrong. */
    DOWNGRADE
  }

  /** A change to the revision's upgrade. */
  public ChecksumMismatch(String revision, String origin, String stored, String current) {
    this(revision, origin, stored, current, Part.UPGRADE);
  }

  /** Whether only the downgrade changed, which is reported but stops nothing. */
  public boolean isWarning() {
    return part == Part.DOWNGRADE;
  }

  /** One line for people, e.g. for {@code migrate check}. */
  public String describe() {
    return "Revision "
        + revision
        + " ("
        + origin
        + ")"
        + (part == Part.DOWNGRADE ? ": its downgrade" : "")
        + " was changed after it was applied: checksum "
        + stored
        + " when applied, "
        + current
        + " now";
  }
}
