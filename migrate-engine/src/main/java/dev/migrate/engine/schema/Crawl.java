package dev.migrate.engine.schema;

import static schemacrawler.schemacrawler.MetadataRetrievalStrategy.data_dictionary_all;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import schemacrawler.crawl.SchemaCrawler;
import schemacrawler.schema.AttributedObject;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Index;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.IndexColumnSortSequence;
import schemacrawler.schema.Table;
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

  /** The table as its catalog queries gave it, in load order (columns, key parts). */
  static LoadedTable loaded(Table table) {
    List<LoadedTable.Column> columns =
        table.getColumns().stream()
            .sorted(Comparator.comparingInt(Column::getOrdinalPosition))
            .map(
                c ->
                    new LoadedTable.Column(
                        c.getName(),
                        declaredType(c),
                        c.isNullable(),
                        c.getDefaultValue(),
                        c.isAutoIncremented(),
                        attributes(c)))
            .toList();
    LoadedTable.Key primaryKey =
        table.hasPrimaryKey()
            ? new LoadedTable.Key(
                table.getPrimaryKey().getName(),
                table.getPrimaryKey().getConstrainedColumns().stream()
                    .sorted(
                        Comparator.comparingInt(
                            TableConstraintColumn::getTableConstraintOrdinalPosition))
                    .map(TableConstraintColumn::getName)
                    .toList())
            : null;
    List<LoadedTable.Index> indexes = new ArrayList<>();
    for (Index index : table.getIndexes()) {
      List<IndexColumn> parts =
          index.getColumns().stream()
              .sorted(Comparator.comparingInt(IndexColumn::getIndexOrdinalPosition))
              .toList();
      indexes.add(
          new LoadedTable.Index(
              index.getName(),
              index.isUnique(),
              parts.stream().map(IndexColumn::getName).toList(),
              parts.stream()
                  .map(c -> c.getSortSequence() == IndexColumnSortSequence.descending)
                  .toList(),
              attributes(index)));
    }
    List<LoadedTable.ForeignKey> foreignKeys = new ArrayList<>();
    for (ForeignKey foreignKey : table.getImportedForeignKeys()) {
      List<ColumnReference> references =
          foreignKey.getColumnReferences().stream()
              .sorted(Comparator.comparingInt(ColumnReference::getKeySequence))
              .toList();
      foreignKeys.add(
          new LoadedTable.ForeignKey(
              foreignKey.getName(),
              references.stream().map(r -> r.getForeignKeyColumn().getName()).toList(),
              foreignKey.getPrimaryKeyTable().getName(),
              references.stream().map(r -> r.getPrimaryKeyColumn().getName()).toList(),
              foreignKey.getDeleteRule().toString(),
              foreignKey.getUpdateRule().toString(),
              attributes(foreignKey)));
    }
    List<LoadedTable.Check> checks =
        table.getTableConstraints().stream()
            .filter(c -> c.getType() == TableConstraintType.check)
            .map(c -> new LoadedTable.Check(c.getName(), attributes(c)))
            .toList();
    return new LoadedTable(
        table.getName(), attributes(table), columns, primaryKey, indexes, foreignKeys, checks);
  }

  private static Map<String, String> attributes(AttributedObject object) {
    Map<String, String> out = LoadedTable.newAttributes();
    object.getAttributes().forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }

  /** The full spelling of a column's type, e.g. {@code numeric(10,2)}, from its query. */
  private static String declaredType(Column column) {
    Object declared = column.getAttribute("COLUMN_TYPE");
    return declared != null ? declared.toString() : column.getColumnDataType().getName();
  }

  /** The table's CHECK constraints, by name. */
  static List<LoadedTable.Check> checks(LoadedTable table) {
    return table.checks().stream().sorted(Comparator.comparing(LoadedTable.Check::name)).toList();
  }

  /**
   * The key as the shared model has it, named by {@code name} from its columns (null where the
   * database invented the name).
   */
  static Schema.ForeignKey foreignKey(
      DatabaseKind kind, LoadedTable.ForeignKey foreignKey, Function<List<String>, String> name) {
    return new Schema.ForeignKey(
        name.apply(foreignKey.columns()),
        foreignKey.columns(),
        foreignKey.referencedTable(),
        foreignKey.referencedColumns(),
        Normalise.action(kind, foreignKey.deleteRule()),
        Normalise.action(kind, foreignKey.updateRule()));
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
