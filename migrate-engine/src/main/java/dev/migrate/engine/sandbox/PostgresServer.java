package dev.migrate.engine.sandbox;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** PostgreSQL: CREATE DATABASE, a clone from a TEMPLATE, DROP ... WITH (FORCE) on 13 and later. */
final class PostgresServer extends ServerBackend {
  private static final String OBJECT_IN_USE = "55006";
  private static final int ATTEMPTS = 20;
  private final boolean forceDrop;

  PostgresServer(String adminUrl, Properties credentials) throws SQLException {
    super(DatabaseKind.POSTGRESQL, adminUrl, credentials);
    forceDrop = admin().getMetaData().getDatabaseMajorVersion() >= 13;
  }

  @Override
  public void create(String name) throws SQLException {
    execute("CREATE DATABASE " + quote(name));
    withoutDurability(name);
  }

  /**
   * Commits in a throwaway database need not wait for the disk: nothing in it must survive a crash
   * of the server, and each of a migration's many small transactions ends sooner.
   */
  private void withoutDurability(String name) throws SQLException {
    execute("ALTER DATABASE " + quote(name) + " SET synchronous_commit = off");
  }

  @Override
  public void cloneInto(String source, String target) throws SQLException {
    // TEMPLATE needs the source to have no connections; one just closed may still be ending
    whileInUse(() -> execute("CREATE DATABASE " + quote(target) + " TEMPLATE " + quote(source)));
    withoutDurability(target);
  }

  @Override
  public void drop(String name) throws SQLException {
    if (forceDrop) {
      execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
      return;
    }
    whileInUse(
        () -> {
          strings(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                  + " WHERE datname = ? AND pid <> pg_backend_pid()",
              name);
          execute("DROP DATABASE IF EXISTS " + quote(name));
        });
  }

  private interface Action {
    void run() throws SQLException;
  }

  /** Runs {@code action}, again after a pause while it fails for a database in use. */
  private static void whileInUse(Action action) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        action.run();
        return;
      } catch (SQLException e) {
        if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  @Override
  public List<String> existing() throws SQLException {
    return strings("SELECT datname FROM pg_database");
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
