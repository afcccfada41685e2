package dev.migrate.engine.model.store;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
public class PurchaseOrder extends Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  UUID id;

  @ManyToOne(optional = false)
  Customer customer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  OrderStatus status;

  LocalDate orderedOn;

  @Embedded
  @AttributeOverride(name = "street", column = @Column(name = "ship_street", length = 120))
  @AttributeOverride(name = "city", column = @Column(name = "ship_city", length = 80))
  @AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code", length = 12))
  @AttributeOverride(name = "country", column = @Column(name = "ship_country", length = 2))
  Address shipTo;

  @OneToMany(mappedBy = "order")
  List<OrderLine> lines = new ArrayList<>();
}
