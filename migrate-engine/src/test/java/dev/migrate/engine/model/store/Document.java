package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.time.LocalDate;

/** JOINED: invoices and credit notes each have a table keyed by the document's id. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Document {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  Long id;

  @Column(nullable = false, length = 30)
  String number;

  LocalDate issuedOn;
}
