package dev.migrate.engine.model.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public class Money {
  @Column(precision = 12, scale = 2, nullable = false)
  BigDecimal amount;

  @Column(length = 3, nullable = false)
  String currency;
}
