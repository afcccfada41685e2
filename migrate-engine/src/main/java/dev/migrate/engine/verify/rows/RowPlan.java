package dev.migrate.engine.verify.rows;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import java.util.List;

/**
 * The rows {@link RowGenerator} made, in insertion order (parents before children).
 *
 * @param schema the schema they were made for
 * @param kind its database
 * @param rows the rows
 * @param notes what could not be planned, in plain words, one sentence each (a table that gets no
 *     rows and why)
 */
public record RowPlan(Schema schema, DatabaseKind kind, List<PlannedRow> rows, List<String> notes) {
  public RowPlan {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** The planned rows of one table, in order. */
  public List<PlannedRow> rowsOf(String table) {
    return rows.stream().filter(r -> r.table().equalsIgnoreCase(table)).toList();
  }
}
