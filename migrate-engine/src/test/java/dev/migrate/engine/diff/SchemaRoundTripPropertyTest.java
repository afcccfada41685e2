package dev.migrate.engine.diff;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.model.Models;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.ops.TableElement;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trip, per backend and seed: a random schema declared with the DSL is created on a real
 * database through the operations autogenerate makes for it, read back, and compares equal to
 * itself (in the form the database stores it); one random mutation of the models is then reported
 * as exactly the difference it implies, and nothing else.
 *
 * <p>The generator keeps to what all three backends do alike: no TEXT column in an index or unique
 * constraint (MySQL needs a prefix length there), no BLOB or JSON columns, defaults only literals
 * and CURRENT_TIMESTAMP. A failure message names the backend and seed, the generated models and the
 * mutation; rerun that one case with {@code -Dtest='SchemaRoundTripPropertyTest'}.
 */
class SchemaRoundTripPropertyTest {
  private static final int SEEDS_PER_BACKEND = 20;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (DatabaseKind kind : DatabaseKind.values()) {
      for (int i = 0; i < SEEDS_PER_BACKEND; i++) {
        cases.add(Arguments.of(kind, 1_000L * (kind.ordinal() + 1) + i * 7919L));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void randomSchemaRoundTripsAndASingleMutationIsTheOnlyDifference(DatabaseKind kind, long seed)
      throws Exception {
    Random random = new Random(seed);
    Schema models = generate(random);
    String context = kind + " seed " + seed + "\nmodels: " + models;
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      create(kind, connection, models, context);
      Schema readBack = new SchemaReader().read(connection);

      List<Difference> same = SchemaDiff.compare(SchemaReader.asStored(kind, models), readBack);
      assertThat(describe(same))
          .as("%s\nread back: %s\nthe schema compares equal to itself", context, readBack)
          .isEmpty();

      Mutation mutation = mutate(models, random);
      List<Difference> differences =
          SchemaDiff.compare(SchemaReader.asStored(kind, mutation.models()), readBack);
      String message =
          context
              + "\nmutation: "
              + mutation.description()
              + "\ndifferences: "
              + describe(differences);
      assertThat(differences).as(message).hasSize(1);
      Difference difference = differences.get(0);
      assertThat(difference).as(message).isInstanceOf(mutation.expected());
      assertThat(difference.table()).as(message).isEqualToIgnoringCase(mutation.table());
      if (mutation.column() != null) {
        assertThat(columnOf(difference)).as(message).isEqualToIgnoringCase(mutation.column());
      }
    }
  }

  /**
   * Round trip of what the DSL cannot declare, per backend and seed: on a random schema, random
   * views, sequences, enum types, triggers, functions, commented, collated and generated columns,
   * expression, partial and DESC indexes and NOT VALID checks (where the backend has them) are
   * created with the database's own DDL. Each is exactly one difference against the snapshot before
   * it, the snapshot compares equal to itself, and one random change to one of them (the kind a
   * forgetful downgrade makes) is exactly the differences that change implies.
   */
  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void catalogObjectsRoundTripAndAChangeToOneIsItsOnlyDifference(DatabaseKind kind, long seed)
      throws Exception {
    Random random = new Random(seed);
    Schema models = generate(random);
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      create(kind, connection, models, kind + " seed " + seed);
      if (kind == DatabaseKind.POSTGRESQL) { // the triggers' function, a routine of its own
        execute(connection, List.of(TRIGGER_FUNCTION));
      }
      SchemaReader reader = new SchemaReader();
      Schema plain = reader.read(connection);
      List<Extra> extras = extras(kind, models, random);
      String context = kind + " seed " + seed + "\nmodels: " + models + "\nextras: " + extras;
      for (Extra extra : extras) {
        execute(connection, extra.create());
      }
      Schema withExtras = reader.read(connection);

      assertThat(describe(SchemaDiff.compare(withExtras, reader.read(connection))))
          .as("%s\nthe snapshot compares equal to itself", context)
          .isEmpty();
      assertThat(kinds(SchemaDiff.compare(plain, withExtras)))
          .as(
              "%s\neach extra is one difference: %s",
              context, describe(SchemaDiff.compare(plain, withExtras)))
          .containsExactlyInAnyOrderElementsOf(
              extras.stream().map(e -> e.created().getSimpleName()).toList());

      Extra changed = extras.get(random.nextInt(extras.size()));
      execute(connection, changed.change());
      List<Difference> differences = SchemaDiff.compare(withExtras, reader.read(connection));
      assertThat(kinds(differences))
          .as("%s\nchange: %s\ndifferences: %s", context, changed.change(), describe(differences))
          .containsExactlyInAnyOrderElementsOf(
              changed.changed().stream().map(Class::getSimpleName).toList());
      assertThat(differences)
          .as("%s\nchange: %s", context, changed.change())
          .allSatisfy(d -> assertThat(d.table()).isEqualToIgnoringCase(changed.owner()));
    }
  }

