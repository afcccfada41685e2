package dev.migrate.engine.model.entities;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.List;

/** Mappings the models skip with a warning: a join table and a collection table. */
@Entity
public class Tag {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  Integer id;

  @ManyToOne TaskItem task;

  @ManyToMany List<Person> followers;

  @ElementCollection List<String> aliases;
}
