package dev.migrate.engine.testing;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
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
 * SchemaCrawler catalogs of one connection's own schema as SchemaCrawler loads them by default,
 * through its database plugins and per-table {@code DatabaseMetaData} calls (SchemaReader uses its
 * own bulk catalog queries instead): minimum info level plus columns, keys and indexes. An
 * independent reading to check SchemaReader against, and the benchmark's scale.
 */
public final class SchemaCrawlerCatalogs {
  private SchemaCrawlerCatalogs() {}

  public static SchemaCrawlerOptions options(Connection c, DatabaseKind kind) throws SQLException {
    return options(c, kind, false);
  }

  /**
   * @param routines also functions and procedures (with their remarks, as tables and columns have
   *     theirs)
   */
  public static SchemaCrawlerOptions options(Connection c, DatabaseKind kind, boolean routines)
      throws SQLException {
    LimitOptionsBuilder limit = LimitOptionsBuilder.builder();
    if (kind == DatabaseKind.POSTGRESQL) {
      limit.includeSchemas(Pattern.compile(Pattern.quote(c.getSchema())));
    } else if (kind == DatabaseKind.MYSQL) {
      limit.includeSchemas(Pattern.compile(Pattern.quote(c.getCatalog())));
    }
    if (routines) {
      limit.includeAllRoutines();
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
                        .setRetrieveRoutines(routines)
                        .toOptions())
                .toOptions());
  }

  public static Catalog load(Connection c, SchemaCrawlerOptions options) {
    SchemaReader.quietSchemaCrawler();
    return SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(c), options);
  }
}
