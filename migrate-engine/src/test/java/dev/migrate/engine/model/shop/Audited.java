package dev.migrate.engine.model.shop;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

@MappedSuperclass
public abstract class Audited {
  LocalDateTime createdAt;

  @Version long version;
}
