package dev.migrate.engine.revision;

import java.util.UUID;

/** Fresh revision ids: the last 12 hex digits of a random UUID, as Alembic makes them. */
public final class RevisionIds {
  /** The longest id the version table holds: the width of {@code version_num}. */
  public static final int MAX_LENGTH = 32;

  private RevisionIds() {}

  public static String generate() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    return hex.substring(hex.length() - 12);
  }
}
