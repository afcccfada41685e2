package dev.migrate.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a revision can leave behind besides tables, columns and keys, on real databases: views,
 * sequences, enum types, triggers, functions and procedures, table and column comments, column
 * collations and generated expressions, expression, DESC and partial indexes, NOT VALID checks.
 * Each is read into the snapshot, and each change a forgetful downgrade could make is one
 * difference between the snapshots before and after it, and changes the fingerprint.
 */
class CatalogObjectsTest {
  private final SchemaReader reader = new SchemaReader();

  private static final Difference.Sides STAIRWAY =
      new Difference.Sides("after the downgrade", "before the upgrade", "there ", false);

  /** Statements run together, and the differences they must make, in plain words. */
  private record Change(List<String> statements, List<String> differences) {
    static Change of(String statement, String... differences) {
      return new Change(List.of(statement), List.of(differences));
    }

    static Change of(List<String> statements, String... differences) {
      return new Change(statements, List.of(differences));
    }
  }

  private static List<String> setup(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              "CREATE TYPE mood AS ENUM ('sad', 'happy')",
              "CREATE SEQUENCE counter START 5 INCREMENT 2",
              "CREATE TABLE t (id int PRIMARY KEY, name text COLLATE \"C\","
                  + " g int GENERATED ALWAYS AS (id * 2) STORED, n int, m mood, s serial)",
              "CREATE INDEX ix_expr ON t (lower(name))",
              "CREATE INDEX ix_desc ON t (n DESC, id)",
              "CREATE INDEX ix_part ON t (n) WHERE n > 0",
              "ALTER TABLE t ADD CONSTRAINT ck_n CHECK (n > 0) NOT VALID",
              "CREATE VIEW v AS SELECT id, n FROM t WHERE n > 1",
              "CREATE MATERIALIZED VIEW mv AS SELECT id FROM t",
              "CREATE FUNCTION trg_f() RETURNS trigger LANGUAGE plpgsql AS"
                  + " $$BEGIN RETURN NEW; END$$",
              "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg_f()",
              "COMMENT ON TABLE t IS 'things'",
              "COMMENT ON COLUMN t.n IS 'a number'",
              "CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE"
                  + " AS 'SELECT x + 1'",
              "CREATE PROCEDURE reset_n() LANGUAGE sql AS 'UPDATE t SET n = 0'");
      case MYSQL ->
          List.of(
              "CREATE TABLE t (id int PRIMARY KEY, name varchar(20) COLLATE utf8mb4_bin,"
                  + " g int GENERATED ALWAYS AS (id * 2) STORED, n int COMMENT 'a number')"
                  + " COMMENT 'things'",
              "CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1",
              "CREATE PROCEDURE reset_n() BEGIN UPDATE t SET n = 0; END",
              "CREATE INDEX ix_desc ON t (n DESC, id)",
              "CREATE VIEW v AS SELECT id, n FROM t WHERE n > 1",
              "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.n = NEW.n + 1",
              "CREATE SEQUENCE counter START WITH 5 INCREMENT BY 2");
      case SQLITE ->
          List.of(
              "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE,"
                  + " g INT GENERATED ALWAYS AS (id * 2) STORED, h INT AS (id + 1), n INT)",
              "CREATE INDEX ix_expr ON t (lower(name))",
              "CREATE INDEX ix_desc ON t (n DESC, id)",
              "CREATE INDEX ix_part ON t (n) WHERE n > 0",
              "CREATE VIEW v AS SELECT id, n FROM t WHERE n > 1",
              "CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET n = 1 WHERE id = NEW.id;"
                  + " END");
    };
  }

  private static List<Change> changes(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              Change.of(
                  "CREATE OR REPLACE VIEW v AS SELECT id, n FROM t WHERE n > 2",
                  "view v: SELECT t.id, t.n FROM t WHERE t.n > 2 in the database,"
                      + " SELECT t.id, t.n FROM t WHERE t.n > 1 in the models"),
              Change.of(
                  "DROP MATERIALIZED VIEW mv",
                  "materialized view mv (SELECT t.id FROM t) is in the models but not in the"
                      + " database"),
              Change.of(
                  "ALTER SEQUENCE counter INCREMENT 3",
                  "sequence counter: AS bigint START 5 INCREMENT 3 MINVALUE 1 MAXVALUE"
                      + " 9223372036854775807 CACHE 1 NO CYCLE in the database, AS bigint START 5"
                      + " INCREMENT 2 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE in"
                      + " the models"),
              Change.of(
                  "DROP SEQUENCE counter",
                  "sequence counter (AS bigint START 5 INCREMENT 3"
                      + " MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) is in the models"
                      + " but not in the database"),
              Change.of(
                  "ALTER TYPE mood ADD VALUE 'ok'",
                  "enum type mood: ('sad', 'happy', 'ok') in the database, ('sad', 'happy') in"
                      + " the models"),
              Change.of(
                  "DROP TRIGGER trg ON t",
                  "trigger trg on t (CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE"
                      + " FUNCTION trg_f()) is in the models but not in the database"),
              Change.of(
                  "ALTER TABLE t VALIDATE CONSTRAINT ck_n",
                  "check constraint ck_n on t (n > 0): validated in the database, NOT VALID in"
                      + " the models"),
              Change.of(
                  "ALTER TABLE t ALTER COLUMN name TYPE text COLLATE \"POSIX\"",
                  "column t.name: collation POSIX in the database, collation C in the models"),
              Change.of(
                  List.of(
                      "ALTER TABLE t DROP COLUMN g",
                      "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (id * 3) STORED"),
                  "column t.g: generated as (id * 3) STORED in the database, generated as"
                      + " (id * 2) STORED in the models"),
              Change.of(
                  List.of("DROP INDEX ix_part", "CREATE INDEX ix_part ON t (n) WHERE n > 1"),
                  "index ix_part on t(n) WHERE n > 0 is in the models but not in the database",
                  "index ix_part on t(n) WHERE n > 1 is in the database but not in the models"),
              Change.of(
                  List.of("DROP INDEX ix_desc", "CREATE INDEX ix_desc ON t (n, id)"),
                  "index ix_desc on t(n DESC, id) is in the models but not in the database",
                  "index ix_desc on t(n, id) is in the database but not in the models"),
              Change.of(
                  "DROP INDEX ix_expr",
                  "index ix_expr on t((lower(name))) is in the models but not in the database"),
              Change.of(
                  "COMMENT ON TABLE t IS 'the things'",
                  "table t: comment 'the things' in the database, comment 'things' in the models"),
              Change.of(
                  "COMMENT ON COLUMN t.n IS NULL",
                  "column t.n: no comment in the database, comment 'a number' in the models"),
              Change.of(
                  "CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql"
                      + " IMMUTABLE AS 'SELECT x + 2'",
                  "function add_one(integer): CREATE OR REPLACE FUNCTION add_one(x integer)"
                      + " RETURNS integer LANGUAGE sql IMMUTABLE AS $function$SELECT x + 2$function$"
                      + " in the database, CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS"
                      + " integer LANGUAGE sql IMMUTABLE AS $function$SELECT x + 1$function$ in the"
                      + " models"),
              Change.of(
                  "CREATE FUNCTION add_one(x bigint) RETURNS bigint LANGUAGE sql AS 'SELECT x'",
                  "function add_one(bigint) (CREATE OR REPLACE FUNCTION add_one(x bigint) RETURNS"
                      + " bigint LANGUAGE sql AS $function$SELECT x$function$) is in the database"
                      + " but not in the models"),
              Change.of(
                  "DROP PROCEDURE reset_n",
                  "procedure reset_n() (CREATE OR REPLACE PROCEDURE reset_n() LANGUAGE sql AS"
                      + " $procedure$UPDATE t SET n = 0$procedure$) is in the models but not in the"
                      + " database"));
      case MYSQL ->
          List.of(
              Change.of(
                  "CREATE OR REPLACE VIEW v AS SELECT id, n FROM t WHERE n > 2",
                  "view v: select `t`.`id` AS `id`,`t`.`n` AS `n` from `t` where `t`.`n` > 2"
                      + " in the database, select `t`.`id` AS `id`,`t`.`n` AS `n` from `t` where"
                      + " `t`.`n` > 1 in the models"),
              Change.of(
                  "DROP TRIGGER trg",
                  "trigger trg on t (BEFORE INSERT FOR EACH ROW SET NEW.n = NEW.n + 1) is in the"
                      + " models but not in the database"),
              Change.of(
                  "ALTER SEQUENCE counter INCREMENT BY 3",
                  "sequence counter: START 5 INCREMENT 3 MINVALUE 1 MAXVALUE 9223372036854775806"
                      + " CACHE 1000 NO CYCLE in the database, START 5 INCREMENT 2 MINVALUE 1"
                      + " MAXVALUE 9223372036854775806 CACHE 1000 NO CYCLE in the models"),
              Change.of(
                  "DROP SEQUENCE counter",
                  "sequence counter (START 5 INCREMENT 3 MINVALUE 1 MAXVALUE 9223372036854775806"
                      + " CACHE 1000 NO CYCLE) is in the models but not in the database"),
              Change.of(
                  "ALTER TABLE t MODIFY name varchar(20) COLLATE utf8mb4_unicode_ci",
                  "column t.name: collation utf8mb4_unicode_ci in the database, collation"
                      + " utf8mb4_bin in the models"),
              Change.of(
                  List.of(
                      "ALTER TABLE t DROP COLUMN g",
                      "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (id * 3) VIRTUAL"),
                  "column t.g: generated as (`id` * 3) VIRTUAL in the database, generated as"
                      + " (`id` * 2) STORED in the models"),
              Change.of(
                  List.of("DROP INDEX ix_desc ON t", "CREATE INDEX ix_desc ON t (n, id)"),
                  "index ix_desc on t(n DESC, id) is in the models but not in the database",
                  "index ix_desc on t(n, id) is in the database but not in the models"),
              Change.of(
                  "ALTER TABLE t COMMENT 'the things'",
                  "table t: comment 'the things' in the database, comment 'things' in the models"),
              Change.of(
                  "ALTER TABLE t MODIFY n int",
                  "column t.n: no comment in the database, comment 'a number' in the models"),
              Change.of(
                  List.of(
                      "DROP FUNCTION add_one",
                      "CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 2"),
                  "function add_one: CREATE FUNCTION `add_one`(IN x int(11)) RETURNS int(11)"
                      + " DETERMINISTIC CONTAINS SQL SQL SECURITY DEFINER RETURN x + 2 in the"
                      + " database, CREATE FUNCTION `add_one`(IN x int(11)) RETURNS int(11)"
                      + " DETERMINISTIC CONTAINS SQL SQL SECURITY DEFINER RETURN x + 1 in the"
                      + " models"),
              Change.of(
                  "CREATE PROCEDURE add_one() BEGIN SELECT 1; END",
                  "procedure add_one (CREATE PROCEDURE `add_one`() NOT DETERMINISTIC CONTAINS SQL"
                      + " SQL SECURITY DEFINER BEGIN SELECT 1; END) is in the database but not in"
                      + " the models"),
              Change.of(
                  "DROP PROCEDURE reset_n",
                  "procedure reset_n (CREATE PROCEDURE `reset_n`() NOT DETERMINISTIC CONTAINS SQL"
                      + " SQL SECURITY DEFINER BEGIN UPDATE t SET n = 0; END) is in the models but"
                      + " not in the database"));
      case SQLITE ->
          List.of(
              Change.of(
                  List.of("DROP VIEW v", "CREATE VIEW v AS SELECT id, n FROM t WHERE n > 2"),
                  "view v: CREATE VIEW v AS SELECT id, n FROM t WHERE n > 2 in the database,"
                      + " CREATE VIEW v AS SELECT id, n FROM t WHERE n > 1 in the models"),
              Change.of(
                  "DROP TRIGGER trg",
                  "trigger trg on t (CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET n ="
                      + " 1 WHERE id = NEW.id; END) is in the models but not in the database"),
              Change.of(
                  List.of("DROP INDEX ix_expr", "CREATE INDEX ix_expr ON t (upper(name))"),
                  "index ix_expr on t((lower(name))) is in the models but not in the database",
                  "index ix_expr on t((upper(name))) is in the database but not in the models"),
              Change.of(
                  List.of("DROP INDEX ix_part", "CREATE INDEX ix_part ON t (n) WHERE n > 1"),
                  "index ix_part on t(n) WHERE n > 0 is in the models but not in the database",
                  "index ix_part on t(n) WHERE n > 1 is in the database but not in the models"),
              Change.of(
                  List.of("DROP INDEX ix_desc", "CREATE INDEX ix_desc ON t (n, id)"),
                  "index ix_desc on t(n DESC, id) is in the models but not in the database",
                  "index ix_desc on t(n, id) is in the database but not in the models"));
    };
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void eachForgottenChangeIsExactlyItsDifferences(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      run(c, setup(kind));
      Schema before = reader.read(c);
      String fingerprint = reader.fingerprint(c);
      assertThat(describe(SchemaDiff.compare(before, reader.read(c))))
          .as("a snapshot compares equal to the next one")
          .isEmpty();
      for (Change change : changes(kind)) {
        run(c, change.statements());
        Schema after = reader.read(c);
        assertThat(describe(SchemaDiff.compare(before, after)))
            .as("%s after %s", kind, change.statements())
            .containsExactlyInAnyOrderElementsOf(change.differences());
        String next = reader.fingerprint(c);
        assertThat(next).as("fingerprint after %s", change.statements()).isNotEqualTo(fingerprint);
        before = after;
        fingerprint = next;
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void modelsThatStateNoCatalogDetailsCompareNoneButSnapshotsCompareComments(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      run(c, setup(kind));
      Schema snapshot = reader.read(c);
      // as models declared in Java or JPA would have it: tables only, no catalog details
      Schema declared = new Schema(snapshot.tables());
      // and without comments, which the JPA reader cannot state either
      Schema uncommented =
          new Schema(snapshot.tables().stream().map(CatalogObjectsTest::uncommented).toList());

      assertThat(describe(SchemaDiff.compare(declared, snapshot))).isEmpty();
      assertThat(describe(SchemaDiff.compare(snapshot, declared))).isEmpty();
      assertThat(describe(SchemaDiff.compare(uncommented, snapshot))).isEmpty();
      if (kind != DatabaseKind.SQLITE) {
        assertThat(snapshot.table("t").orElseThrow().comment()).isEqualTo("things");
        assertThat(snapshot.table("t").orElseThrow().column("n").orElseThrow().comment())
            .isEqualTo("a number");
        assertThat(snapshot.routines())
            .extracting(Schema.Routine::kind)
            .contains("function", "procedure");
      }
      // between two snapshots, as every verification step compares them, comments count
      Schema uncommentedSnapshot =
          new Schema(
              uncommented.tables(),
              snapshot.views(),
              snapshot.sequences(),
              snapshot.enumTypes(),
              snapshot.routines(),
              true);
      assertThat(
              SchemaDiff.compare(uncommentedSnapshot, snapshot).stream()
                  .map(d -> d.describe(STAIRWAY))
                  .toList())
          .containsExactlyInAnyOrderElementsOf(
              kind == DatabaseKind.SQLITE
                  ? List.of()
                  : List.of(
                      "table t: comment 'things' after the downgrade, no comment before the"
                          + " upgrade",
                      "column t.n: comment 'a number' after the downgrade, no comment before the"
                          + " upgrade"));
    }
  }

  /** The table and its columns without comments. */
  private static Schema.Table uncommented(Schema.Table table) {
    return table
        .withColumns(
            table.columns().stream()
                .map(
                    c ->
                        new Schema.Column(
                            c.name(),
                            c.type(),
                            c.nullable(),
                            c.defaultValue(),
                            c.autoincrement(),
                            c.collation(),
                            c.generated()))
                .toList())
        .withComment(null);
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static List<String> describe(List<Difference> differences) {
    return differences.stream().map(Difference::describe).toList();
  }
}
