package dev.migrate.engine.schema;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;

/**
 * One database's side of a schema load: the bulk catalog queries SchemaCrawler runs (see {@link
 * Crawl}), the limit to the connection's own schema, and the reading of each loaded table into the
 * shared model, where the database's quirks are normalised away.
 */
sealed interface CatalogQueries permits PostgresCatalog, MySqlCatalog, SqliteCatalog {
  InformationSchemaViews views();

  /** Limits the load to the connection's own database or schema. */
  void limit(
      Connection connection, SchemaRetrievalOptionsBuilder retrieval, LimitOptionsBuilder limit)
      throws SQLException;

  /** The loaded table in the shared model, with its triggers as {@link SchemaObjects} read them. */
  Schema.Table table(LoadedTable loaded, List<Schema.Trigger> triggers);

  /**
   * Bulk queries for the objects besides tables ({@link SchemaObjects}): each row is (kind, table,
   * name, text, position), kind one of {@code v} (view; position 1 for a materialized one), {@code
   * s} (sequence), {@code e} (one enum label, in position order), {@code t} (trigger of table),
   * {@code f} or {@code p} (function or procedure; in place of a table, its argument types where
   * they are part of its identity, else null).
   */
  List<String> objectQueries();

  /**
   * The definition of a sequence the object queries named without one (MariaDB keeps a sequence's
   * options only in the sequence itself).
   */
  default String sequenceDefinition(Connection connection, String name) throws SQLException {
    return null;
  }

  /** The routines as the object queries read them, completed where those could not (MySQL). */
  default List<Schema.Routine> routines(CatalogStatements statements, List<Schema.Routine> read)
      throws SQLException {
    return read;
  }

  static CatalogQueries of(DatabaseKind kind, Connection connection) throws SQLException {
    return switch (kind) {
      case POSTGRESQL -> new PostgresCatalog();
      case MYSQL -> MySqlCatalog.forVersion(connection.getMetaData().getDatabaseProductVersion());
      case SQLITE -> new SqliteCatalog();
    };
  }
}
