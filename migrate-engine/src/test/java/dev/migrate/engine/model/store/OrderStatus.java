package dev.migrate.engine.model.store;

public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
