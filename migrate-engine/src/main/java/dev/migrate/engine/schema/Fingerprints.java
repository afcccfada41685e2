package dev.migrate.engine.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A digest per table of the catalog rows a snapshot reads of it, behind {@link
 * SchemaReader#fingerprint} and {@link SchemaReader.Snapshots}: each query returns (table, text)
 * rows, computed in the database so that only short rows travel. Rows under {@link #SHARED} belong
 * to no one table (MySQL's checks). A table's rows include its and its columns' comments. Objects
 * besides tables (views, sequences, enum types, triggers, routines) are few and read whole by
 * {@link SchemaObjects}.
 */
final class Fingerprints {
  /** The key of rows that name no table. */
  static final String SHARED = "~";

  /** How a query of rows that name no table starts. */
  private static final String SHARED_ROWS = "SELECT '" + SHARED + "'";

  private Fingerprints() {}

  /**
   * Table name (case-insensitive) to the digest of its rows; names may include views on MySQL and
   * SQLite, which a reader then finds are no tables.
   */
  static Map<String, String> tables(
      CatalogStatements statements, CatalogQueries queries, Predicate<String> excluded)
      throws SQLException {
    if (queries instanceof SqliteCatalog) {
      return sqliteTables(statements, excluded);
    }
    Map<String, MessageDigest> digests = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int query = 0;
    for (String sql : queries(queries)) {
      query++;
      try (ResultSet rs = statements.query(sql)) {
        add(digests, rs, query, excluded);
      }
    }
    return hex(digests);
  }

  /**
   * SQLite: each table's CREATE texts themselves, not a digest of them. They are read whole from
   * the file anyway, and comparing them costs less than hashing them at every step.
   */
  private static Map<String, String> sqliteTables(
      CatalogStatements statements, Predicate<String> excluded) throws SQLException {
    Map<String, StringBuilder> texts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try (ResultSet rs = statements.query(queries(new SqliteCatalog()).get(0))) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (table != null && !excluded.test(table)) {
          texts
              .computeIfAbsent(table, t -> new StringBuilder())
              .append(rs.getString(2))
              .append('\0');
        }
      }
    }
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    texts.forEach((table, text) -> out.put(table, text.toString()));
    return out;
  }

  /**
   * MySQL: the digests of the named tables only, each as {@link #tables} would give it. Each query
   * runs once per table with its name as an exact value, which MariaDB answers from that table's
   * files alone where a query over the schema opens every table; rows that name no table ({@link
   * #SHARED}) are read whole.
   */
  static Map<String, String> mysqlTables(
      CatalogStatements statements,
      MySqlCatalog queries,
      Predicate<String> excluded,
      Collection<String> names)
      throws SQLException {
    Map<String, MessageDigest> digests = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int query = 0;
    for (String sql : queries(queries)) {
      query++;
      if (sql.startsWith(SHARED_ROWS)) {
        try (ResultSet rs = statements.query(sql)) {
          add(digests, rs, query, excluded);
        }
        continue;
      }
      String narrowed = narrowed(sql);
      for (String name : names) {
        try (ResultSet rs = statements.query(narrowed, List.of(name))) {
          add(digests, rs, query, excluded);
        }
      }
    }
    return hex(digests);
  }

  private static Map<String, String> hex(Map<String, MessageDigest> digests) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    digests.forEach((table, digest) -> out.put(table, HexFormat.of().formatHex(digest.digest())));
    return out;
  }

  private static void add(
      Map<String, MessageDigest> digests, ResultSet rs, int query, Predicate<String> excluded)
      throws SQLException {
    while (rs.next()) {
      String table = rs.getString(1);
      if (table == null || excluded.test(table)) {
        continue;
      }
      MessageDigest digest = digests.computeIfAbsent(table, t -> sha256());
      digest.update((byte) query);
      digest.update(String.valueOf(rs.getString(2)).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
  }

  /** A MySQL digest query limited to the table its one parameter names, in the same order. */
  private static String narrowed(String sql) {
    int order = sql.lastIndexOf(" ORDER BY ");
    return sql.substring(0, order) + " AND TABLE_NAME = ?" + sql.substring(order);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The digest of a table's text when its catalog has one digest query (PostgreSQL). */
  static String digest(String text) {
    MessageDigest digest = sha256();
    digest.update((byte) 1);
    digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * PostgreSQL's one digest query, over the tables meeting {@code condition} ({@code c} is their
   * pg_class row), its columns after {@code leading}: one row per table, its columns, constraints
   * and indexes already digested. Raw catalog columns (expressions as stored node trees) cost half
   * what deparsing them with pg_get_expr, pg_get_constraintdef and pg_get_indexdef did.
   */
  static String postgresDigests(String condition, String leading) {
    return digestColumns(leading)
        + " FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
        + " AND c.relkind IN ('r', 'p') AND "
        + condition;
  }

  /**
   * The same over the tables a subquery names (its one column {@code name}), each found through
   * pg_class's index on name and schema rather than by reading all of pg_class.
   */
  static String postgresDigestsOfNamed(String names, String leading) {
    return digestColumns(leading)
        + " FROM "
        + names
        + " t CROSS JOIN LATERAL (SELECT * FROM pg_class c WHERE c.relname = t.name"
        + " AND c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
        // OFFSET 0 keeps the planner from turning the lookups back into a join of all pg_class
        + " OFFSET 0) c";
  }

  private static String digestColumns(String leading) {
    return "SELECT "
        + leading
        + "c.relname, md5(concat_ws('|',"
        + " (SELECT string_agg(concat_ws(':', a.attname,"
        + " format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,"
        + " a.attgenerated, a.attcollation, d.adbin), ',' ORDER BY a.attnum)"
        + " FROM pg_attribute a LEFT JOIN pg_attrdef d"
        + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),"
        + " (SELECT string_agg(concat_ws(':', k.conname, k.contype, k.conkey, k.confkey,"
        + " f.relname, k.confupdtype, k.confdeltype, k.convalidated, k.conbin), ','"
        + " ORDER BY k.conname) FROM pg_constraint k LEFT JOIN pg_class f"
        + " ON f.oid = k.confrelid WHERE k.conrelid = c.oid),"
        + " (SELECT string_agg(concat_ws(':', i.relname, i.relam, x.indisunique,"
        + " x.indkey, x.indoption, x.indcollation, x.indexprs, x.indpred), ','"
        + " ORDER BY i.relname) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
        + " WHERE x.indrelid = c.oid),"
        + " (SELECT string_agg(concat_ws(':', e.objsubid, e.description), ',' ORDER BY e.objsubid)"
        + " FROM pg_description e WHERE e.objoid = c.oid"
        + " AND e.classoid = 'pg_class'::regclass)))";
  }

  static List<String> queries(CatalogQueries queries) {
    if (queries instanceof PostgresCatalog) {
      return List.of(postgresDigests("TRUE", "") + " ORDER BY c.relname");
    }
    if (queries instanceof MySqlCatalog m) {
      return List.of(
          "SELECT TABLE_NAME, CONCAT_WS(':', COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE,"
              + " IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '~'), EXTRA, IFNULL(COLLATION_NAME, '~'),"
              + " IFNULL(GENERATION_EXPRESSION, '~'), COLUMN_COMMENT) FROM information_schema.COLUMNS"
              + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION",
          "SELECT TABLE_NAME, CONCAT_WS(':', TABLE_COLLATION, TABLE_COMMENT)"
              + " FROM information_schema.TABLES"
              + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
          "SELECT TABLE_NAME, CONCAT_WS(':', INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, "
              + m.keyPart()
              + ","
              + " IFNULL(COLLATION, '~'))"
              + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
              + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
          // no joins and no TABLE_CONSTRAINTS: those cost ten times as much on MariaDB, and
          // STATISTICS already shows primary keys and unique constraints
          "SELECT TABLE_NAME, CONCAT_WS(':', CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME,"
              + " REFERENCED_COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE"
              + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
              + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
          "SELECT TABLE_NAME, CONCAT_WS(':', CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE)"
              + " FROM information_schema.REFERENTIAL_CONSTRAINTS"
              + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME",
          // MySQL's CHECK_CONSTRAINTS has no table column; MariaDB's does
          (m.mariaDb() ? "SELECT TABLE_NAME" : SHARED_ROWS)
              + ", CONCAT_WS(':', CONSTRAINT_NAME, CHECK_CLAUSE)"
              + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
              + " ORDER BY CONSTRAINT_NAME, CHECK_CLAUSE");
    }
    // SQLite keeps the whole schema as CREATE text (views and triggers too), rewritten by every
    // ALTER
    return List.of(
        "SELECT tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY tbl_name, name");
  }
}
