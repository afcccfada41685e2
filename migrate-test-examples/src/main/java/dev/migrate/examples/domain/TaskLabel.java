package dev.migrate.examples.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A label on a task (once a {@code task_tag} row keyed by task and tag). */
@Entity
@Table(
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_task_label",
            columnNames = {"task_id", "name"}))
public class TaskLabel {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "task_id", foreignKey = @ForeignKey(name = "fk_label_task"))
  Task task;

  @Column(nullable = false, length = 40)
  String name;
}