  /**
   * One object the DSL cannot declare: the DDL creating it and the one difference it makes, and a
   * change to it with the differences that makes.
   *
   * @param owner the table it belongs to, or its own name
   */
  record Extra(
      String owner,
      List<String> create,
      Class<? extends Difference> created,
      List<String> change,
      List<Class<? extends Difference>> changed) {}

  private enum ExtraKind {
    VIEW,
    TRIGGER,
    SEQUENCE,
    ENUM_TYPE,
    EXPRESSION_INDEX,
    PARTIAL_INDEX,
    DESC_INDEX,
    COLLATED_COLUMN,
    GENERATED_COLUMN,
    NOT_VALID_CHECK,
    ROUTINE,
    COMMENTED_COLUMN
  }

  private static final String TRIGGER_FUNCTION =
      "CREATE FUNCTION rt_f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$";

  private static boolean has(DatabaseKind kind, ExtraKind extra) {
    return switch (extra) {
      case SEQUENCE, ROUTINE, COMMENTED_COLUMN -> kind != DatabaseKind.SQLITE;
      case ENUM_TYPE, NOT_VALID_CHECK -> kind == DatabaseKind.POSTGRESQL;
      case EXPRESSION_INDEX, PARTIAL_INDEX -> kind != DatabaseKind.MYSQL;
      default -> true;
    };
  }

