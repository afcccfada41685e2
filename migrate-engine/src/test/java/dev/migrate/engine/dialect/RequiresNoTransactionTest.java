package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequiresNoTransactionTest {
  private static final Dialect PG = Dialect.of(DatabaseKind.POSTGRESQL);
  private static final Dialect MY = Dialect.of(DatabaseKind.MYSQL);
  private static final Dialect LITE = Dialect.of(DatabaseKind.SQLITE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX CONCURRENTLY ix ON t (a)",
        "create unique index concurrently ix on t (a)",
        "  -- make it fast\n  CREATE\n\tINDEX   CONCURRENTLY ix ON t (a)",
        "/* online */ DROP INDEX CONCURRENTLY ix",
        "REINDEX INDEX CONCURRENTLY ix",
        "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
        "REINDEX DATABASE app",
        "VACUUM",
        "vacuum full analyze t",
        "CREATE DATABASE other",
        "DROP DATABASE other",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "ALTER TYPE mood ADD VALUE 'meh'",
        "alter type mood add value if not exists 'meh' after 'ok'"
      })
  void postgresStatementsOutsideTransactions(String sql) {
    assertThat(PG.requiresNoTransaction(sql)).as(sql).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX ix ON t (a)",
        "CREATE INDEX concurrently_named ON t (a)",
        "SELECT 'VACUUM'",
        "-- VACUUM\nSELECT 1",
        "ALTER TYPE mood RENAME VALUE 'a' TO 'b'",
        "CREATE TABLE vacuum_log (id INTEGER)",
        "INSERT INTO t VALUES ('CREATE INDEX CONCURRENTLY')"
      })
  void postgresStatementsInsideTransactions(String sql) {
    assertThat(PG.requiresNoTransaction(sql)).as(sql).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "VACUUM",
        "PRAGMA foreign_keys=OFF",
        "pragma Foreign_Keys = on",
        "/* c */ PRAGMA main.foreign_keys=ON"
      })
  void sqliteStatementsOutsideTransactions(String sql) {
    assertThat(LITE.requiresNoTransaction(sql)).as(sql).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRAGMA foreign_key_check",
        "PRAGMA defer_foreign_keys=ON",
        "CREATE INDEX CONCURRENTLY ix ON t (a)",
        "SELECT 1"
      })
  void sqliteStatementsInsideTransactions(String sql) {
    assertThat(LITE.requiresNoTransaction(sql)).as(sql).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"VACUUM", "CREATE DATABASE x", "CREATE INDEX ix ON t (a)"})
  void mysqlNeverAsks(String sql) {
    assertThat(MY.requiresNoTransaction(sql)).isFalse();
  }

  @Test
  void transactionalDdlPerDialect() {
    assertThat(PG.transactionalDdl()).isTrue();
    assertThat(LITE.transactionalDdl()).isTrue();
    assertThat(MY.transactionalDdl()).isFalse();
  }
}
