package dev.migrate.engine.model.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(
    name = "people",
    uniqueConstraints = @UniqueConstraint(name = "uq_people_email", columnNames = "email"))
public class Person extends Auditable {
  static int instances;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 100)
  String fullName;

  String email;

  @Embedded Address homeAddress;

  boolean active;

  @Transient String displayName;

  transient int cachedHash;
}
