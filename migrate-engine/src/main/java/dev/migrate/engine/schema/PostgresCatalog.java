package dev.migrate.engine.schema;

import static schemacrawler.schemacrawler.InformationSchemaKey.FOREIGN_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.INDEXES;
import static schemacrawler.schemacrawler.InformationSchemaKey.PRIMARY_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLES;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_COLUMNS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_CONSTRAINTS;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;

/**
 * The current schema, from pg_catalog. pg_constraint holds only real constraints, so the NOT NULL
 * "check constraints" that information_schema (and SchemaCrawler's own queries through it) invent,
 * named like {@code 2200_16384_1_not_null}, never appear.
 */
record PostgresCatalog() implements CatalogQueries {
  private static final String OWN_TABLES =
      " c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')";
  private static final String TABLE_KEY =
      "NULL AS TABLE_CAT, current_schema() AS TABLE_SCHEM, c.relname AS TABLE_NAME";

  @Override
  public InformationSchemaViews views() {
    return InformationSchemaViewsBuilder.builder()
        .withSql(
            TABLES,
            "SELECT "
                + TABLE_KEY
                + ", 'TABLE' AS TABLE_TYPE, NULL AS REMARKS,"
                + " obj_description(c.oid, 'pg_class') AS TABLE_COMMENT FROM pg_class c WHERE"
                + OWN_TABLES)
        .withSql(
            TABLE_COLUMNS,
            "SELECT "
                + TABLE_KEY
                + ", a.attname AS COLUMN_NAME, a.attnum AS ORDINAL_POSITION, 1111 AS DATA_TYPE,"
                + " t.typname AS TYPE_NAME, format_type(a.atttypid, a.atttypmod) AS COLUMN_TYPE,"
                + " CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS NULLABLE,"
                + " pg_get_expr(d.adbin, d.adrelid) AS COLUMN_DEF, a.attgenerated AS GENERATED,"
                + " CASE WHEN a.attcollation <> t.typcollation THEN (SELECT l.collname"
                + " FROM pg_collation l WHERE l.oid = a.attcollation) END AS COLLATION_NAME,"
                + " CASE WHEN a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid)"
                + " LIKE 'nextval(%' THEN 'YES' ELSE 'NO' END AS IS_AUTOINCREMENT,"
                + " dsc.description AS COLUMN_COMMENT"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid"
                + " AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum"
                + " WHERE"
                + OWN_TABLES
                + " AND a.attnum > 0 AND NOT a.attisdropped")
        .withSql(
            PRIMARY_KEYS,
            "SELECT "
                + TABLE_KEY
                + ", a.attname AS COLUMN_NAME, k.o AS KEY_SEQ, con.conname AS PK_NAME"
                + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(n, o)"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n"
                + " WHERE con.contype = 'p' AND"
                + OWN_TABLES)
        .withSql(
            FOREIGN_KEYS,
            "SELECT NULL AS PKTABLE_CAT, pn.nspname AS PKTABLE_SCHEM, p.relname AS PKTABLE_NAME,"
                + " pa.attname AS PKCOLUMN_NAME, NULL AS FKTABLE_CAT,"
                + " current_schema() AS FKTABLE_SCHEM, c.relname AS FKTABLE_NAME,"
                + " a.attname AS FKCOLUMN_NAME, k.o AS KEY_SEQ, "
                + Crawl.jdbcRule(rule("con.confupdtype"))
                + " AS UPDATE_RULE, "
                + Crawl.jdbcRule(rule("con.confdeltype"))
                + " AS DELETE_RULE, con.conname AS FK_NAME, NULL AS PK_NAME, 7 AS DEFERRABILITY"
                // driven by the tables, each one's keys found by index: a throwaway database's
                // catalog statistics (its template's) say there are no foreign keys, and the
                // generic plan of a snapshot's kept statement then read all of them for one table
                // (3 ms at 300 tables, against 0.1 ms). OFFSET 0 keeps that order
                + " FROM pg_class c CROSS JOIN LATERAL (SELECT * FROM pg_constraint con"
                + " WHERE con.conrelid = c.oid AND con.contype = 'f' OFFSET 0) con"
                + " JOIN pg_class p ON p.oid = con.confrelid"
                + " JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(n, pk, o)"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n"
                + " JOIN pg_attribute pa ON pa.attrelid = p.oid AND pa.attnum = k.pk"
                + " WHERE"
                + OWN_TABLES)
        .withSql(
            INDEXES,
            // every index but the primary key's, each key column (or expression, in parentheses)
            // a row; CONSTRAINT_TYPE tells a unique constraint's index from a plain unique index
            "SELECT "
                + TABLE_KEY
                + ", NOT x.indisunique AS NON_UNIQUE, NULL AS INDEX_QUALIFIER,"
                + " i.relname AS INDEX_NAME, 3 AS TYPE, k AS ORDINAL_POSITION,"
                + " CASE WHEN x.indkey[k - 1] = 0 THEN '(' || pg_get_indexdef(x.indexrelid, k, true)"
                + " || ')' ELSE pg_get_indexdef(x.indexrelid, k, true) END AS COLUMN_NAME,"
                + " CASE WHEN x.indoption[k - 1] & 1 = 1 THEN 'D' ELSE 'A' END AS ASC_OR_DESC,"
                + " 0 AS CARDINALITY, 0 AS PAGES, NULL AS FILTER_CONDITION,"
                + " pg_get_expr(x.indpred, x.indrelid, true) AS INDEX_PREDICATE,"
                + " (SELECT min(con.contype) FROM pg_constraint con WHERE con.conindid"
                + " = x.indexrelid AND con.conrelid = x.indrelid) AS CONSTRAINT_TYPE"
                + " FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid"
                + " JOIN pg_class i ON i.oid = x.indexrelid"
                + " CROSS JOIN generate_series(1, x.indnkeyatts) k"
                + " WHERE NOT x.indisprimary AND"
                + OWN_TABLES)
        .withSql(
            TABLE_CONSTRAINTS,
            "SELECT NULL AS CONSTRAINT_CATALOG, current_schema() AS CONSTRAINT_SCHEMA,"
                + " con.conname AS CONSTRAINT_NAME, c.relname AS TABLE_NAME,"
                + " 'CHECK' AS CONSTRAINT_TYPE, 'NO' AS IS_DEFERRABLE, 'NO' AS INITIALLY_DEFERRED,"
                + " pg_get_constraintdef(con.oid, true) AS CHECK_CLAUSE,"
                + " con.convalidated AS CONVALIDATED"
                + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                + " WHERE con.contype = 'c' AND"
                + OWN_TABLES)
        .toOptions();
  }

