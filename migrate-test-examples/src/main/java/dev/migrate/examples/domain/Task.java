package dev.migrate.examples.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A card on the board. */
@Entity
@Table(
    indexes = {
      @Index(name = "ix_task_owner", columnList = "owner_id"),
      @Index(name = "ix_task_status_due", columnList = "status_id, due_date"),
      @Index(name = "ix_task_board", columnList = "board_id"),
      @Index(name = "ix_task_board_order", columnList = "board_id, sort_order")
    })
public class Task {
  @Id Integer id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "owner_id", foreignKey = @ForeignKey(name = "fk_task_owner"))
  Account owner;

  @Column(nullable = false, length = 300)
  String title;

  @ManyToOne(optional = false)
  @JoinColumn(name = "status_id", foreignKey = @ForeignKey(name = "fk_task_status"))
  TaskStatus status;

  LocalDate dueDate;

  @ManyToOne
  @JoinColumn(name = "board_id", foreignKey = @ForeignKey(name = "fk_task_board"))
  Board board;

  @Column(columnDefinition = "INTEGER DEFAULT 0 NOT NULL")
  int sortOrder;
}
