package dev.migrate.engine.model;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Urls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An empty database of a backend for a SQL models file, gone after {@link #close()}:
 *
 * <ul>
 *   <li>SQLite: an in-memory database (the URL is not used).
 *   <li>PostgreSQL: a schema {@code migrate_models_<random>} in the database of the URL, made the
 *       connection's only {@code search_path} entry, dropped with CASCADE at the end. The user
 *       needs the CREATE privilege on that database.
 *   <li>MySQL/MariaDB: a database {@code migrate_models_<random>} on the server of the URL, made
 *       the connection's current one, dropped at the end. The user needs CREATE and DROP.
 * </ul>
 */
public final class ScratchDatabase implements AutoCloseable {
  private final DatabaseKind kind;
  private final Connection connection;
  private final String name;

  private ScratchDatabase(DatabaseKind kind, Connection connection, String name) {
    this.kind = kind;
    this.connection = connection;
    this.name = name;
  }

  /**
   * @param url the configured database's URL: the scratch database is made on the same server
   * @param user the user, or null when it is part of the URL
   * @param password the password, or null
   */
  public static ScratchDatabase open(DatabaseKind kind, String url, String user, String password) {
    if (kind == DatabaseKind.SQLITE) {
      try {
        return new ScratchDatabase(kind, DriverManager.getConnection("jdbc:sqlite::memory:"), null);
      } catch (SQLException e) {
        throw MigrateException.failed("Cannot open an in-memory SQLite database: " + e, e);
      }
    }
    if (url == null) {
      throw MigrateException.badInput(
          "A SQL models file needs a scratch "
              + kind.id()
              + " database; give the database URL so one can be made next to it");
    }
    String name = "migrate_models_" + HexFormat.of().formatHex(randomBytes());
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      throw MigrateException.failed(
          "Cannot connect to " + Urls.mask(url) + " for a scratch models database: " + e, e);
    }
    try (Statement statement = connection.createStatement()) {
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.execute("CREATE SCHEMA " + name);
        statement.execute("SET search_path TO " + name);
      } else {
        statement.execute("CREATE DATABASE " + name);
        connection.setCatalog(name);
      }
      return new ScratchDatabase(kind, connection, name);
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the creation error below is the one to report
      }
      throw MigrateException.failed(
          "Cannot create the scratch "
              + (kind == DatabaseKind.POSTGRESQL ? "schema " : "database ")
              + name
              + " on "
              + Urls.mask(url)
              + " for the SQL models file: "
              + e.getMessage()
              + "; the user needs the privilege to create and drop it",
          e);
    }
  }

  /** A connection whose current database is the scratch one. */
  public Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try (connection;
        Statement statement = connection.createStatement()) {
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      } else if (kind == DatabaseKind.MYSQL) {
        statement.execute("DROP DATABASE IF EXISTS " + name);
      }
    } catch (SQLException e) {
      throw MigrateException.failed(
          "Cannot drop the scratch models database " + name + ": " + e.getMessage(), e);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
