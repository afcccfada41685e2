package dev.migrate.examples.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A comment on a task; the application sets its time. */
@Entity
@Table(indexes = @Index(name = "ix_comment_task", columnList = "task_id"))
public class TaskComment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "task_id", foreignKey = @ForeignKey(name = "fk_comment_task"))
  Task task;

  @Lob
  @Column(nullable = false)
  String body;

  @Column(nullable = false)
  LocalDateTime createdAt;
}
