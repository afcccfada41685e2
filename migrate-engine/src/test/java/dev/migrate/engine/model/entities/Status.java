package dev.migrate.engine.model.entities;

public enum Status {
  OPEN,
  DONE
}
