package dev.migrate.engine.model.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
  String street;

  @Column(name = "postCode", length = 10, nullable = false)
  String postCode;

  int floor;
}
