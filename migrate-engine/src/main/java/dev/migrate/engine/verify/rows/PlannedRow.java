package dev.migrate.engine.verify.rows;

import java.util.List;
import java.util.Map;

/**
 * One row to insert, with the alternatives the writer tries when the first is refused.
 *
 * @param table the table's name as the schema has it
 * @param attempts column name to value, the first the row itself and the others alternatives (same
 *     foreign key values and same values in columns other rows reference, other values elsewhere);
 *     generated columns and columns left to their default are absent
 * @param references for each foreign key that points at a row of this plan: its columns and the
 *     index of that row in {@link RowPlan#rows()}
 */
public record PlannedRow(
    String table, List<Map<String, Object>> attempts, List<Reference> references) {
  public PlannedRow {
    attempts = List.copyOf(attempts);
    references = List.copyOf(references);
  }

  /** The first attempt: the row as planned. */
  public Map<String, Object> values() {
    return attempts.get(0);
  }

  /**
   * @param columns the foreign key's columns in this row
   * @param row the index of the referenced row in the plan
   */
  public record Reference(List<String> columns, int row) {
    public Reference {
      columns = List.copyOf(columns);
    }
  }
}
