package dev.migrate.engine.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
  @Column(length = 120)
  String street;

  @Column(length = 80)
  String city;

  @Column(length = 12)
  String postalCode;

  @Column(length = 2)
  @Convert(converter = CountryCodeConverter.class)
  CountryCode country;
}
