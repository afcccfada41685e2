package dev.migrate.engine.diff;

import dev.migrate.engine.schema.Schema;

/**
 * One way the database differs from the models. "Missing" objects are in the models but not in the
 * database (autogenerate adds them); "extra" objects are in the database but not in the models
 * (autogenerate drops them). Changes carry the column as the database has it ({@code actual}) and
 * as the models declare it ({@code expected}).
 */
public sealed interface Difference {
  /** The table the difference is in. */
  String table();

  /**
   * The difference in plain words, naming the object and both sides: the database and the models.
   */
  default String describe() {
    return describe(Sides.MODELS);
  }

  /** The difference in plain words, with the two sides named as {@code sides} says. */
  String describe(Sides sides);

  /**
   * How sentences name the two schemas compared.
   *
   * @param actual the compared schema, as in "1 in the database" or "1 after the downgrade"
   * @param expected the reference schema, as in "2 in the models" or "2 before the upgrade"
   * @param lead words before a side where an object "is" on it ("there " reads "is there before the
   *     upgrade but not after the downgrade")
   * @param renameHints whether to add autogenerate's hints about possible renames
   */
  record Sides(String actual, String expected, String lead, boolean renameHints) {
    public static final Sides MODELS = new Sides("in the database", "in the models", "", true);

    /** "is in the models but not in the database". */
    String onlyExpected() {
      return " is " + lead + expected + " but not " + actual;
    }

    /** "is in the database but not in the models". */
    String onlyActual() {
      return " is " + lead + actual + " but not " + expected;
    }
  }

  /**
   * @param possibleRenameOf an extra table with the same columns, which may be this one renamed, or
   *     null
   */
  record MissingTable(Schema.Table definition, String possibleRenameOf) implements Difference {
    @Override
    public String table() {
      return definition.name();
    }

    @Override
    public String describe(Sides sides) {
      return "table "
          + definition.name()
          + sides.onlyExpected()
          + (possibleRenameOf == null || !sides.renameHints()
              ? ""
              : "; table "
                  + possibleRenameOf
                  + " in the database has the same columns: if it was renamed, replace the"
                  + " generated drop + create with renameTable to keep its rows");
    }
  }

  /**
   * @param possibleRenameTo a missing table with the same columns, which this may have been renamed
   *     to, or null
   */
  record ExtraTable(Schema.Table definition, String possibleRenameTo) implements Difference {
    @Override
    public String table() {
      return definition.name();
    }

    @Override
    public String describe(Sides sides) {
      return "table "
          + definition.name()
          + sides.onlyActual()
          + (possibleRenameTo == null || !sides.renameHints()
              ? ""
              : "; table "
                  + possibleRenameTo
                  + " in the models has the same columns: if this is a rename, replace the"
                  + " generated drop + create with renameTable to keep its rows");
    }
  }

