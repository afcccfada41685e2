package dev.migrate.engine.model.entities;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** One field per supported mapping; JpaModelsTest asserts each column. */
@Entity
@Table(
    indexes = {
      @Index(name = "ix_task_item_due", columnList = "dueDate"),
      @Index(name = "ux_task_item_owner_title", columnList = "owner_id, title DESC", unique = true),
      @Index(columnList = "status")
    })
public class TaskItem extends Auditable {
  @Id @GeneratedValue Long id;

  @Column(nullable = false)
  String title;

  @Basic(optional = false)
  String summary;

  LocalDate dueDate;
  LocalTime dueTime;

  @Column(secondPrecision = 3)
  LocalDateTime remindAt;

  OffsetDateTime completedAt;

  @Temporal(TemporalType.DATE)
  Date legacyDay;

  @Column(precision = 10, scale = 3)
  BigDecimal estimate;

  BigDecimal cost;

  @Enumerated(EnumType.STRING)
  Status status;

  @Enumerated(EnumType.ORDINAL)
  Status previousStatus;

  Status defaultStatus;

  @Lob String notes;

  @Lob byte[] attachment;

  byte[] thumbnail;

  UUID externalId;

  @Column(name = "code", unique = true, length = 20)
  String taskCode;

  @Column(columnDefinition = "jsonb")
  String payload;

  int position;
  Integer weight;
  Boolean urgent;
  double score;
  float ratio;
  short rank;
  char grade;

  @ManyToOne(optional = false)
  @JoinColumn(name = "owner_id", foreignKey = @ForeignKey(name = "fk_task_owner"))
  Person owner;

  @ManyToOne Person reviewer;

  @OneToOne
  @JoinColumn(name = "detail_ref")
  TaskDetail detail;

  @OneToMany(mappedBy = "task")
  List<Tag> inverseSide;
}
