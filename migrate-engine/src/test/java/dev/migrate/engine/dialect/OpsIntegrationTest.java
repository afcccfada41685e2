package dev.migrate.engine.dialect;

import static dev.migrate.engine.ops.Columns.check;
import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.unique;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.BOOLEAN;
import static dev.migrate.engine.schema.ColumnType.DATE;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.TEXT;
import static dev.migrate.engine.schema.ColumnType.TIMESTAMP;
import static dev.migrate.engine.schema.ColumnType.UUID;
import static dev.migrate.engine.schema.ColumnType.decimal;
import static dev.migrate.engine.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each operation executed on a real database, checked through JDBC DatabaseMetaData. */
class OpsIntegrationTest {

  private interface Body {
    void run(Schema schema) throws Exception;
  }

  private static void on(DatabaseKind kind, Body body) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      body.run(new Schema(connection, Dialect.of(kind)));
    }
  }

  private static Ops people() {
    return new Ops()
        .createTable(
            "person",
            column("id", INTEGER).primaryKey().autoincrement(),
            column("email", varchar(100)).notNull(),
            unique("uq_person_email", "email"));
  }

  private static Ops tasks() {
    return new Ops()
        .createTable(
            "task",
            column("id", INTEGER).primaryKey(),
            column("title", varchar(200)).notNull(),
            column("done", BOOLEAN).notNull().defaultValue("false"),
            column("price", decimal(10, 2)),
            column("owner_id", INTEGER),
            foreignKey(
                "fk_task_owner",
                List.of("owner_id"),
                "person",
                List.of("id"),
                ReferentialAction.CASCADE,
                null),
            check("ck_task_price", "price >= 0"));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void createAndDropTable(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.apply(tasks());
          Map<String, Schema.Col> columns = s.columns("task");
          assertThat(columns).containsOnlyKeys("id", "title", "done", "price", "owner_id");
          assertThat(columns.get("title").size()).isEqualTo(200);
          assertThat(columns.get("title").nullable()).isFalse();
          assertThat(columns.get("price").nullable()).isTrue();
          assertThat(columns.get("done").defaultValue()).isNotNull();
          assertThat(s.primaryKey("task")).containsExactly("id");
          assertThat(s.foreignKeys("task")).containsExactly("owner_id->person.id");
          // SQLite names the index of a unique constraint itself (sqlite_autoindex_person_1)
          assertThat(s.indexes("person")).containsValue("unique:email");

          s.sql("INSERT INTO person (email) VALUES ('a@x')");
          s.sql("INSERT INTO person (email) VALUES ('b@x')");
          assertThat(s.rows("SELECT id FROM person ORDER BY id").toString())
              .isEqualTo("[[1], [2]]");
          assertThat(s.fails("INSERT INTO person (email) VALUES ('a@x')")).isTrue();
          s.sql("INSERT INTO task (id, title, owner_id) VALUES (1, 't', 1)");
          assertThat(s.fails("INSERT INTO task (id, title, price) VALUES (2, 't', -1)")).isTrue();
          assertThat(s.fails("INSERT INTO task (id, title) VALUES (3, NULL)")).isTrue();

          s.apply(new Ops().dropTable("task"));
          assertThat(s.tableExists("task")).isFalse();
          assertThat(s.tableExists("person")).isTrue();
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void renameTableKeepsRows(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.sql("INSERT INTO person (email) VALUES ('a@x')");
          s.apply(new Ops().renameTable("person", "member"));
          assertThat(s.tableExists("person")).isFalse();
          assertThat(s.count("member")).isEqualTo(1);
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void addAndDropColumnsKeepRows(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.sql("INSERT INTO person (email) VALUES ('a@x')");
          s.apply(
              new Ops()
                  .addColumn("person", column("active", BOOLEAN).notNull().defaultValue("true"))
                  .addColumn("person", column("nick", varchar(30)))
                  .addColumn("person", column("Order", INTEGER).defaultValue("7")));
          Map<String, Schema.Col> columns = s.columns("person");
          assertThat(columns).containsKeys("active", "nick", "Order");
          assertThat(columns.get("active").nullable()).isFalse();
          assertThat(columns.get("nick").nullable()).isTrue();
          assertThat(
                  s.rows(
                          "SELECT email, \"Order\" FROM person"
                              .replace('"', kind == DatabaseKind.MYSQL ? '`' : '"'))
                      .toString())
              .isEqualTo("[[a@x, 7]]");

          s.apply(new Ops().dropColumn("person", "nick").dropColumn("person", "Order"));
          assertThat(s.columns("person")).containsOnlyKeys("id", "email", "active");
          assertThat(s.count("person")).isEqualTo(1);
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void alterColumnChangesTypeNullabilityDefaultAndName(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.apply(tasks());
          s.sql("INSERT INTO person (email) VALUES ('a@x')");
          s.sql("INSERT INTO task (id, title, owner_id) VALUES (1, 'first', 1)");
          Ops widen = new Ops();
          widen.alterColumn("task", "title").type(varchar(300));
          s.apply(widen);
          assertThat(s.columns("task").get("title").size()).isEqualTo(300);
          assertThat(s.columns("task").get("title").nullable()).isFalse();

          Ops relax = new Ops();
          relax.alterColumn("task", "title").nullable(true).defaultValue("'untitled'");
          s.apply(relax);
          Schema.Col title = s.columns("task").get("title");
          assertThat(title.nullable()).isTrue();
          assertThat(title.defaultValue()).contains("untitled");
          assertThat(title.size()).isEqualTo(300);

          Ops drop = new Ops();
          drop.alterColumn("task", "title").dropDefault().rename("name");
          s.apply(drop);
          assertThat(s.columns("task")).containsKey("name").doesNotContainKey("title");
          assertThat(s.columns("task").get("name").defaultValue()).isIn(null, "NULL");
          assertThat(s.rows("SELECT name FROM task").toString()).isEqualTo("[[first]]");
          assertThat(s.foreignKeys("task")).containsExactly("owner_id->person.id");
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void createAndDropIndexes(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.apply(tasks());
          s.apply(
              new Ops()
                  .createIndex("ix_task_title", "task", "title", "done")
                  .createUniqueIndex("ux_task_price", "task", "price"));
          assertThat(s.indexes("task"))
              .containsEntry("ix_task_title", "title,done")
              .containsEntry("ux_task_price", "unique:price");
          s.apply(new Ops().dropIndex("ix_task_title", "task").dropIndex("ux_task_price", "task"));
          assertThat(s.indexes("task")).doesNotContainKeys("ix_task_title", "ux_task_price");
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void createAndDropConstraints(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.apply(
              new Ops()
                  .createTable(
                      "note",
                      column("id", INTEGER).notNull(),
                      column("author_id", INTEGER),
                      column("code", varchar(20)),
                      column("stars", INTEGER)));
          s.sql("INSERT INTO person (email) VALUES ('a@x')");
          s.sql("INSERT INTO note (id, author_id, code, stars) VALUES (1, 1, 'n1', 3)");
          s.apply(
              new Ops()
                  .createPrimaryKey("pk_note", "note", "id")
                  .createUniqueConstraint("uq_note_code", "note", "code")
                  .createForeignKey("fk_note_author", "note", "author_id", "person", "id")
                  .createCheckConstraint("ck_note_stars", "note", "stars BETWEEN 0 AND 5"));
          assertThat(s.primaryKey("note")).containsExactly("id");
          assertThat(s.indexes("note")).containsValue("unique:code");
          assertThat(s.foreignKeys("note")).containsExactly("author_id->person.id");
          assertThat(s.fails("INSERT INTO note (id, code, stars) VALUES (2, 'n2', 9)")).isTrue();
          assertThat(s.fails("INSERT INTO note (id, code, stars) VALUES (2, 'n1', 1)")).isTrue();
          assertThat(s.fails("INSERT INTO note (id, code, stars) VALUES (1, 'n3', 1)")).isTrue();
          assertThat(s.count("note")).isEqualTo(1);

          s.apply(
              new Ops()
                  .dropConstraint("fk_note_author", "note", ConstraintKind.FOREIGN_KEY)
                  .dropConstraint("uq_note_code", "note", ConstraintKind.UNIQUE)
                  .dropConstraint("ck_note_stars", "note", ConstraintKind.CHECK)
                  .dropConstraint("pk_note", "note", ConstraintKind.PRIMARY_KEY));
          assertThat(s.primaryKey("note")).isEmpty();
          assertThat(s.foreignKeys("note")).isEmpty();
          assertThat(s.indexes("note")).doesNotContainValue("unique:code");
          s.sql("INSERT INTO note (id, code, stars) VALUES (1, 'n1', 9)");
          assertThat(s.count("note")).isEqualTo(2);
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void bulkInsertWritesEveryKindOfValue(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(
              new Ops()
                  .createTable(
                      "sample",
                      column("id", BIGINT).primaryKey(),
                      column("label", TEXT),
                      column("flag", BOOLEAN),
                      column("amount", decimal(8, 3)),
                      column("day", DATE),
                      column("at", TIMESTAMP),
                      column("ref", UUID),
                      column("ratio", ColumnType.DOUBLE)));
          java.util.UUID ref = java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
          s.apply(
              new Ops()
                  .bulkInsert(
                      "sample",
                      List.of("id", "label", "flag", "amount", "day", "at", "ref", "ratio"),
                      List.of(
                          List.of(
                              1L,
                              "it's \\ \"q\" ü",
                              true,
                              new BigDecimal("12.345"),
                              LocalDate.of(2024, 2, 29),
                              LocalDateTime.of(2024, 2, 29, 13, 5, 7),
                              ref,
                              0.25),
                          Arrays.asList(2L, null, false, null, null, null, null, null))));
          List<List<Object>> rows =
              s.rows("SELECT label, flag, amount, day, at, ref, ratio FROM sample ORDER BY id");
          assertThat(rows).hasSize(2);
          List<Object> first = rows.get(0);
          assertThat(first.get(0)).isEqualTo("it's \\ \"q\" ü");
          assertThat(String.valueOf(first.get(1))).isIn("true", "1");
          assertThat(new BigDecimal(String.valueOf(first.get(2)))).isEqualByComparingTo("12.345");
          assertThat(String.valueOf(first.get(3))).startsWith("2024-02-29");
          assertThat(String.valueOf(first.get(4))).startsWith("2024-02-29").contains("13:05:07");
          assertThat(String.valueOf(first.get(5))).isEqualTo(ref.toString());
          assertThat(((Number) first.get(6)).doubleValue()).isEqualTo(0.25);
          assertThat(rows.get(1).get(0)).isNull();
          assertThat(String.valueOf(rows.get(1).get(1))).isIn("false", "0");
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void executeRunsRawSql(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          s.apply(new Ops().execute("INSERT INTO person (email) VALUES ('raw@x')"));
          assertThat(s.count("person")).isEqualTo(1);
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void everyPortableTypeCreates(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          List<ColumnType> types =
              List.of(
                  ColumnType.SMALLINT,
                  ColumnType.INTEGER,
                  ColumnType.BIGINT,
                  varchar(10),
                  ColumnType.fixedChar(2),
                  ColumnType.TEXT,
                  ColumnType.BOOLEAN,
                  ColumnType.DATE,
                  ColumnType.TIME,
                  ColumnType.TIMESTAMP,
                  ColumnType.TIMESTAMP_TZ,
                  ColumnType.REAL,
                  ColumnType.DOUBLE,
                  decimal(12, 4),
                  ColumnType.BLOB,
                  ColumnType.UUID,
                  ColumnType.JSON);
          Ops ops = new Ops();
          dev.migrate.engine.ops.TableElement[] columns =
              new dev.migrate.engine.ops.TableElement[types.size() + 1];
          columns[0] = column("id", INTEGER).primaryKey();
          for (int i = 0; i < types.size(); i++) {
            columns[i + 1] = column("c" + i, types.get(i));
          }
          ops.createTable("everything", columns);
          s.apply(ops);
          assertThat(s.columns("everything")).hasSize(types.size() + 1);
          s.sql("INSERT INTO everything (id) VALUES (1)");
          assertThat(s.rows("SELECT * FROM everything").get(0).subList(1, types.size() + 1))
              .containsOnlyNulls();
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void alterColumnTypeKeepsDefaultAndNullability(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(
              new Ops()
                  .createTable(
                      "item",
                      column("id", INTEGER).primaryKey().autoincrement(),
                      column("status", varchar(10)).notNull().defaultValue("'open'")));
          s.sql("INSERT INTO item (status) VALUES ('done')");
          Ops widen = new Ops();
          widen.alterColumn("item", "status").type(varchar(40));
          s.apply(widen);
          Schema.Col status = s.columns("item").get("status");
          assertThat(status.size()).isEqualTo(40);
          assertThat(status.nullable()).isFalse();
          assertThat(status.defaultValue()).contains("open");
          s.sql(
              kind == DatabaseKind.SQLITE
                  ? "INSERT INTO item DEFAULT VALUES"
                  : "INSERT INTO item (status) VALUES (DEFAULT)");
          assertThat(s.rows("SELECT id, status FROM item ORDER BY id").toString())
              .isEqualTo("[[1, done], [2, open]]");
        });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void concurrentIndexRunsOutsideATransaction(DatabaseKind kind) throws Exception {
    on(
        kind,
        s -> {
          s.apply(people());
          List<String> run =
              s.apply(
                  new Ops()
                      .createIndexConcurrently("ix_person_email", "person", "email")
                      .dropIndexConcurrently("ix_person_email", "person"));
          assertThat(run.get(0).contains("CONCURRENTLY"))
              .isEqualTo(kind == DatabaseKind.POSTGRESQL);
          assertThat(s.indexes("person")).doesNotContainKey("ix_person_email");
        });
  }
}
