package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;

/** Audit fields every entity carries. */
@MappedSuperclass
public abstract class Audited {
  @Column(nullable = false, updatable = false)
  Instant createdAt;

  LocalDateTime updatedAt;

  @Column(length = 80)
  String createdBy;

  @Version long version;
}
