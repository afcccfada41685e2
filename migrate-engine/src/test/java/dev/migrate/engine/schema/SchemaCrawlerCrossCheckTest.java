package dev.migrate.engine.schema;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.testing.SchemaCrawlerCatalogs;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.TableConstraintColumn;

/**
 * SchemaReader loads through SchemaCrawler with its own bulk catalog queries; SchemaCrawler's
 * default loading of the same schema (its database plugins and per-table metadata calls) serves
 * here as an independent check of the structure: tables, columns in order, primary keys and foreign
 * keys, table and column comments (its remarks), and the names of functions and procedures. Neither
 * load may print SchemaCrawler's INFO lines.
 */
class SchemaCrawlerCrossCheckTest {

  private static Ops schema() {
    Ops ops = new Ops();
    for (int i = 1; i <= 4; i++) {
      List<dev.migrate.engine.ops.TableElement> elements = new ArrayList<>();
      elements.add(column("id", dev.migrate.engine.schema.ColumnType.INTEGER).primaryKey());
      elements.add(column("name", dev.migrate.engine.schema.ColumnType.varchar(50)).notNull());
      elements.add(column("amount", dev.migrate.engine.schema.ColumnType.decimal(8, 2)));
      if (i > 1) {
        elements.add(column("up_a", dev.migrate.engine.schema.ColumnType.INTEGER));
        elements.add(column("up_b", dev.migrate.engine.schema.ColumnType.varchar(50)));
        elements.add(
            foreignKey("fk_t" + i, List.of("up_a", "up_b"), "t" + (i - 1), List.of("id", "name")));
      }
      elements.add(unique("uq_t" + i + "_id_name", "id", "name"));
      ops.createTable("t" + i, elements.toArray(dev.migrate.engine.ops.TableElement[]::new));
      ops.createIndex("ix_t" + i + "_amount", "t" + i, "amount", "name");
    }
    return ops;
  }

  /** Comments and routines, where the database has them. */
  private static List<String> commentsAndRoutines(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              "COMMENT ON TABLE t1 IS 'first table'",
              "COMMENT ON COLUMN t2.name IS 'the name'",
              "CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 1'",
              "CREATE PROCEDURE reset_t1() LANGUAGE sql AS 'DELETE FROM t1'");
      case MYSQL ->
          List.of(
              "ALTER TABLE t1 COMMENT 'first table'",
              "ALTER TABLE t2 MODIFY name VARCHAR(50) NOT NULL COMMENT 'the name'",
              "CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC RETURN x + 1",
              "CREATE PROCEDURE reset_t1() BEGIN DELETE FROM t1; END");
      case SQLITE -> List.of();
    };
  }

  /** Tables with their columns, primary key and foreign keys, as comparable text. */
  private static TreeMap<String, List<String>> structure(Schema schema) {
    TreeMap<String, List<String>> out = new TreeMap<>();
    schema.routines().forEach(r -> out.put("routine " + r.name(), List.of()));
    for (Schema.Table t : schema.tables()) {
      List<String> lines = new ArrayList<>();
      lines.add("comment " + t.comment());
      t.columns().forEach(c -> lines.add("column " + c.name() + " comment " + c.comment()));
      lines.add("pk " + t.primaryKey().columns());
      t.foreignKeys().stream()
          .map(f -> "fk " + f.columns() + " -> " + f.referencedTable() + f.referencedColumns())
          .sorted()
          .forEach(lines::add);
      out.put(t.name().toLowerCase(Locale.ROOT), lines);
    }
    return out;
  }

  private static TreeMap<String, List<String>> structure(Catalog catalog) {
    TreeMap<String, List<String>> out = new TreeMap<>();
    catalog.getRoutines().forEach(r -> out.put("routine " + r.getName(), List.of()));
    for (schemacrawler.schema.Table t : catalog.getTables()) {
      List<String> lines = new ArrayList<>();
      lines.add("comment " + remarks(t));
      t.getColumns().forEach(c -> lines.add("column " + c.getName() + " comment " + remarks(c)));
      lines.add(
          "pk "
              + t.getPrimaryKey().getConstrainedColumns().stream()
                  .map(TableConstraintColumn::getName)
                  .toList());
      t.getImportedForeignKeys().stream()
          .map(
              f ->
                  "fk "
                      + f.getColumnReferences().stream()
                          .map(r -> r.getForeignKeyColumn().getName())
                          .toList()
                      + " -> "
                      + f.getReferencedTable().getName()
                      + f.getColumnReferences().stream()
                          .map(ColumnReference::getPrimaryKeyColumn)
                          .map(schemacrawler.schema.Column::getName)
                          .toList())
          .sorted()
          .forEach(lines::add);
      out.put(t.getName().toLowerCase(Locale.ROOT), lines);
    }
    return out;
  }

  /** SchemaCrawler's remarks, "" for none, as null. */
  private static String remarks(schemacrawler.schema.DescribedObject object) {
    return object.hasRemarks() ? object.getRemarks() : null;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void readsTheStructureSchemaCrawlerReadsQuietly(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      for (Operation operation : schema().operations()) {
        for (String sql : Dialect.of(kind).render(operation, c)) {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String sql : commentsAndRoutines(kind)) {
          s.execute(sql);
        }
      }
      List<LogRecord> logged = new ArrayList<>();
      Handler capture =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                logged.add(record);
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      Logger root = Logger.getLogger("");
      root.addHandler(capture);
      Schema read;
      Catalog catalog;
      try {
        read = new SchemaReader().read(c);
        // Connector/J reports table remarks only when it reads information_schema
        try (Connection crawled =
            kind == DatabaseKind.MYSQL
                ? java.sql.DriverManager.getConnection(db.url() + "&useInformationSchema=true")
                : db.connect()) {
          catalog =
              SchemaCrawlerCatalogs.load(
                  crawled, SchemaCrawlerCatalogs.options(crawled, kind, true));
        }
      } finally {
        root.removeHandler(capture);
      }

      assertThat(structure(read)).isEqualTo(structure(catalog));
      assertThat(structure(catalog)).hasSize(kind == DatabaseKind.SQLITE ? 4 : 6);
      if (kind != DatabaseKind.SQLITE) {
        assertThat(read.table("t1").orElseThrow().comment()).isEqualTo("first table");
      }
      assertThat(logged).as("SchemaCrawler's INFO lines").isEmpty();
    }
  }
}
