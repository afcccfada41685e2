package dev.migrate.engine.ops;

/** The kinds of table constraint; dropping one is spelled differently per kind on MySQL. */
public enum ConstraintKind {
  PRIMARY_KEY,
  UNIQUE,
  FOREIGN_KEY,
  CHECK
}