  /**
   * @param possibleRenameOf the one extra column of the table with the same type and nullability,
   *     which may be this one renamed, or null
   */
  record MissingColumn(String table, Schema.Column column, String possibleRenameOf)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return "column "
          + table
          + "."
          + column.name()
          + sides.onlyExpected()
          + (possibleRenameOf == null || !sides.renameHints()
              ? ""
              : "; column "
                  + table
                  + "."
                  + possibleRenameOf
                  + " in the database has the same type and nullability: if it was renamed,"
                  + Describe.COLUMN_RENAME);
    }
  }

  /**
   * @param possibleRenameTo the one missing column of the table with the same type and nullability,
   *     which this may have been renamed to, or null
   */
  record ExtraColumn(String table, Schema.Column column, String possibleRenameTo)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return "column "
          + table
          + "."
          + column.name()
          + sides.onlyActual()
          + (possibleRenameTo == null || !sides.renameHints()
              ? ""
              : "; column "
                  + table
                  + "."
                  + possibleRenameTo
                  + " in the models has the same type and nullability: if this is a rename,"
                  + Describe.COLUMN_RENAME);
    }
  }

  /** A change to a column that both sides have. */
  sealed interface ColumnChange extends Difference {
    Schema.Column actual();

    Schema.Column expected();

    default String column() {
      return expected().name();
    }

    /** How the changed property reads on one side: a type, NULL / NOT NULL, a default. */
    String side(Schema.Column column);

    /** Words naming the property before both sides, such as "type "; none by default. */
    default String property() {
      return "";
    }

    @Override
    default String describe(Sides sides) {
      return Describe.changed(
          sides,
          "column " + table() + "." + column(),
          property() + side(actual()),
          side(expected()));
    }
  }

  record ColumnTypeChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return Describe.type(column.type());
    }

    @Override
    public String property() {
      return "type ";
    }
  }

  record NullabilityChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return column.nullable() ? "NULL" : "NOT NULL";
    }
  }

  record DefaultChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return Describe.defaultValue(column.defaultValue());
    }
  }

  /** Compared only between two schemas read from a catalog ({@link Schema#catalog()}). */
  record CollationChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return Describe.collation(column);
    }
  }

  /** Compared only between two schemas read from a catalog ({@link Schema#catalog()}). */
  record GenerationChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return Describe.generated(column);
    }
  }

  /** Compared only between two schemas read from a catalog ({@link Schema#catalog()}). */
  record CommentChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return Describe.comment(column.comment());
    }
  }

  /**
   * The table's own comment, each side null for none. Compared only between two schemas read from a
   * catalog ({@link Schema#catalog()}).
   */
  record TableCommentChanged(String table, String actual, String expected) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.changed(
          sides, "table " + table, Describe.comment(actual), Describe.comment(expected));
    }
  }

  record AutoincrementChanged(String table, Schema.Column actual, Schema.Column expected)
      implements ColumnChange {
    @Override
    public String side(Schema.Column column) {
      return column.autoincrement() ? "autoincrement" : "not autoincrement";
    }
  }

  /**
   * @param actual the database's primary key, or null when it has none
   * @param expected the models' primary key, or null when they declare none
   */
  record PrimaryKeyChanged(String table, Schema.PrimaryKey actual, Schema.PrimaryKey expected)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.changed(
          sides, "table " + table, Describe.primaryKey(actual), Describe.primaryKey(expected));
    }
  }

  record MissingIndex(String table, Schema.Index index) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.index(table, index) + sides.onlyExpected();
    }
  }

  record ExtraIndex(String table, Schema.Index index) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.index(table, index) + sides.onlyActual();
    }
  }

  record MissingUniqueConstraint(String table, Schema.UniqueConstraint constraint)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.unique(table, constraint) + sides.onlyExpected();
    }
  }

  record ExtraUniqueConstraint(String table, Schema.UniqueConstraint constraint)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.unique(table, constraint) + sides.onlyActual();
    }
  }

  record MissingForeignKey(String table, Schema.ForeignKey foreignKey) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.foreignKey(table, foreignKey) + sides.onlyExpected();
    }
  }

  record ExtraForeignKey(String table, Schema.ForeignKey foreignKey) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.foreignKey(table, foreignKey) + sides.onlyActual();
    }
  }

  record MissingCheckConstraint(String table, Schema.CheckConstraint check) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.check(table, check) + sides.onlyExpected();
    }
  }

  record ExtraCheckConstraint(String table, Schema.CheckConstraint check) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.check(table, check) + sides.onlyActual();
    }
  }

  /**
   * A check on both sides, validated on one and NOT VALID (PostgreSQL: existing rows were not
   * checked) on the other. Compared only between two schemas read from a catalog.
   */
  record CheckValidityChanged(
      String table, Schema.CheckConstraint actual, Schema.CheckConstraint expected)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.changed(
          sides,
          Describe.check(table, expected),
          Describe.validity(actual),
          Describe.validity(expected));
    }
  }

  /**
   * A view, sequence, enum type, trigger or routine in the models but not in the database. Such
   * objects are compared only between two schemas read from a catalog ({@link Schema#catalog()}).
   *
   * @param table the trigger's table; for the others, the object's own name
   */
  record MissingObject(String table, Schema.SchemaObject object) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.objectWithDefinition(object, table) + sides.onlyExpected();
    }
  }

  /** A view, sequence, enum type, trigger or routine in the database but not in the models. */
  record ExtraObject(String table, Schema.SchemaObject object) implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.objectWithDefinition(object, table) + sides.onlyActual();
    }
  }

  /** A view, sequence, enum type, trigger or routine on both sides with different definitions. */
  record ObjectChanged(String table, Schema.SchemaObject actual, Schema.SchemaObject expected)
      implements Difference {
    @Override
    public String describe(Sides sides) {
      return Describe.changed(
          sides,
          Describe.object(expected, table),
          Describe.oneLine(actual.definition()),
          Describe.oneLine(expected.definition()));
    }
  }
}
