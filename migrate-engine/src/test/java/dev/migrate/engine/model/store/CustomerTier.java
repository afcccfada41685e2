package dev.migrate.engine.model.store;

public enum CustomerTier {
  STANDARD,
  SILVER,
  GOLD
}
