package dev.migrate.engine.revision;

import java.util.UUID;

/** Fresh revision ids: the last 12 hex digits of a random UUID, as Alembic makes them. */
public final class RevisionIds {
  private RevisionIds() {}

  public static String generate() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    return hex.substring(hex.length() - 12);
  }
}
