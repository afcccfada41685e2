package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A plain {@code @GeneratedValue} id: a sequence (product_seq) in Hibernate 6 and 7. */
@Entity
@Table(
    indexes = @Index(name = "ix_product_name", columnList = "name"),
    uniqueConstraints = @UniqueConstraint(name = "uq_product_sku", columnNames = "sku"))
public class Product extends Audited {
  @Id @GeneratedValue Long id;

  @Column(nullable = false, length = 40)
  String sku;

  @Column(nullable = false, length = 200)
  String name;

  @Column(nullable = false, precision = 12, scale = 2)
  BigDecimal price;

  @Enumerated ProductState state;

  @Lob byte[] image;

  LocalTime availableFrom;

  @ManyToMany Set<Category> categories = new HashSet<>();

  @ElementCollection List<String> tags = new ArrayList<>();
}