  @Override
  public List<String> objectQueries() {
    String own = " c.relnamespace = current_schema()::regnamespace";
    return List.of(
        "SELECT 'v' AS k, NULL AS t, c.relname AS n, btrim(pg_get_viewdef(c.oid, true), ' ;') AS d,"
            + " CASE c.relkind WHEN 'm' THEN 1 ELSE 0 END AS p FROM pg_class c WHERE"
            + own
            + " AND c.relkind IN ('v', 'm')"
            // sequences of their own: not those a serial (a) or identity (i) column owns
            + " UNION ALL SELECT 's', NULL, c.relname, concat_ws(' ', 'AS',"
            + " format_type(s.seqtypid, NULL), 'START', s.seqstart, 'INCREMENT', s.seqincrement,"
            + " 'MINVALUE', s.seqmin, 'MAXVALUE', s.seqmax, 'CACHE', s.seqcache,"
            + " CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END), 0"
            + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE"
            + own
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            + " AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0)"
            + " UNION ALL SELECT 'e', NULL, t.typname, e.enumlabel, e.enumsortorder"
            + " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace"
            + " = current_schema()::regnamespace"
            + " UNION ALL SELECT 't', c.relname, g.tgname, pg_get_triggerdef(g.oid, true), 0"
            + " FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal"
            + " AND"
            + own
            // functions and procedures, not aggregates nor those of an extension; the definition
            // without the schema name, which another copy of the schema may not share
            + " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'p' ELSE 'f' END,"
            + " oidvectortypes(p.proargtypes), p.proname,"
            + " rtrim(replace(pg_get_functiondef(p.oid), ' ' || quote_ident(n.nspname) || '.'"
            + " || quote_ident(p.proname) || '(', ' ' || quote_ident(p.proname) || '('), E'\\n'), 0"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind IN ('f', 'p', 'w')"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
            + " AND d.objid = p.oid AND d.deptype = 'e')"
            + " ORDER BY 1, 3, 5");
  }

  /** pg_constraint's one-letter rule spelled as SQL. */
  private static String rule(String letter) {
    return "CASE "
        + letter
        + " WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL'"
        + " WHEN 'd' THEN 'SET DEFAULT' END";
  }

