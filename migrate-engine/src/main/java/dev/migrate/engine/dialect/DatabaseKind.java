package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import java.util.Locale;

/** The database backends migrate supports. {@link #id()} is the name used in files and options. */
public enum DatabaseKind {
  POSTGRESQL("postgresql"),
  MYSQL("mysql"),
  SQLITE("sqlite");

  private final String id;

  DatabaseKind(String id) {
    this.id = id;
  }

  /** Lower-case name as written in SQL revision sections and options: postgresql, mysql, sqlite. */
  public String id() {
    return id;
  }

  public static DatabaseKind fromId(String id) {
    for (DatabaseKind kind : values()) {
      if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw MigrateException.badInput(
        "Unknown database '" + id + "'; expected one of postgresql, mysql, sqlite");
  }

  /** The backend a JDBC URL points at; MariaDB URLs count as MySQL. */
  public static DatabaseKind fromJdbcUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
      return MYSQL;
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    throw MigrateException.badInput(
        "Unsupported JDBC URL '"
            + Urls.mask(url)
            + "'; expected jdbc:postgresql:, jdbc:mysql: or jdbc:sqlite:");
  }
}
