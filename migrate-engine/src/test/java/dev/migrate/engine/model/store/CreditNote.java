package dev.migrate.engine.model.store;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

@Entity
public class CreditNote extends Document {
  @ManyToOne Invoice invoice;

  String reason;
}