  @Override
  public void limit(
      Connection connection, SchemaRetrievalOptionsBuilder retrieval, LimitOptionsBuilder limit)
      throws SQLException {
    String schema = connection.getSchema();
    if (schema == null) {
      throw MigrateException.badInput(
          "the connection has no current schema to read (search_path names no existing schema);"
              + " set one in the URL, e.g. ?currentSchema=app");
    }
    retrieval.withDoesNotSupportCatalogs();
    limit.includeSchemas(Pattern.compile(Pattern.quote(schema)));
  }

  @Override
  public Schema.Table table(LoadedTable loaded, List<Schema.Trigger> triggers) {
    String name = loaded.name();
    List<Schema.Column> columns = new ArrayList<>();
    for (LoadedTable.Column column : loaded.columns()) {
      ColumnType type = Normalise.type(DatabaseKind.POSTGRESQL, column.declaredType());
      String rawDefault = column.defaultValue();
      boolean serial = rawDefault != null && rawDefault.startsWith("nextval(");
      // a generated column's expression is in pg_attrdef, where defaults are
      boolean generated = "s".equals(column.attribute("GENERATED"));
      columns.add(
          new Schema.Column(
              column.name(),
              type,
              column.nullable(),
              serial || generated ? null : Normalise.defaultValue(rawDefault, type),
              column.autoincrement(),
              column.attribute("COLLATION_NAME"),
              generated ? new Schema.Generated(Expressions.stripParens(rawDefault), true) : null,
              column.attribute("COLUMN_COMMENT")));
    }
    Schema.PrimaryKey primaryKey =
        loaded.primaryKey() != null
            ? new Schema.PrimaryKey(
                invented(loaded.primaryKey().name(), name, List.of(), "pkey"),
                loaded.primaryKey().columns())
            : null;
    List<Schema.Index> indexes = new ArrayList<>();
    List<Schema.UniqueConstraint> uniques = new ArrayList<>();
    for (LoadedTable.Index index : loaded.indexes()) {
      List<String> keyColumns = index.columns();
      String constraint = index.attribute("CONSTRAINT_TYPE");
      if ("u".equals(constraint)) {
        uniques.add(
            new Schema.UniqueConstraint(
                invented(index.name(), name, keyColumns, "key"), keyColumns));
      } else if (constraint == null) {
        indexes.add(
            new Schema.Index(
                index.name(),
                keyColumns,
                index.unique(),
                index.descending(),
                index.attribute("INDEX_PREDICATE")));
      }
    }
    List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
    for (LoadedTable.ForeignKey foreignKey : loaded.foreignKeys()) {
      foreignKeys.add(
          Crawl.foreignKey(
              DatabaseKind.POSTGRESQL,
              foreignKey,
              keyColumns -> invented(foreignKey.name(), name, keyColumns, "fkey")));
    }
    List<Schema.CheckConstraint> checks = new ArrayList<>();
    for (LoadedTable.Check check : Crawl.checks(loaded)) {
      String checkName = check.name();
      boolean generated = checkName.startsWith(name + "_") && checkName.matches(".*_check\\d*");
      checks.add(
          new Schema.CheckConstraint(
              generated ? null : checkName,
              checkBody(check.attribute("CHECK_CLAUSE")),
              !"false".equals(check.attribute("CONVALIDATED"))));
    }
    return new Schema.Table(
            name, columns, primaryKey, indexes, uniques, foreignKeys, checks, triggers)
        .withComment(loaded.attribute("TABLE_COMMENT"));
  }

  /** {@code CHECK ((price > 0))} as the bare expression {@code price > 0}. */
  private static String checkBody(String definition) {
    String body = definition.trim();
    if (body.toUpperCase(Locale.ROOT).startsWith("CHECK")) {
      body = body.substring(5).trim();
    }
    if (body.toUpperCase(Locale.ROOT).endsWith("NOT VALID")) {
      body = body.substring(0, body.length() - 9).trim();
    }
    return Expressions.stripParens(body);
  }

  /**
   * Null for the name PostgreSQL gives an unnamed constraint ({@code task_pkey}, {@code
   * task_owner_id_fkey}, {@code task_a_b_key}, with a number added on a clash), else the name.
   */
  private static String invented(String name, String table, List<String> columns, String suffix) {
    StringBuilder generated = new StringBuilder(table);
    for (String column : columns) {
      generated.append('_').append(column);
    }
    generated.append('_').append(suffix);
    String g = generated.toString();
    if (g.length() > 63) {
      return name.endsWith(suffix) ? null : name;
    }
    return name.equals(g) || name.matches(Pattern.quote(g) + "\\d+") ? null : name;
  }
}
