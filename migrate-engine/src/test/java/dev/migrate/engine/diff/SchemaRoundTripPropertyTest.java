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
