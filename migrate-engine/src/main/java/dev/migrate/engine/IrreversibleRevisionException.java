package dev.migrate.engine;

import dev.migrate.engine.revision.Direction;

/**
 * A step asked for a direction of a revision that is declared irreversible (a SQL file without a
 * down section, {@code -- migrate:down irreversible}, {@code @Irreversible}, {@code
 * op.irreversible(...)}). It is raised before anything runs.
 */
public final class IrreversibleRevisionException extends MigrateException {
  private final String revision;
  private final String origin;
  private final Direction direction;
  private final String reason;

  public IrreversibleRevisionException(
      String revision, String origin, Direction direction, String reason) {
    super(
        "Revision "
            + revision
            + " ("
            + origin
            + ") cannot be "
            + (direction == Direction.UPGRADE ? "upgraded" : "downgraded")
            + " ("
            + reason
            + "). Nothing was run.",
        null);
    this.revision = revision;
    this.origin = origin;
    this.direction = direction;
    this.reason = reason;
  }

  public String revision() {
    return revision;
  }

  /** The revision's file or class. */
  public String origin() {
    return origin;
  }

  public Direction direction() {
    return direction;
  }

  /**
   * How it was declared irreversible, e.g. {@code declared irreversible: 0004_x.sql has no '--
   * migrate:down' section} or {@code declared irreversible (V0004_X): <the reason given>}.
   */
  public String reason() {
    return reason;
  }
}
