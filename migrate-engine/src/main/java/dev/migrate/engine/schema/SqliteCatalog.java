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
  private static final String EXPRESSION = "(expression ";

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
                + " p.dflt_value AS COLUMN_DEF, p.hidden AS HIDDEN"
                // table_xinfo: table_info leaves generated columns out (hidden 2 and 3)
                + from(", pragma_table_xinfo(m.name) p")
                + " AND p.hidden <> 1")
        .withSql(
            PRIMARY_KEYS,
            "SELECT "
                + TABLE_KEY
                + ", m.name AS TABLE_NAME, p.name AS COLUMN_NAME, p.pk AS KEY_SEQ, NULL AS PK_NAME"
                + from(", pragma_table_info(m.name) p")
                + " AND p.pk > 0")
        .withSql(
            INDEXES,
            // origin: c for CREATE INDEX, u for a UNIQUE constraint, pk for the primary key's;
            // an expression key part has no name (cid -2): a stand-in until the CREATE INDEX
            // text, sent along for such and for partial indexes, says what it is
            "SELECT "
                + TABLE_KEY
                + ", m.name AS TABLE_NAME, 1 - l.\"unique\" AS NON_UNIQUE,"
                + " NULL AS INDEX_QUALIFIER, l.name AS INDEX_NAME, 3 AS TYPE,"
                + " i.seqno + 1 AS ORDINAL_POSITION,"
                + " COALESCE(i.name, '"
                + EXPRESSION
                + "' || i.seqno) AS COLUMN_NAME,"
                + " CASE i.\"desc\" WHEN 1 THEN 'D' ELSE 'A' END AS ASC_OR_DESC,"
                + " 0 AS CARDINALITY, 0 AS PAGES, NULL AS FILTER_CONDITION, l.origin AS ORIGIN,"
                + " CASE WHEN l.partial = 1 OR EXISTS (SELECT 1 FROM pragma_index_xinfo(l.name) e"
                + " WHERE e.key = 1 AND e.cid = -2) THEN (SELECT s.sql FROM sqlite_master s"
                + " WHERE s.type = 'index' AND s.name = l.name) END AS INDEX_SQL"
                + from(", pragma_index_list(m.name) l, pragma_index_xinfo(l.name) i")
                + " AND l.origin <> 'pk' AND i.key = 1")
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

  @Override
  public List<String> objectQueries() {
    return List.of(
        "SELECT CASE type WHEN 'view' THEN 'v' ELSE 't' END, tbl_name, name, sql, 0"
            + " FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY type, name");
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
  public Schema.Table table(LoadedTable loaded, List<Schema.Trigger> triggers) {
    SqliteDdl ddl = SqliteDdl.parse(loaded.attribute("TABLE_SQL"));
    List<Schema.Column> columns = new ArrayList<>();
    for (LoadedTable.Column column : loaded.columns()) {
      ColumnType type = Normalise.type(DatabaseKind.SQLITE, column.declaredType());
      String key = column.name().toLowerCase(Locale.ROOT);
      String hidden = column.attribute("HIDDEN");
      String expression = ddl.generated.get(key);
      Schema.Generated generated =
          "2".equals(hidden) || "3".equals(hidden)
              ? new Schema.Generated(expression, "3".equals(hidden))
              : null;
      columns.add(
          new Schema.Column(
              column.name(),
              type,
              column.nullable(),
              Normalise.defaultValue(column.defaultValue(), type),
              ddl.autoincrement.contains(key),
              ddl.collations.get(key),
              generated));
    }
    Schema.PrimaryKey primaryKey =
        loaded.primaryKey() != null
            ? new Schema.PrimaryKey(ddl.name("p", List.of()), loaded.primaryKey().columns())
            : null;
    List<Schema.Index> indexes = new ArrayList<>();
    List<Schema.UniqueConstraint> uniques = new ArrayList<>();
    for (LoadedTable.Index index : loaded.indexes()) {
      List<String> keyColumns = index.columns();
      if ("u".equals(index.attribute("ORIGIN"))) {
        uniques.add(new Schema.UniqueConstraint(ddl.name("u", keyColumns), keyColumns));
      } else {
        indexes.add(index(index, keyColumns));
      }
    }
    // pragma_foreign_key_list numbers keys from the last declared; declaration order reads better
    List<Schema.ForeignKey> foreignKeys =
        loaded.foreignKeys().stream()
            .sorted(
                Comparator.comparingInt(
                    (LoadedTable.ForeignKey k) -> -Integer.parseInt(k.attribute("KEY_ID"))))
            .map(k -> Crawl.foreignKey(DatabaseKind.SQLITE, k, c -> ddl.name("f", c)))
            .toList();
    return new Schema.Table(
        loaded.name(), columns, primaryKey, indexes, uniques, foreignKeys, ddl.checks, triggers);
  }

  /** The index with its expressions and predicate from its CREATE INDEX text. */
  private static Schema.Index index(LoadedTable.Index index, List<String> keyColumns) {
    String sql = index.attribute("INDEX_SQL");
    SqliteDdl.IndexText text = sql == null ? null : SqliteDdl.parseIndex(sql);
    List<String> key = new ArrayList<>(keyColumns);
    for (int i = 0; i < key.size(); i++) {
      if (key.get(i).startsWith(EXPRESSION) && text != null && i < text.keyParts().size()) {
        key.set(i, "(" + text.keyParts().get(i) + ")");
      }
    }
    return new Schema.Index(
        index.name(),
        key,
        index.unique(),
        index.descending(),
        text == null ? null : text.predicate());
  }
}
