package dev.migrate.examples.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;

/** A person who owns tasks; signs in with an email, stored in lower case. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uq_account_email", columnNames = "email"))
public class Account {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 320)
  String email;

  @Column(nullable = false, length = 100)
  String displayName;

  /** Set by the database; the one default the entities keep. */
  @Column(
      columnDefinition = "TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL",
      insertable = false,
      updatable = false)
  LocalDateTime createdAt;
}
