package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Category {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_ids")
  @SequenceGenerator(name = "category_ids", sequenceName = "category_seq", allocationSize = 10)
  Long id;

  @Column(nullable = false, unique = true, length = 60)
  String name;

  @ManyToMany(mappedBy = "categories")
  Set<Product> products = new HashSet<>();
}
