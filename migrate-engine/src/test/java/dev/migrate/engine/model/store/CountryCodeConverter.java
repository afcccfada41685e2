package dev.migrate.engine.model.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class CountryCodeConverter implements AttributeConverter<CountryCode, String> {
  @Override
  public String convertToDatabaseColumn(CountryCode code) {
    return code == null ? null : code.letters();
  }

  @Override
  public CountryCode convertToEntityAttribute(String letters) {
    return letters == null ? null : new CountryCode(letters);
  }
}
