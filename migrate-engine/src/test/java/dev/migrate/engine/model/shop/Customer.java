package dev.migrate.engine.model.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;

@Entity
@Table(indexes = @Index(name = "ix_customer_name", columnList = "lastName, firstName"))
public class Customer extends Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 80)
  String firstName;

  @Column(nullable = false, length = 80)
  String lastName;

  @Column(unique = true, length = 200)
  String email;

  LocalDate birthDate;

  boolean vip;

  @Lob String notes;

  @Transient int age;
}
