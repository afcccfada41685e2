package dev.migrate.engine.sandbox;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database made by a {@link Sandbox}, dropped by {@link #close()}. {@link #url()} may hold the
 * administrative URL's password: print {@link #toString()} (the name), never the URL unmasked.
 */
public final class ThrowawayDatabase implements AutoCloseable {
  private final Sandbox sandbox;
  private final String name;
  private final Backend backend;

  ThrowawayDatabase(Sandbox sandbox, String name, Backend backend) {
    this.sandbox = sandbox;
    this.name = name;
    this.backend = backend;
  }

  public DatabaseKind kind() {
    return backend.kind();
  }

  /** The database's name on its server (SQLite: the name of its directory). */
  public String name() {
    return name;
  }

  /** A JDBC URL that connects to it (with the sandbox's separate user and password, if any). */
  public String url() {
    return backend.url(name);
  }

  /** A new connection to it; the caller closes it. */
  public Connection connect() throws SQLException {
    return backend.connect(name);
  }

  /**
   * A new connection for reading the catalog, as verification's snapshots do: on MySQL it also
   * takes several statements in one round trip ({@code allowMultiQueries}), which the snapshots
   * then use; elsewhere the same as {@link #connect()}. Not for running a user's SQL, where a
   * statement list would pass unnoticed.
   */
  public Connection connectForCatalog() throws SQLException {
    return backend.connectForCatalog(name);
  }

  /** Drops it; a failure to drop is logged, not thrown. Closing twice does nothing. */
  @Override
  public void close() {
    sandbox.drop(this);
  }

  @Override
  public String toString() {
    return kind().id() + " database " + name;
  }
}
