package dev.migrate.engine.model.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import java.time.LocalDateTime;

@Entity
public class Shipment {
  @Id @GeneratedValue Long id;

  String carrier;

  LocalDateTime shippedAt;

  @OneToOne(mappedBy = "shipment")
  PurchaseOrder order;
}
