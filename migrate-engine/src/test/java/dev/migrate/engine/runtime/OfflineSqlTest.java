package dev.migrate.engine.runtime;

import static dev.migrate.engine.runtime.TestRevisions.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfflineSqlTest {
  private static final List<RevisionScript> GRAPH =
      List.of(
          sql(
              "a",
              List.of(),
              List.of("CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)"),
              List.of("DROP TABLE account")),
          sql(
              "b",
              List.of("a"),
              List.of("ALTER TABLE account ADD COLUMN email VARCHAR(100)"),
              List.of("ALTER TABLE account DROP COLUMN email")));

  private static Migrator offline(DatabaseKind kind) {
    return Migrator.builder(RevisionGraph.of(GRAPH)).databaseKind(kind).appliedBy("dba").build();
  }

  private static String withoutChecksums(String script) {
    return script.replaceAll("'v2:[0-9a-f]{64}'", "'v2:<checksum>'");
  }

  @Test
  void postgresqlUpgradeScript() {
    assertThat(withoutChecksums(offline(DatabaseKind.POSTGRESQL).upgradeSql("head")))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS migrate_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num));

            CREATE TABLE IF NOT EXISTS migrate_history (id BIGSERIAL PRIMARY KEY, revision VARCHAR(32) NOT NULL, direction VARCHAR(16) NOT NULL, checksum VARCHAR(80), down_checksum VARCHAR(80), state VARCHAR(16), applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP, duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL, applied_by VARCHAR(128) NOT NULL);

            BEGIN;

            -- Running upgrade  -> a

            CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

            INSERT INTO migrate_version (version_num) VALUES ('a');

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('a', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');

            COMMIT;

            BEGIN;

            -- Running upgrade a -> b

            ALTER TABLE account ADD COLUMN email VARCHAR(100);

            UPDATE migrate_version SET version_num = 'b' WHERE version_num = 'a';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('b', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');

            COMMIT;
            """);
  }

  @Test
  void mysqlUpgradeScript() {
    assertThat(withoutChecksums(offline(DatabaseKind.MYSQL).upgradeSql("head")))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS migrate_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num));

            CREATE TABLE IF NOT EXISTS migrate_history (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, revision VARCHAR(32) NOT NULL, direction VARCHAR(16) NOT NULL, checksum VARCHAR(80), down_checksum VARCHAR(80), state VARCHAR(16), applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL, applied_by VARCHAR(128) NOT NULL);

            -- Running upgrade  -> a

            CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

            INSERT INTO migrate_version (version_num) VALUES ('a');

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('a', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');

            -- Running upgrade a -> b

            ALTER TABLE account ADD COLUMN email VARCHAR(100);

            UPDATE migrate_version SET version_num = 'b' WHERE version_num = 'a';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('b', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');
            """);
  }

  @Test
  void sqliteUpgradeScript() {
    assertThat(withoutChecksums(offline(DatabaseKind.SQLITE).upgradeSql("head")))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS migrate_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num)) WITHOUT ROWID;

            CREATE TABLE IF NOT EXISTS migrate_history (id INTEGER PRIMARY KEY, revision VARCHAR(32) NOT NULL, direction VARCHAR(16) NOT NULL, checksum VARCHAR(80), down_checksum VARCHAR(80), state VARCHAR(16), applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), duration_ms INTEGER NOT NULL, success INTEGER NOT NULL, applied_by VARCHAR(128) NOT NULL);

            BEGIN;

            -- Running upgrade  -> a

            CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

            INSERT INTO migrate_version (version_num) VALUES ('a');

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('a', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, 1, 'dba');

            COMMIT;

            BEGIN;

            -- Running upgrade a -> b

            ALTER TABLE account ADD COLUMN email VARCHAR(100);

            UPDATE migrate_version SET version_num = 'b' WHERE version_num = 'a';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('b', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, 1, 'dba');

            COMMIT;
            """);
  }

  @Test
  void downgradeScriptFromAStartRevision() {
    assertThat(withoutChecksums(offline(DatabaseKind.POSTGRESQL).downgradeSql("b:base")))
        .isEqualTo(
            """
            BEGIN;

            -- Running downgrade b -> a

            ALTER TABLE account DROP COLUMN email;

            UPDATE migrate_version SET version_num = 'a' WHERE version_num = 'b';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('b', 'downgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');

            COMMIT;

            BEGIN;

            -- Running downgrade a ->

            DROP TABLE account;

            DELETE FROM migrate_version WHERE version_num = 'a';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('a', 'downgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');

            COMMIT;
            """);
  }

  @Test
  void upgradeFromAStartRevisionSkipsTableCreation() {
    assertThat(withoutChecksums(offline(DatabaseKind.SQLITE).upgradeSql("a:b")))
        .isEqualTo(
            """
            BEGIN;

            -- Running upgrade a -> b

            ALTER TABLE account ADD COLUMN email VARCHAR(100);

            UPDATE migrate_version SET version_num = 'b' WHERE version_num = 'a';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, duration_ms, success, applied_by) VALUES ('b', 'upgrade', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, 1, 'dba');

            COMMIT;
            """);
  }

  @Test
  void stampScript() {
    assertThat(withoutChecksums(offline(DatabaseKind.POSTGRESQL).stampSql(List.of("a:b"))))
        .isEqualTo(
            """
            BEGIN;

            -- Running stamp_revision a -> b

            UPDATE migrate_version SET version_num = 'b' WHERE version_num = 'a';

            INSERT INTO migrate_history (revision, direction, checksum, down_checksum, state, \
            duration_ms, success, applied_by) VALUES ('b', 'stamp', 'v2:<checksum>', 'v2:<checksum>', 'done', 0, TRUE, 'dba');

            COMMIT;
            """);
    assertThat(offline(DatabaseKind.MYSQL).stampSql(List.of("b")))
        .startsWith("CREATE TABLE IF NOT EXISTS migrate_version")
        .contains("-- Running stamp_revision  -> b\n\nINSERT INTO migrate_version (version_num)")
        .doesNotContain("BEGIN;");
    assertThatThrownBy(() -> offline(DatabaseKind.SQLITE).stampSql(List.of("a:b", "b:a")))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith(
            "Stamp operation with --sql only supports a single starting revision at a time");
  }

  /** Running the offline script gives the same tables, rows and checksums as an online run. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void offlineScriptDoesWhatAnOnlineRunDoes(DatabaseKind kind) throws Exception {
    try (TestDatabase online = TestDatabases.create(kind);
        TestDatabase scripted = TestDatabases.create(kind)) {
      Migrator m = Migrator.builder(RevisionGraph.of(GRAPH)).url(online.url()).build();
      m.upgrade("head");
      String script = offline(kind).upgradeSql("head");
      // As a client would run it: one session, the script's own BEGIN/COMMIT included.
      try (Connection c = scripted.connect();
          Statement s = c.createStatement()) {
        for (String statement : script.split(";\n\n")) {
          String sql = statement.replaceAll("(?m)^--.*$", "").strip();
          if (!sql.isEmpty()) {
            s.execute(sql);
          }
        }
      }
      Migrator reader = Migrator.builder(RevisionGraph.of(GRAPH)).url(scripted.url()).build();
      assertThat(reader.currentRows()).containsExactly("b");
      assertThat(reader.history())
          .extracting(HistoryEntry::checksum)
          .containsExactlyElementsOf(m.history().stream().map(HistoryEntry::checksum).toList());
      assertThat(reader.checksumMismatches()).isEmpty();
      assertThat(TestRevisions.tableExists(scripted, "account")).isTrue();
    }
  }
}
