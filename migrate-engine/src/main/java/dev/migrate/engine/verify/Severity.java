package dev.migrate.engine.verify;

/** How much a finding matters: an error fails {@code migrate verify}, a warning does not. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** Lower-case, as in JSON and reports. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
