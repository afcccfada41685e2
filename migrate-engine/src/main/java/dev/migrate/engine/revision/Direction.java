package dev.migrate.engine.revision;

public enum Direction {
  UPGRADE,
  DOWNGRADE;

  public String word() {
    return this == UPGRADE ? "upgrade" : "downgrade";
  }
}
