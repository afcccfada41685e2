package dev.migrate.engine.model.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Customer extends Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 120)
  String fullName;

  @Column(nullable = false, unique = true)
  String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  CustomerTier tier;

  @Embedded Address billingAddress;

  @Lob String notes;

  boolean active;

  /** Hibernate's snake case puts an underscore after the digit: ean13_code. */
  @Column(length = 13)
  String ean13Code;

  @ElementCollection
  @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
  @Column(name = "phone_number", length = 32)
  Set<String> phoneNumbers = new HashSet<>();
}
