package dev.migrate.engine.sandbox;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Urls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A PostgreSQL or MySQL server reached with an administrative URL and one kept connection. */
abstract class ServerBackend implements Backend {
  private final DatabaseKind kind;
  private final String adminUrl;
  private final Properties credentials;
  private Connection admin;

  ServerBackend(DatabaseKind kind, String adminUrl, Properties credentials) throws SQLException {
    this.kind = kind;
    this.adminUrl = adminUrl;
    this.credentials = credentials;
    this.admin = DriverManager.getConnection(adminUrl, credentials);
  }

  @Override
  public DatabaseKind kind() {
    return kind;
  }

  @Override
  public String where() {
    return Urls.mask(adminUrl);
  }

  @Override
  public String url(String name) {
    return Sandbox.withDatabase(adminUrl, name);
  }

  @Override
  public Connection connect(String name) throws SQLException {
    return connect(name, new Properties());
  }

  /**
   * A connection to {@code name}, or with null to the administrative URL's database, with these
   * driver properties added to the credentials.
   */
  Connection connect(String name, Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(credentials);
    properties.putAll(extra);
    return DriverManager.getConnection(name == null ? adminUrl : url(name), properties);
  }

  /** The administrative connection, opened again when the server closed it. */
  synchronized Connection admin() throws SQLException {
    if (admin.isClosed() || !admin.isValid(5)) {
      admin.close();
      admin = DriverManager.getConnection(adminUrl, credentials);
    }
    return admin;
  }

  void execute(String sql) throws SQLException {
    try (Statement s = admin().createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of each row of {@code query}, run with {@code parameters}. */
  List<String> strings(String query, String... parameters) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement p = admin().prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        p.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  @Override
  public synchronized void close() {
    try {
      admin.close();
    } catch (SQLException e) {
      // nothing is left to do with a connection that cannot close
    }
  }

  /** Waits a little before a retry: a closed connection's server process may still be ending. */
  static void pause(int attempt) {
    try {
      Thread.sleep(50L * (attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
