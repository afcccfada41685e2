package dev.migrate.engine.testing;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import schemacrawler.schema.Catalog;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * SchemaCrawler catalogs of one connection's own schema, for the benchmark and as an independent
 * reading to check SchemaReader against: minimum info level plus columns, keys and indexes.
 */
public final class SchemaCrawlerCatalogs {
  /** SchemaCrawler's own loggers; held strongly, as java.util.logging forgets levels otherwise. */
  private static final List<Logger> QUIET = new ArrayList<>();

  private SchemaCrawlerCatalogs() {}

  /**
   * Sets SchemaCrawler's loggers (and only those) to WARNING: each load otherwise logs about 270
   * INFO lines through java.util.logging.
   */
  public static synchronized void quiet() {
    if (QUIET.isEmpty()) {
      for (String name : List.of("schemacrawler", "us.fatehi")) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        QUIET.add(logger);
      }
    }
  }

  public static SchemaCrawlerOptions options(Connection c, DatabaseKind kind) throws SQLException {
    LimitOptionsBuilder limit = LimitOptionsBuilder.builder();
    if (kind == DatabaseKind.POSTGRESQL) {
      limit.includeSchemas(Pattern.compile(Pattern.quote(c.getSchema())));
    } else if (kind == DatabaseKind.MYSQL) {
      limit.includeSchemas(Pattern.compile(Pattern.quote(c.getCatalog())));
    }
    return SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLimitOptions(limit.toOptions())
        .withLoadOptions(
            LoadOptionsBuilder.builder()
                .withSchemaInfoLevel(
                    SchemaInfoLevelBuilder.builder()
                        .withInfoLevel(InfoLevel.minimum)
                        .setRetrieveTableColumns(true)
                        .setRetrievePrimaryKeys(true)
                        .setRetrieveForeignKeys(true)
                        .setRetrieveIndexes(true)
                        .toOptions())
                .toOptions());
  }

  public static Catalog load(Connection c, SchemaCrawlerOptions options) {
    quiet();
    return SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(c), options);
  }
}
