package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One-directional one-to-many both ways: by a join column and by a join table. */
@Entity
public class Warehouse {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Integer id;

  @Column(nullable = false, length = 80)
  String name;

  @OneToMany
  @JoinColumn(name = "warehouse_id")
  List<StockItem> stock = new ArrayList<>();

  @OneToMany Set<Product> featured = new HashSet<>();
}