  /** One to four extras over the generated tables, each named uniquely. */
  static List<Extra> extras(DatabaseKind kind, Schema models, Random random) {
    List<ExtraKind> available =
        Stream.of(ExtraKind.values()).filter(e -> has(kind, e)).collect(Collectors.toList());
    List<Extra> extras = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int n = 0; n < count; n++) {
      ExtraKind extra = available.get(random.nextInt(available.size()));
      String table = models.tables().get(random.nextInt(models.tables().size())).name();
      extras.add(extra(kind, extra, table, n, 1 + random.nextInt(50)));
    }
    return extras;
  }

  private static Extra extra(DatabaseKind kind, ExtraKind extra, String t, int n, int k) {
    boolean pg = kind == DatabaseKind.POSTGRESQL;
    boolean sqlite = kind == DatabaseKind.SQLITE;
    List<Class<? extends Difference>> indexChanged =
        List.of(Difference.MissingIndex.class, Difference.ExtraIndex.class);
    switch (extra) {
      case VIEW -> {
        String v = "v_" + n;
        String query = " AS SELECT id FROM " + t + " WHERE id > ";
        return new Extra(
            v,
            List.of("CREATE VIEW " + v + query + k),
            Difference.ExtraObject.class,
            sqlite
                ? List.of("DROP VIEW " + v, "CREATE VIEW " + v + query + (k + 1))
                : List.of("CREATE OR REPLACE VIEW " + v + query + (k + 1)),
            List.of(Difference.ObjectChanged.class));
      }
      case TRIGGER -> {
        String trg = "trg_" + n;
        List<String> create =
            switch (kind) {
              case POSTGRESQL ->
                  List.of(
                      "CREATE TRIGGER "
                          + trg
                          + " BEFORE INSERT ON "
                          + t
                          + " FOR EACH ROW EXECUTE FUNCTION rt_f()");
              case MYSQL ->
                  List.of(
                      "CREATE TRIGGER "
                          + trg
                          + " BEFORE INSERT ON "
                          + t
                          + " FOR EACH ROW SET @seen = "
                          + k);
              case SQLITE ->
                  List.of(
                      "CREATE TRIGGER "
                          + trg
                          + " AFTER INSERT ON "
                          + t
                          + " BEGIN SELECT "
                          + k
                          + "; END");
            };
        return new Extra(
            t,
            create,
            Difference.ExtraObject.class,
            List.of("DROP TRIGGER " + trg + (pg ? " ON " + t : "")),
            List.of(Difference.MissingObject.class));
      }
      case SEQUENCE -> {
        String seq = "seq_" + n;
        return new Extra(
            seq,
            List.of("CREATE SEQUENCE " + seq + " START " + k),
            Difference.ExtraObject.class,
            List.of("ALTER SEQUENCE " + seq + " INCREMENT BY " + (k + 1)),
            List.of(Difference.ObjectChanged.class));
      }
      case ENUM_TYPE -> {
        String type = "enum_" + n;
        return new Extra(
            type,
            List.of("CREATE TYPE " + type + " AS ENUM ('a', 'b" + k + "')"),
            Difference.ExtraObject.class,
            List.of("ALTER TYPE " + type + " ADD VALUE 'c'"),
            List.of(Difference.ObjectChanged.class));
      }
      case EXPRESSION_INDEX, PARTIAL_INDEX, DESC_INDEX -> {
        String ix = "xi_" + n;
        String on = "CREATE INDEX " + ix + " ON " + t;
        String[] variants =
            switch (extra) {
              case EXPRESSION_INDEX ->
                  new String[] {on + " ((id + " + k + "))", on + " ((id + " + (k + 1) + "))"};
              case PARTIAL_INDEX ->
                  new String[] {on + " (id) WHERE id > " + k, on + " (id) WHERE id > " + (k + 1)};
              default -> new String[] {on + " (id DESC)", on + " (id)"};
            };
        String drop = "DROP INDEX " + ix + (kind == DatabaseKind.MYSQL ? " ON " + t : "");
        return new Extra(
            t,
            List.of(variants[0]),
            Difference.ExtraIndex.class,
            List.of(drop, variants[1]),
            indexChanged);
      }
      case COLLATED_COLUMN -> {
        String col = "col_" + n;
        String alter = "ALTER TABLE " + t;
        return switch (kind) {
          case POSTGRESQL ->
              new Extra(
                  t,
                  List.of(alter + " ADD COLUMN " + col + " text COLLATE \"C\""),
                  Difference.ExtraColumn.class,
                  List.of(alter + " ALTER COLUMN " + col + " TYPE text COLLATE \"POSIX\""),
                  List.of(Difference.CollationChanged.class));
          case MYSQL ->
              new Extra(
                  t,
                  List.of(alter + " ADD COLUMN " + col + " varchar(10) COLLATE utf8mb4_bin"),
                  Difference.ExtraColumn.class,
                  List.of(alter + " MODIFY " + col + " varchar(10) COLLATE utf8mb4_unicode_ci"),
                  List.of(Difference.CollationChanged.class));
          case SQLITE ->
              new Extra(
                  t,
                  List.of(alter + " ADD COLUMN " + col + " TEXT COLLATE NOCASE"),
                  Difference.ExtraColumn.class,
                  List.of(alter + " DROP COLUMN " + col),
                  List.of(Difference.MissingColumn.class));
        };
      }
      case GENERATED_COLUMN -> {
        String col = "gen_" + n;
        String alter = "ALTER TABLE " + t;
        // SQLite adds only VIRTUAL generated columns to an existing table
        String storage = sqlite ? " VIRTUAL" : " STORED";
        // MariaDB refuses an AUTO_INCREMENT column in the expression
        String operand = kind == DatabaseKind.MYSQL ? "2" : "id";
        String add =
            alter + " ADD COLUMN " + col + " BIGINT GENERATED ALWAYS AS (" + operand + " * ";
        return new Extra(
            t,
            List.of(add + k + ")" + storage),
            Difference.ExtraColumn.class,
            List.of(alter + " DROP COLUMN " + col, add + (k + 1) + ")" + storage),
            List.of(Difference.GenerationChanged.class));
      }
      case ROUTINE -> {
        String f = "rf_" + n;
        String body =
            pg ? " RETURNS integer LANGUAGE sql AS 'SELECT " : " RETURNS INT DETERMINISTIC RETURN ";
        String end = pg ? "'" : "";
        return new Extra(
            pg ? f + "()" : f,
            List.of("CREATE FUNCTION " + f + "()" + body + k + end),
            Difference.ExtraObject.class,
            pg
                ? List.of("CREATE OR REPLACE FUNCTION " + f + "()" + body + (k + 1) + end)
                : List.of("DROP FUNCTION " + f, "CREATE FUNCTION " + f + "()" + body + (k + 1)),
            List.of(Difference.ObjectChanged.class));
      }
      case COMMENTED_COLUMN -> {
        String col = "cm_" + n;
        String alter = "ALTER TABLE " + t;
        return pg
            ? new Extra(
                t,
                List.of(
                    alter + " ADD COLUMN " + col + " integer",
                    "COMMENT ON COLUMN " + t + "." + col + " IS 'note " + k + "'"),
                Difference.ExtraColumn.class,
                List.of("COMMENT ON COLUMN " + t + "." + col + " IS 'note " + (k + 1) + "'"),
                List.of(Difference.CommentChanged.class))
            : new Extra(
                t,
                List.of(alter + " ADD COLUMN " + col + " INT COMMENT 'note " + k + "'"),
                Difference.ExtraColumn.class,
                List.of(alter + " MODIFY " + col + " INT COMMENT 'note " + (k + 1) + "'"),
                List.of(Difference.CommentChanged.class));
      }
      case NOT_VALID_CHECK -> {
        String ck = "nv_" + n;
        String alter = "ALTER TABLE " + t;
        return new Extra(
            t,
            List.of(alter + " ADD CONSTRAINT " + ck + " CHECK (id > -" + k + ") NOT VALID"),
            Difference.ExtraCheckConstraint.class,
            List.of(alter + " VALIDATE CONSTRAINT " + ck),
            List.of(Difference.CheckValidityChanged.class));
      }
      default -> throw new IllegalArgumentException(extra.name());
    }
  }

  private static void execute(Connection connection, List<String> statements) throws Exception {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> kinds(List<Difference> differences) {
    return differences.stream().map(d -> d.getClass().getSimpleName()).toList();
  }

  // ---- creating the schema ----

  private static void create(DatabaseKind kind, Connection connection, Schema models, String ctx)
      throws Exception {
    List<Difference> all = SchemaDiff.compare(models, new Schema(List.of()));
    Autogenerate.Result result = Autogenerate.operations(all);
    assertThat(result.notes()).as(ctx).isEmpty();
    Dialect dialect = Dialect.of(kind);
    try (Statement statement = connection.createStatement()) {
      for (Operation op : result.upgrade()) {
        for (String sql : dialect.render(op, connection)) {
          statement.execute(sql);
        }
      }
    }
  }

  // ---- the generator ----

  private static final String[] STRING_DEFAULTS = {"'a'", "'open'", "'x y'", "''"};

  /** 1-5 tables t0..t4, each with a primary key id, 1-5 columns c0.., and maybe keys/indexes. */
  static Schema generate(Random random) {
    Models.Builder builder = Models.builder();
    int tableCount = 1 + random.nextInt(5);
    List<ColumnType> keyTypes = new ArrayList<>();
    for (int t = 0; t < tableCount; t++) {
      String table = "t" + t;
      List<TableElement> elements = new ArrayList<>();
      ColumnType keyType = random.nextBoolean() ? ColumnType.INTEGER : ColumnType.BIGINT;
      keyTypes.add(keyType);
      ColumnDef id = column("id", keyType).primaryKey();
      elements.add(random.nextInt(3) == 0 ? id.autoincrement() : id);
      List<String> indexable = new ArrayList<>();
      int columnCount = 1 + random.nextInt(5);
      for (int c = 0; c < columnCount; c++) {
        String name = "c" + c;
        ColumnType type = randomType(random);
        ColumnDef column = column(name, type);
        if (random.nextBoolean()) {
          column = column.notNull();
        }
        String defaultValue = random.nextInt(4) == 0 ? randomDefault(type, random) : null;
        if (defaultValue != null) {
          column = column.defaultValue(defaultValue);
        }
        elements.add(column);
        if (indexable(type)) {
          indexable.add(name);
        }
      }
      if (t > 0 && random.nextInt(5) < 3) {
        int target = random.nextInt(t);
        String ref = "ref_t" + target;
        ColumnDef refColumn = column(ref, keyTypes.get(target));
        elements.add(random.nextBoolean() ? refColumn.notNull() : refColumn);
        elements.add(
            foreignKey(
                "fk_" + table + "_t" + target,
                List.of(ref),
                "t" + target,
                List.of("id"),
                random.nextBoolean() ? ReferentialAction.CASCADE : null,
                null));
      }
      if (!indexable.isEmpty() && random.nextInt(10) < 3) {
        elements.add(unique("uq_" + table, indexable.get(random.nextInt(indexable.size()))));
      }
      builder.table(table, elements.toArray(TableElement[]::new));
      if (!indexable.isEmpty() && random.nextInt(10) < 6) {
        List<String> columns = new ArrayList<>(indexable);
        java.util.Collections.shuffle(columns, random);
        int width = 1 + random.nextInt(Math.min(2, columns.size()));
        builder.index("ix_" + table, table, columns.subList(0, width).toArray(String[]::new));
      }
    }
    return builder.build();
  }

  static ColumnType randomType(Random random) {
    return switch (random.nextInt(16)) {
      case 0 -> ColumnType.SMALLINT;
      case 1 -> ColumnType.INTEGER;
      case 2 -> ColumnType.BIGINT;
      case 3, 4 -> ColumnType.varchar(1 + random.nextInt(255));
      case 5 -> ColumnType.fixedChar(1 + random.nextInt(20));
      case 6 -> ColumnType.TEXT;
      case 7 -> ColumnType.BOOLEAN;
      case 8 -> ColumnType.DATE;
      case 9 -> random.nextBoolean() ? ColumnType.TIMESTAMP : ColumnType.timestamp(digits(random));
      case 10 -> random.nextBoolean() ? ColumnType.TIME : ColumnType.time(digits(random));
      case 11 -> {
        int precision = 1 + random.nextInt(18);
        yield ColumnType.decimal(precision, random.nextInt(precision + 1));
      }
      case 12 -> ColumnType.DOUBLE;
      case 13 -> ColumnType.REAL;
      case 14 -> ColumnType.UUID;
      default ->
          random.nextBoolean() ? ColumnType.TIMESTAMP_TZ : ColumnType.timestampTz(digits(random));
    };
  }

  /** Digits after the seconds' point other than the default 6. */
  private static int digits(Random random) {
    return random.nextInt(ColumnType.DEFAULT_SECONDS_PRECISION);
  }

  /** A literal default the column's type accepts on every backend, or null for none. */
  static String randomDefault(ColumnType type, Random random) {
    return switch (type.kind()) {
      case SMALLINT, INTEGER, BIGINT -> String.valueOf(random.nextInt(200) - 50);
      case VARCHAR, CHAR -> {
        String value = STRING_DEFAULTS[random.nextInt(STRING_DEFAULTS.length)];
        yield value.length() - 2 <= type.length() ? value : "'b'";
      }
      case BOOLEAN -> random.nextBoolean() ? "TRUE" : "FALSE";
      case DECIMAL -> type.precision() > type.scale() ? String.valueOf(random.nextInt(10)) : "0";
      case DOUBLE, REAL -> "1.5";
      case TIMESTAMP -> "CURRENT_TIMESTAMP";
      default -> null;
    };
  }

  private static boolean indexable(ColumnType type) {
    return type.kind() != ColumnType.Kind.TEXT;
  }

  // ---- mutations ----

  /** The mutated models and the one difference they must produce against the database. */
  record Mutation(
      Schema models,
      String description,
      Class<? extends Difference> expected,
      String table,
      String column) {}

  private enum Kind {
    VARCHAR_LENGTH,
    WIDEN_TYPE,
    NULLABILITY,
    DROP_COLUMN,
    ADD_COLUMN,
    DROP_INDEX,
    ADD_TABLE,
    CHANGE_DEFAULT,
    DROP_UNIQUE,
    DROP_FOREIGN_KEY
  }

  static Mutation mutate(Schema models, Random random) {
    Kind[] kinds = Kind.values();
    int start = random.nextInt(kinds.length);
    for (int i = 0; i < kinds.length; i++) {
      Mutation mutation = tryMutate(kinds[(start + i) % kinds.length], models, random);
      if (mutation != null) {
        return mutation;
      }
    }
    throw new IllegalStateException("adding a table always applies");
  }

  /** The mutation of that kind on a random table and column where it applies, or null. */
  private static Mutation tryMutate(Kind kind, Schema models, Random random) {
    List<Schema.Table> tables = new ArrayList<>(models.tables());
    java.util.Collections.shuffle(tables, random);
    switch (kind) {
      case ADD_TABLE -> {
        Schema.Table added =
            new Schema.Table(
                "added_table",
                List.of(
                    new Schema.Column("id", ColumnType.BIGINT, false, null, false),
                    new Schema.Column("note", randomType(random), true, null, false)),
                new Schema.PrimaryKey(null, List.of("id")),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        List<Schema.Table> all = new ArrayList<>(models.tables());
        all.add(added);
        return new Mutation(
            new Schema(all),
            "add table added_table",
            Difference.MissingTable.class,
            "added_table",
            null);
      }
      case DROP_INDEX, DROP_UNIQUE, DROP_FOREIGN_KEY -> {
        for (Schema.Table table : tables) {
          if (kind == Kind.DROP_INDEX && !table.indexes().isEmpty()) {
            return new Mutation(
                replace(models, withIndexes(table, List.of())),
                "drop index " + table.indexes().get(0).name(),
                Difference.ExtraIndex.class,
                table.name(),
                null);
          }
          if (kind == Kind.DROP_UNIQUE && !table.uniqueConstraints().isEmpty()) {
            return new Mutation(
                replace(models, withUniques(table, List.of())),
                "drop unique constraint " + table.uniqueConstraints().get(0).name(),
                Difference.ExtraUniqueConstraint.class,
                table.name(),
                null);
          }
          if (kind == Kind.DROP_FOREIGN_KEY && !table.foreignKeys().isEmpty()) {
            return new Mutation(
                replace(models, withForeignKeys(table, List.of())),
                "drop foreign key " + table.foreignKeys().get(0).name(),
                Difference.ExtraForeignKey.class,
                table.name(),
                null);
          }
        }
        return null;
      }
      case ADD_COLUMN -> {
        Schema.Table table = tables.get(0);
        ColumnType type = randomType(random);
        Schema.Column added =
            new Schema.Column("added_col", type, random.nextBoolean(), null, false);
        List<Schema.Column> columns = new ArrayList<>(table.columns());
        columns.add(added);
        return new Mutation(
            replace(models, withColumns(table, columns)),
            "add column " + table.name() + ".added_col " + type,
            Difference.MissingColumn.class,
            table.name(),
            "added_col");
      }
      default -> {
        for (Schema.Table table : tables) {
          List<Schema.Column> candidates = new ArrayList<>(table.columns());
          java.util.Collections.shuffle(candidates, random);
          for (Schema.Column column : candidates) {
            Mutation mutation = mutateColumn(kind, models, table, column, random);
            if (mutation != null) {
              return mutation;
            }
          }
        }
        return null;
      }
    }
  }

  private static Mutation mutateColumn(
      Kind kind, Schema models, Schema.Table table, Schema.Column column, Random random) {
    boolean inKey = table.primaryKey().columns().contains(column.name());
    String where = table.name() + "." + column.name();
    switch (kind) {
      case VARCHAR_LENGTH -> {
        if (column.type().kind() != ColumnType.Kind.VARCHAR) {
          return null;
        }
        ColumnType longer = ColumnType.varchar(column.type().length() + 1 + random.nextInt(100));
        return columnMutation(
            models,
            table,
            column,
            c -> new Schema.Column(c.name(), longer, c.nullable(), c.defaultValue(), false),
            "varchar length of " + where + " to " + longer.length(),
            Difference.ColumnTypeChanged.class);
      }
      case WIDEN_TYPE -> {
        ColumnType wider = wider(column.type());
        // SQLite stores an autoincrement key as INTEGER whatever it is declared as
        if (wider == null || column.autoincrement()) {
          return null;
        }
        return columnMutation(
            models,
            table,
            column,
            c -> new Schema.Column(c.name(), wider, c.nullable(), c.defaultValue(), false),
            "type of " + where + " to " + wider,
            Difference.ColumnTypeChanged.class);
      }
      case NULLABILITY -> {
        if (inKey) {
          return null;
        }
        return columnMutation(
            models,
            table,
            column,
            c -> new Schema.Column(c.name(), c.type(), !c.nullable(), c.defaultValue(), false),
            "flip nullability of " + where,
            Difference.NullabilityChanged.class);
      }
      case CHANGE_DEFAULT -> {
        if (inKey) {
          return null;
        }
        boolean drop = column.defaultValue() != null && random.nextBoolean();
        String changed = drop ? null : otherDefault(column, random);
        if (!drop && changed == null) {
          return null;
        }
        return columnMutation(
            models,
            table,
            column,
            c -> new Schema.Column(c.name(), c.type(), c.nullable(), changed, false),
            "default of " + where + " from " + column.defaultValue() + " to " + changed,
            Difference.DefaultChanged.class);
      }
      case DROP_COLUMN -> {
        if (usedByKeyOrIndex(table, column.name())) {
          return null;
        }
        List<Schema.Column> columns = new ArrayList<>(table.columns());
        columns.remove(column);
        return new Mutation(
            replace(models, withColumns(table, columns)),
            "drop column " + where,
            Difference.ExtraColumn.class,
            table.name(),
            column.name());
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  /** A type that holds more than this one, or null. */
  private static ColumnType wider(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT -> ColumnType.INTEGER;
      case INTEGER -> ColumnType.BIGINT;
      case DECIMAL -> ColumnType.decimal(type.precision() + 1, type.scale());
      case CHAR -> ColumnType.fixedChar(type.length() + 1);
      case DATE -> ColumnType.TIMESTAMP;
      case TIME, TIMESTAMP, TIMESTAMP_TZ ->
          type.precision() == null
              ? null
              : new ColumnType(type.kind(), null, type.precision() + 1, null, null);
      default -> null;
    };
  }

  /** A literal default unlike the current one, or null when the type takes none here. */
  private static String otherDefault(Schema.Column column, Random random) {
    for (int attempt = 0; attempt < 10; attempt++) {
      String candidate = randomDefault(column.type(), random);
      if (candidate == null) {
        return null;
      }
      if (!candidate.equals(column.defaultValue())) {
        return candidate;
      }
    }
    return null;
  }

  private static Mutation columnMutation(
      Schema models,
      Schema.Table table,
      Schema.Column column,
      UnaryOperator<Schema.Column> change,
      String description,
      Class<? extends Difference> expected) {
    List<Schema.Column> columns = new ArrayList<>();
    for (Schema.Column c : table.columns()) {
      if (c != column) {
        columns.add(c);
        continue;
      }
      Schema.Column changed = change.apply(c);
      columns.add(
          new Schema.Column(
              changed.name(),
              changed.type(),
              changed.nullable(),
              changed.defaultValue(),
              c.autoincrement()));
    }
    return new Mutation(
        replace(models, withColumns(table, columns)),
        description,
        expected,
        table.name(),
        column.name());
  }

  private static boolean usedByKeyOrIndex(Schema.Table table, String column) {
    return table.primaryKey().columns().contains(column)
        || table.indexes().stream().anyMatch(i -> i.columns().contains(column))
        || table.uniqueConstraints().stream().anyMatch(u -> u.columns().contains(column))
        || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(column));
  }

  private static Schema replace(Schema models, Schema.Table table) {
    return new Schema(
        models.tables().stream()
            .map(t -> t.name().equals(table.name()) ? table : t)
            .collect(Collectors.toList()));
  }

  private static Schema.Table withColumns(Schema.Table t, List<Schema.Column> columns) {
    return new Schema.Table(
        t.name(),
        columns,
        t.primaryKey(),
        t.indexes(),
        t.uniqueConstraints(),
        t.foreignKeys(),
        t.checks());
  }

  private static Schema.Table withIndexes(Schema.Table t, List<Schema.Index> indexes) {
    return new Schema.Table(
        t.name(),
        t.columns(),
        t.primaryKey(),
        indexes,
        t.uniqueConstraints(),
        t.foreignKeys(),
        t.checks());
  }

  private static Schema.Table withUniques(Schema.Table t, List<Schema.UniqueConstraint> uniques) {
    return new Schema.Table(
        t.name(), t.columns(), t.primaryKey(), t.indexes(), uniques, t.foreignKeys(), t.checks());
  }

  private static Schema.Table withForeignKeys(Schema.Table t, List<Schema.ForeignKey> fks) {
    return new Schema.Table(
        t.name(), t.columns(), t.primaryKey(), t.indexes(), t.uniqueConstraints(), fks, t.checks());
  }

  private static String columnOf(Difference difference) {
    if (difference instanceof Difference.ColumnChange change) {
      return change.column();
    }
    if (difference instanceof Difference.MissingColumn missing) {
      return missing.column().name();
    }
    if (difference instanceof Difference.ExtraColumn extra) {
      return extra.column().name();
    }
    return null;
  }

  private static List<String> describe(List<Difference> differences) {
    return differences.stream().map(Difference::describe).toList();
  }
}
