package dev.migrate.engine.model.entities;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** Fields every entity inherits: a timestamp and an optimistic-lock version. */
@MappedSuperclass
public abstract class Auditable {
  Instant createdAt;

  @Version Integer version;
}
