package dev.migrate.engine.sandbox;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How one backend makes, copies and removes a database by name. */
interface Backend {
  DatabaseKind kind();

  /** Where the databases are, for messages: a masked URL or a directory. */
  String where();

  String url(String name);

  Connection connect(String name) throws SQLException;

  /** A connection for catalog reads, as {@link ThrowawayDatabase#connectForCatalog()}. */
  default Connection connectForCatalog(String name) throws SQLException {
    return connect(name);
  }

  void create(String name) throws Exception;

  void cloneInto(String source, String target) throws Exception;

  /** Drops {@code name}, forcing or retrying when connections hold it. */
  void drop(String name) throws Exception;

  /** The names of the databases there are, for the clean-up of leftovers. */
  List<String> existing() throws Exception;

  void close();
}
