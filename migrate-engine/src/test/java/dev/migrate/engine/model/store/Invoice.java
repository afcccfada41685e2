package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class Invoice extends Document {
  @ManyToOne PurchaseOrder order;

  @Column(precision = 12, scale = 2)
  BigDecimal total;
}
