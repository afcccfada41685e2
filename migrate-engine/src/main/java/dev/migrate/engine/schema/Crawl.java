package dev.migrate.engine.schema;

import static schemacrawler.schemacrawler.MetadataRetrievalStrategy.data_dictionary_all;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.ReferentialAction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import schemacrawler.crawl.SchemaCrawler;
import schemacrawler.schema.AttributedObject;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schema.Index;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.IndexColumnSortSequence;
import schemacrawler.schema.Table;
import schemacrawler.schema.TableConstraint;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schema.TableConstraintType;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * Loads one database's tables with SchemaCrawler, and reads the loaded objects back.
 *
 * <p>SchemaCrawler's default, per-table {@code DatabaseMetaData} retrieval measured 2-15 times a
 * plain metadata walk, and verification snapshots the schema at every step. So every object kind is
 * loaded with SchemaCrawler's data-dictionary strategy: one bulk catalog query each, written per
 * database in the shape of the matching {@code DatabaseMetaData} result set ({@link
 * CatalogQueries}). Columns a query returns beyond that shape reach the loaded object as
 * attributes; that is how the full column type (SchemaCrawler cuts type names at their last dot),
 * MySQL's EXTRA and the check clauses travel (SchemaCrawler matches a clause to its constraint by
 * schema and name, and check names need only be unique per table).
 */
final class Crawl {
  private static final List<SchemaInfoMetadataRetrievalStrategy> BULK =
      List.of(
          SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy,
          SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
          SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy,
          SchemaInfoMetadataRetrievalStrategy.foreignKeysRetrievalStrategy,
          SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy);

  private Crawl() {}

  static Catalog load(Connection connection, CatalogQueries queries) throws SQLException {
    SchemaReader.quietSchemaCrawler();
    SchemaRetrievalOptionsBuilder retrieval =
        SchemaRetrievalOptionsBuilder.builder().withInformationSchemaViews(queries.views());
    for (SchemaInfoMetadataRetrievalStrategy strategy : BULK) {
      retrieval.with(strategy, data_dictionary_all);
    }
    LimitOptionsBuilder limit = LimitOptionsBuilder.builder();
    queries.limit(connection, retrieval, limit);
    SchemaCrawlerOptions options =
        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
            .withLimitOptions(limit.toOptions())
            .withLoadOptions(
                LoadOptionsBuilder.builder()
                    // one worker: every query runs on the caller's single connection
                    .withMaxThreads(1)
                    .withSchemaInfoLevel(
                        SchemaInfoLevelBuilder.builder()
                            .withInfoLevel(InfoLevel.minimum)
                            .setRetrieveDatabaseInfo(false)
                            .setRetrieveRoutines(false)
                            .setRetrieveTableColumns(true)
                            .setRetrievePrimaryKeys(true)
                            .setRetrieveForeignKeys(true)
                            .setRetrieveIndexes(true)
                            .setRetrieveTableConstraints(true)
                            .toOptions())
                    .toOptions());
    return new SchemaCrawler(
            DatabaseConnectionSources.fromConnection(connection), retrieval.toOptions(), options)
        .crawl();
  }

  /** A text attribute a catalog query added beyond the metadata shape, or null. */
  static String attribute(AttributedObject object, String name) {
    Object value = object.getAttribute(name);
    return value == null ? null : value.toString();
  }

  static List<Column> columns(Table table) {
    return table.getColumns().stream()
        .sorted(Comparator.comparingInt(Column::getOrdinalPosition))
        .toList();
  }

  /** The full spelling of a column's type, e.g. {@code numeric(10,2)}, from its query. */
  static String declaredType(Column column) {
    String declared = attribute(column, "COLUMN_TYPE");
    return declared != null ? declared : column.getColumnDataType().getName();
  }

  static List<String> primaryKeyColumns(Table table) {
    return table.getPrimaryKey().getConstrainedColumns().stream()
        .sorted(Comparator.comparingInt(TableConstraintColumn::getTableConstraintOrdinalPosition))
        .map(TableConstraintColumn::getName)
        .toList();
  }

  static List<String> indexColumns(Index index) {
    return index.getColumns().stream()
        .sorted(Comparator.comparingInt(IndexColumn::getIndexOrdinalPosition))
        .map(IndexColumn::getName)
        .toList();
  }

  /** Per key part of the index, in key order, whether it is sorted DESC. */
  static List<Boolean> descending(Index index) {
    return index.getColumns().stream()
        .sorted(Comparator.comparingInt(IndexColumn::getIndexOrdinalPosition))
        .map(c -> c.getSortSequence() == IndexColumnSortSequence.descending)
        .toList();
  }

  private static List<ColumnReference> references(ForeignKey foreignKey) {
    return foreignKey.getColumnReferences().stream()
        .sorted(Comparator.comparingInt(ColumnReference::getKeySequence))
        .toList();
  }

  /** The key's own columns, in key order. */
  static List<String> foreignKeyColumns(ForeignKey foreignKey) {
    return references(foreignKey).stream().map(r -> r.getForeignKeyColumn().getName()).toList();
  }

  /**
   * The key as the shared model has it, named by {@code name} from its columns (null where the
   * database invented the name).
   */
  static Schema.ForeignKey foreignKey(
      DatabaseKind kind, ForeignKey foreignKey, Function<List<String>, String> name) {
    List<String> columns = foreignKeyColumns(foreignKey);
    return new Schema.ForeignKey(
        name.apply(columns),
        columns,
        foreignKey.getPrimaryKeyTable().getName(),
        references(foreignKey).stream().map(r -> r.getPrimaryKeyColumn().getName()).toList(),
        action(kind, foreignKey.getDeleteRule()),
        action(kind, foreignKey.getUpdateRule()));
  }

  private static ReferentialAction action(DatabaseKind kind, ForeignKeyUpdateRule rule) {
    return Normalise.action(kind, rule.toString());
  }

  /** The table's CHECK constraints with the clause their query carried as CHECK_CLAUSE. */
  static List<TableConstraint> checks(Table table) {
    return table.getTableConstraints().stream()
        .filter(c -> c.getType() == TableConstraintType.check)
        .sorted(Comparator.comparing(TableConstraint::getName))
        .toList();
  }

  /**
   * The JDBC {@code importedKey*} number of a rule spelled as SQL ({@code CASCADE}, {@code SET
   * NULL}, ...), as a SQL expression over {@code rule}: NO ACTION for anything else.
   */
  static String jdbcRule(String rule) {
    return "CASE UPPER("
        + rule
        + ") WHEN 'CASCADE' THEN 0 WHEN 'RESTRICT' THEN 1 WHEN 'SET NULL' THEN 2"
        + " WHEN 'SET DEFAULT' THEN 4 ELSE 3 END";
  }
}
