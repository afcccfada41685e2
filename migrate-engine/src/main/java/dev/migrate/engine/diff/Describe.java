package dev.migrate.engine.diff;

import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How differences name schema objects in plain words. */
final class Describe {
  /**
   * The frame of every changed-definition sentence: "subject: A in the database, B in the models".
   */
  static String changed(
      Difference.Sides sides, String subject, String inDatabase, String inModels) {
    return subject
        + ": "
        + inDatabase
        + " "
        + sides.actual()
        + ", "
        + inModels
        + " "
        + sides.expected();
  }

  static final String COLUMN_RENAME =
      " replace the generated drop + add with alterColumn(...).rename(...) (ALTER TABLE ... RENAME"
          + " COLUMN in SQL) to keep its values";

  private Describe() {}

  static String type(ColumnType type) {
    return switch (type.kind()) {
      case VARCHAR, CHAR -> type.kind() + "(" + type.length() + ")";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case CUSTOM -> type.sql();
      case TIME, TIMESTAMP -> type.kind() + secondsPrecision(type);
      case TIMESTAMP_TZ -> "TIMESTAMP" + secondsPrecision(type) + " WITH TIME ZONE";
      default -> type.kind().name();
    };
  }

  /** {@code (p)}, or nothing for the default 6. */
  private static String secondsPrecision(ColumnType type) {
    return type.precision() == null ? "" : "(" + type.precision() + ")";
  }

  static String columns(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  static String index(String table, Schema.Index index) {
    List<String> key = new ArrayList<>();
    for (int i = 0; i < index.columns().size(); i++) {
      key.add(index.columns().get(i) + (index.descending().get(i) ? " DESC" : ""));
    }
    return (index.unique() ? "unique index " : "index ")
        + named(index.name())
        + "on "
        + table
        + columns(key)
        + (index.predicate() == null ? "" : " WHERE " + index.predicate());
  }

  /** "view v", "trigger trg on t", "function add_tax(numeric)". */
  static String object(Schema.SchemaObject object, String table) {
    return object.kind()
        + " "
        + object.identity()
        + (object instanceof Schema.Trigger ? " on " + table : "");
  }

  /** "view v (SELECT ...)". */
  static String objectWithDefinition(Schema.SchemaObject object, String table) {
    return object(object, table) + " (" + oneLine(object.definition()) + ")";
  }

  /** A definition on one line: PostgreSQL prints a view's query over several. */
  static String oneLine(String definition) {
    return definition == null ? "?" : definition.strip().replaceAll("\\s+", " ");
  }

  /** "comment 'the title'", or "no comment". */
  static String comment(String comment) {
    return comment == null ? "no comment" : "comment '" + comment.replace("'", "''") + "'";
  }

  static String collation(Schema.Column column) {
    return column.collation() == null ? "default collation" : "collation " + column.collation();
  }

  static String generated(Schema.Column column) {
    Schema.Generated generated = column.generated();
    return generated == null
        ? "not generated"
        : "generated as ("
            + generated.expression()
            + ")"
            + (generated.stored() ? " STORED" : " VIRTUAL");
  }

  static String unique(String table, Schema.UniqueConstraint unique) {
    return "unique constraint " + named(unique.name()) + "on " + table + columns(unique.columns());
  }

  static String foreignKey(String table, Schema.ForeignKey fk) {
    StringBuilder text =
        new StringBuilder("foreign key ")
            .append(named(fk.name()))
            .append("on ")
            .append(table)
            .append(columns(fk.columns()))
            .append(" -> ")
            .append(fk.referencedTable());
    if (!fk.referencedColumns().isEmpty()) {
      text.append(columns(fk.referencedColumns()));
    }
    if (!isDefault(fk.onDelete())) {
      text.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (!isDefault(fk.onUpdate())) {
      text.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    return text.toString();
  }

  static String validity(Schema.CheckConstraint check) {
    return check.valid() ? "validated" : "NOT VALID";
  }

  static String check(String table, Schema.CheckConstraint check) {
    return "check constraint "
        + named(check.name())
        + "on "
        + table
        + " ("
        + check.expression()
        + ")";
  }

  static String primaryKey(Schema.PrimaryKey primaryKey) {
    return primaryKey == null ? "no primary key" : "primary key " + columns(primaryKey.columns());
  }

  static String defaultValue(String expression) {
    return expression == null ? "no default" : "default " + expression;
  }

  /** NO ACTION is what the databases do when nothing is said. */
  static boolean isDefault(ReferentialAction action) {
    return action == null || action == ReferentialAction.NO_ACTION;
  }

  static String lower(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  private static String named(String name) {
    return name == null ? "(unnamed) " : name + " ";
  }
}
