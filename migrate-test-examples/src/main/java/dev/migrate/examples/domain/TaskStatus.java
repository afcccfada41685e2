package dev.migrate.examples.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A status a task can be in: {@code open} (1), {@code in_progress} (2), {@code done} (3), ... */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uq_task_status_code", columnNames = "code"))
public class TaskStatus {
  @Id Integer id;

  @Column(nullable = false, length = 20)
  String code;
}
