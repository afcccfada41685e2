package dev.migrate.engine.model.store;

/** Stored by ordinal (JPA's default). */
public enum ProductState {
  DRAFT,
  LISTED,
  RETIRED
}
