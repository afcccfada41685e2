package dev.migrate.engine.verify.rows;

import java.math.BigDecimal;

/**
 * One thing a later data image lost of an earlier one.
 *
 * @param kind what was lost
 * @param table the table
 * @param key the row, as {@code id=7} (for a table without a primary key, all its values), or null
 *     for a table or column gone
 * @param column the column, or null for a row or table gone
 * @param before the value before (for a column gone: how many rows had a value; for a table gone:
 *     how many rows it had)
 * @param after the value after, or null
 */
public record DataLoss(
    Kind kind, String table, String key, String column, Object before, Object after) {
  /** Longer values are shown shortened in sentences. */
  static final int SHOWN = 40;

  public enum Kind {
    TABLE_GONE,
    ROW_GONE,
    COLUMN_GONE,
    VALUE_CHANGED
  }

  /**
   * In plain words, e.g. {@code table account, row id=7: column full_name was 'Ada …' before, NULL
   * after}.
   */
  public String describe() {
    return switch (kind) {
      case TABLE_GONE -> "table " + table + " is gone (" + rows(before) + ")";
      case COLUMN_GONE ->
          "table " + table + ": column " + column + " is gone (" + rows(before) + " had values)";
      case ROW_GONE -> "table " + table + ", row " + key + " is gone";
      case VALUE_CHANGED ->
          "table "
              + table
              + ", row "
              + key
              + ": column "
              + column
              + " was "
              + show(before)
              + " before, "
              + show(after)
              + " after";
    };
  }

  private static String rows(Object count) {
    return count
        + (Long.valueOf(1).equals(count) || Integer.valueOf(1).equals(count) ? " row" : " rows");
  }

  /** A value as a sentence shows it: text quoted and shortened, numbers plain, NULL. */
  static String show(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof TableData.Bytes bytes) {
      String hex = bytes.hex();
      return hex.length() <= SHOWN
          ? bytes.toString()
          : "X'" + hex.substring(0, SHOWN - 10) + "…' (" + hex.length() / 2 + " bytes)";
    }
    String text = value.toString();
    int length = text.codePointCount(0, text.length());
    if (length <= SHOWN) {
      return "'" + text.replace("'", "''") + "'";
    }
    String start = text.substring(0, text.offsetByCodePoints(0, SHOWN - 10));
    return "'" + start.replace("'", "''") + "…' (" + length + " characters)";
  }
}
