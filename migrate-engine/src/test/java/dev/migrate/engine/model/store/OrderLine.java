package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** With Hibernate's own annotations: a check, and a foreign key that cascades deletes. */
@Entity
@Check(constraints = "quantity > 0")
public class OrderLine {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  @OnDelete(action = OnDeleteAction.CASCADE)
  PurchaseOrder order;

  @ManyToOne(optional = false)
  Product product;

  int quantity;

  @Column(nullable = false, precision = 12, scale = 2)
  BigDecimal unitPrice;
}
