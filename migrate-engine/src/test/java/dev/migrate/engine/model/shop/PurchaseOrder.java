package dev.migrate.engine.model.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(
    name = "purchase_order",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_order_number",
            columnNames = {"customer_id", "orderNumber"}))
public class PurchaseOrder extends Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false)
  int orderNumber;

  @Enumerated(EnumType.STRING)
  @Column(length = 20, nullable = false)
  OrderStatus status;

  @Enumerated OrderStatus previousStatus;

  @Embedded Money total;

  @Lob byte[] invoicePdf;

  Double weightKg;

  @ManyToOne(optional = false)
  @JoinColumn(foreignKey = @ForeignKey(name = "fk_order_customer"))
  Customer customer;

  @OneToOne
  @JoinColumn(name = "shipment_id", foreignKey = @ForeignKey(name = "fk_order_shipment"))
  Shipment shipment;
}
