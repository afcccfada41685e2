package dev.migrate.engine.schema;

import dev.migrate.engine.dialect.DatabaseKind;
import java.util.List;

/**
 * The catalog queries behind {@link SchemaReader#fingerprint}: each returns (table, text) rows
 * covering everything a snapshot reads, computed in the database so that only short rows travel.
 * Objects besides tables (views, sequences, enum types, triggers) are few: the fingerprint digests
 * them as {@link SchemaObjects} reads them.
 */
final class Fingerprints {
  private Fingerprints() {}

  static List<String> queries(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              // one row per table: its columns, constraints and indexes, already digested
              "SELECT c.relname, md5(concat_ws('|',"
                  + " (SELECT string_agg(concat_ws(':', a.attname, a.atttypid, a.atttypmod,"
                  + " a.attnotnull, a.attidentity, a.attgenerated, a.attcollation,"
                  + " pg_get_expr(d.adbin, d.adrelid)), ','"
                  + " ORDER BY a.attnum) FROM pg_attribute a LEFT JOIN pg_attrdef d"
                  + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                  + " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),"
                  + " (SELECT string_agg(concat_ws(':', k.conname, pg_get_constraintdef(k.oid)), ','"
                  + " ORDER BY k.conname) FROM pg_constraint k WHERE k.conrelid = c.oid),"
                  + " (SELECT string_agg(pg_get_indexdef(x.indexrelid), ',' ORDER BY x.indexrelid)"
                  + " FROM pg_index x WHERE x.indrelid = c.oid)))"
                  + " FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
                  + " AND c.relkind IN ('r', 'p') ORDER BY c.relname");
      case MYSQL ->
          List.of(
              "SELECT TABLE_NAME, CONCAT_WS(':', COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE,"
                  + " IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '~'), EXTRA, IFNULL(COLLATION_NAME, '~'),"
                  + " IFNULL(GENERATION_EXPRESSION, '~')) FROM information_schema.COLUMNS"
                  + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION",
              "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
                  + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
              "SELECT TABLE_NAME, CONCAT_WS(':', INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME,"
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
              "SELECT '~', CONCAT_WS(':', CONSTRAINT_NAME, CHECK_CLAUSE)"
                  + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                  + " ORDER BY CONSTRAINT_NAME, CHECK_CLAUSE");
      // SQLite keeps the whole schema as CREATE text (views and triggers too), rewritten by every
      // ALTER
      case SQLITE ->
          List.of(
              "SELECT tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY tbl_name, name");
    };
  }
}
