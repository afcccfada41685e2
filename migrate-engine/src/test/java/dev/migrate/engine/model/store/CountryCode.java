package dev.migrate.engine.model.store;

/** An ISO 3166 alpha-2 code, stored as its two letters by {@link CountryCodeConverter}. */
public record CountryCode(String letters) {}
