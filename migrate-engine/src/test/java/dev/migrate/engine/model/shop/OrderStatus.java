package dev.migrate.engine.model.shop;

public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED
}
