package dev.migrate.engine.ops;

import dev.migrate.engine.schema.ColumnType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column as an operation declares it. The {@code with}-style methods return changed copies, so a
 * definition reads {@code column("id", INTEGER).primaryKey().autoincrement()}.
 *
 * @param serverDefault a SQL expression used as it is ({@code "0"}, {@code "'open'"}, {@code
 *     "CURRENT_TIMESTAMP"}), or null for none
 * @param isPrimaryKey part of the table's primary key (with the other columns so marked)
 * @param isAutoincrement the database numbers new rows (identity, AUTO_INCREMENT, AUTOINCREMENT)
 * @param isUnique an unnamed single-column unique constraint
 */
public record ColumnDef(
    String name,
    ColumnType type,
    boolean isNullable,
    String serverDefault,
    boolean isPrimaryKey,
    boolean isAutoincrement,
    boolean isUnique)
    implements TableElement {
  private static final Pattern CURRENT_TIMESTAMP =
      Pattern.compile(
          "(?i)(current_timestamp|localtimestamp)(\\(\\s*\\d*\\s*\\))?|now\\(\\s*\\d*\\s*\\)");

  public ColumnDef {
    Objects.requireNonNull(name, "column name");
    Objects.requireNonNull(type, "column type");
  }

  public ColumnDef notNull() {
    return new ColumnDef(name, type, false, serverDefault, isPrimaryKey, isAutoincrement, isUnique);
  }

  public ColumnDef nullable() {
    return new ColumnDef(name, type, true, serverDefault, isPrimaryKey, isAutoincrement, isUnique);
  }

  /** Part of the primary key; primary key columns are NOT NULL. */
  public ColumnDef primaryKey() {
    return new ColumnDef(name, type, false, serverDefault, true, isAutoincrement, isUnique);
  }

  public ColumnDef autoincrement() {
    return new ColumnDef(name, type, isNullable, serverDefault, isPrimaryKey, true, isUnique);
  }

  public ColumnDef unique() {
    return new ColumnDef(
        name, type, isNullable, serverDefault, isPrimaryKey, isAutoincrement, true);
  }

  public ColumnDef withType(ColumnType newType) {
    return new ColumnDef(
        name, newType, isNullable, serverDefault, isPrimaryKey, isAutoincrement, isUnique);
  }

  /** A server default, a SQL expression written as the database reads it. */
  public ColumnDef defaultValue(String sqlExpression) {
    return new ColumnDef(
        name, type, isNullable, sqlExpression, isPrimaryKey, isAutoincrement, isUnique);
  }

  /**
   * Whether a default expression is the current date and time in one of its spellings: {@code
   * CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP} or {@code NOW()}, in any case, with or without
   * parentheses holding the digits kept after the seconds' point.
   */
  public static boolean isCurrentTimestamp(String sqlExpression) {
    return sqlExpression != null && CURRENT_TIMESTAMP.matcher(sqlExpression.trim()).matches();
  }
}
