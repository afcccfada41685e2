package dev.migrate.engine.schema;

import static schemacrawler.schemacrawler.InformationSchemaKey.FOREIGN_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.INDEXES;
import static schemacrawler.schemacrawler.InformationSchemaKey.PRIMARY_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLES;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_COLUMNS;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import schemacrawler.schema.Column;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Index;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;

/**
 * The main SQLite database, from sqlite_master and its table-valued pragma functions. SQLite leaves
 * much out of its pragmas, which this puts back from the CREATE TABLE text: constraint names (else
 * null; SQLite has none of its own), named UNIQUE constraints that only show as {@code
 * sqlite_autoindex_*} indexes, CHECK constraints, and AUTOINCREMENT. Primary key columns read NOT
 * NULL ({@code INTEGER PRIMARY KEY} reports nullable).
 */
record SqliteCatalog() implements CatalogQueries {
  private static final String OWN_TABLES =
      " FROM sqlite_master m%s WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%%' ESCAPE '\\'";
  private static final String TABLE_KEY = "NULL AS TABLE_CAT, NULL AS TABLE_SCHEM";

  @Override
  public InformationSchemaViews views() {
    return InformationSchemaViewsBuilder.builder()
        .withSql(
            TABLES,
            "SELECT "
                + TABLE_KEY
                + ", m.name AS TABLE_NAME, 'TABLE' AS TABLE_TYPE, NULL AS REMARKS,"
                + " m.sql AS TABLE_SQL"
                + from(""))
        .withSql(
            TABLE_COLUMNS,
            "SELECT "
                + TABLE_KEY
                + ", m.name AS TABLE_NAME, p.name AS COLUMN_NAME, p.cid + 1 AS ORDINAL_POSITION,"
                + " 1111 AS DATA_TYPE, CASE p.type WHEN '' THEN 'NONE' ELSE p.type END"
                + " AS TYPE_NAME, p.type AS COLUMN_TYPE,"
                + " CASE WHEN p.pk > 0 OR p.\"notnull\" THEN 0 ELSE 1 END AS NULLABLE,"
                + " p.dflt_value AS COLUMN_DEF"
                + from(", pragma_table_info(m.name) p"))
        .withSql(
            PRIMARY_KEYS,
            "SELECT "
                + TABLE_KEY
                + ", m.name AS TABLE_NAME, p.name AS COLUMN_NAME, p.pk AS KEY_SEQ, NULL AS PK_NAME"
                + from(", pragma_table_info(m.name) p")
                + " AND p.pk > 0")
        .withSql(
            INDEXES,
            // origin: c for CREATE INDEX, u for a UNIQUE constraint, pk for the primary key's
            "SELECT "
                + TABLE_KEY
                + ", m.name AS TABLE_NAME, 1 - l.\"unique\" AS NON_UNIQUE,"
                + " NULL AS INDEX_QUALIFIER, l.name AS INDEX_NAME, 3 AS TYPE,"
                + " i.seqno + 1 AS ORDINAL_POSITION, i.name AS COLUMN_NAME, 'A' AS ASC_OR_DESC,"
                + " 0 AS CARDINALITY, 0 AS PAGES, NULL AS FILTER_CONDITION, l.origin AS ORIGIN"
                + from(", pragma_index_list(m.name) l, pragma_index_info(l.name) i")
                + " AND l.origin <> 'pk'")
        .withSql(
            FOREIGN_KEYS,
            // REFERENCES parent without columns means the parent's primary key; SQLite names no
            // key, so each gets a stand-in name (the real one, if any, is in the CREATE text)
            "SELECT NULL AS PKTABLE_CAT, NULL AS PKTABLE_SCHEM, f.\"table\" AS PKTABLE_NAME,"
                + " COALESCE(f.\"to\", (SELECT k.name FROM pragma_table_info(f.\"table\") k"
                + " WHERE k.pk = f.seq + 1)) AS PKCOLUMN_NAME, NULL AS FKTABLE_CAT,"
                + " NULL AS FKTABLE_SCHEM, m.name AS FKTABLE_NAME, f.\"from\" AS FKCOLUMN_NAME,"
                + " f.seq + 1 AS KEY_SEQ, "
                + Crawl.jdbcRule("f.on_update")
                + " AS UPDATE_RULE, "
                + Crawl.jdbcRule("f.on_delete")
                + " AS DELETE_RULE, 'fk' || f.id AS FK_NAME, NULL AS PK_NAME,"
                + " 7 AS DEFERRABILITY, f.id AS KEY_ID"
                + from(", pragma_foreign_key_list(m.name) f"))
        .toOptions();
  }

  private static String from(String joins) {
    return String.format(OWN_TABLES, joins);
  }

  @Override
  public void limit(
      Connection connection, SchemaRetrievalOptionsBuilder retrieval, LimitOptionsBuilder limit) {
    retrieval.withDoesNotSupportCatalogs().withDoesNotSupportSchemas();
  }

  @Override
  public Schema.Table table(Table loaded) {
    SqliteDdl ddl = SqliteDdl.parse(Crawl.attribute(loaded, "TABLE_SQL"));
    List<Schema.Column> columns = new ArrayList<>();
    for (Column column : Crawl.columns(loaded)) {
      ColumnType type = Normalise.type(DatabaseKind.SQLITE, Crawl.declaredType(column));
      columns.add(
          new Schema.Column(
              column.getName(),
              type,
              column.isNullable(),
              Normalise.defaultValue(column.getDefaultValue(), type),
              ddl.autoincrement.contains(column.getName().toLowerCase(Locale.ROOT))));
    }
    Schema.PrimaryKey primaryKey =
        loaded.hasPrimaryKey()
            ? new Schema.PrimaryKey(ddl.name("p", List.of()), Crawl.primaryKeyColumns(loaded))
            : null;
    List<Schema.Index> indexes = new ArrayList<>();
    List<Schema.UniqueConstraint> uniques = new ArrayList<>();
    for (Index index : loaded.getIndexes()) {
      List<String> keyColumns = Crawl.indexColumns(index);
      if ("u".equals(Crawl.attribute(index, "ORIGIN"))) {
        uniques.add(new Schema.UniqueConstraint(ddl.name("u", keyColumns), keyColumns));
      } else {
        indexes.add(new Schema.Index(index.getName(), keyColumns, index.isUnique()));
      }
    }
    // pragma_foreign_key_list numbers keys from the last declared; declaration order reads better
    List<Schema.ForeignKey> foreignKeys =
        loaded.getImportedForeignKeys().stream()
            .sorted(
                Comparator.comparingInt(
                    (ForeignKey k) -> -Integer.parseInt(Crawl.attribute(k, "KEY_ID"))))
            .map(k -> Crawl.foreignKey(DatabaseKind.SQLITE, k, c -> ddl.name("f", c)))
            .toList();
    return new Schema.Table(
        loaded.getName(), columns, primaryKey, indexes, uniques, foreignKeys, ddl.checks);
  }
}
