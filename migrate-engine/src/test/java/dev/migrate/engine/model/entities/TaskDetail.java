package dev.migrate.engine.model.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import java.util.UUID;

@Entity(name = "Detail")
public class TaskDetail {
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  UUID id;

  @OneToOne(mappedBy = "detail")
  TaskItem task;

  String body;
}
