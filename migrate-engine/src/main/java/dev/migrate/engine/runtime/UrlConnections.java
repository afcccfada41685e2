package dev.migrate.engine.runtime;

import dev.migrate.engine.dialect.SqliteUrl;
import dev.migrate.engine.dialect.UrlSyntax;
import dev.migrate.engine.dialect.Urls;
import java.lang.ref.Cleaner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Opens connections to a JDBC URL with an optional user and password. A connection error's message
 * has the URL masked and the passwords hidden, since drivers quote the URL they were given. A
 * missing driver is bad input naming the URL.
 *
 * <p>An in-memory SQLite database ({@code jdbc:sqlite::memory:}) lasts only as long as a connection
 * to it, so every connection of one source goes to the same named shared-cache database, and one
 * extra connection keeps it alive until the source is no longer reachable (for a {@link Migrator},
 * as long as the Migrator).
 */
final class UrlConnections implements ConnectionSource {
  private final String url;
  private final String connectUrl;
  private final Properties properties;
  private final List<String> passwords;
  private final KeptConnection kept;

  private UrlConnections(String url, String user, String password) {
    this.url = url;
    this.properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    this.passwords = Arrays.asList(password);
    if (SqliteUrl.isInMemory(url)) {
      this.connectUrl =
          "jdbc:sqlite:file:migrate-memory-" + UUID.randomUUID() + "?mode=memory&cache=shared";
      this.kept = new KeptConnection();
      MemoryCleaner.CLEANER.register(this, kept);
    } else {
      this.connectUrl = url;
      this.kept = null;
    }
  }

  static ConnectionSource of(String url, String user, String password) {
    return new UrlConnections(url, user, password);
  }

  @Override
  public Connection open() throws SQLException {
    UrlSyntax.requireDriver(url);
    try {
      if (kept != null) {
        kept.keep(() -> DriverManager.getConnection(connectUrl, properties));
      }
      return DriverManager.getConnection(connectUrl, properties);
    } catch (SQLException e) {
      SQLException hidden =
          new SQLException(
              Urls.hide(e.getMessage(), url, passwords),
              e.getSQLState(),
              e.getErrorCode(),
              e.getCause());
      hidden.setStackTrace(e.getStackTrace());
      throw hidden;
    }
  }

  /** Created on first use, so that only in-memory databases start the cleaner's thread. */
  private static final class MemoryCleaner {
    static final Cleaner CLEANER = Cleaner.create();
  }

  /** The connection that keeps an in-memory database alive; closed by the cleaner. */
  private static final class KeptConnection implements Runnable {
    private Connection connection;

    synchronized void keep(ConnectionSource opener) throws SQLException {
      if (connection == null) {
        connection = opener.open();
      }
    }

    @Override
    public synchronized void run() {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          // the database is gone either way
        }
      }
    }
  }
}
