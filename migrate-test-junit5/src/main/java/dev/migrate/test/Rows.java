package dev.migrate.test;

import java.util.AbstractList;
import java.util.List;

/**
 * The rows of a {@link MigrationRunner#query}, each as its column values in order. It is a plain
 * list of lists; with AssertJ, {@link MigrateAssertions#assertThat(Rows)} compares rows as tuples:
 *
 * <pre>{@code
 * assertThat(db.query("select first_name, last_name from account"))
 *     .containsExactly(tuple("Ada", "Lovelace"));
 * }</pre>
 */
public final class Rows extends AbstractList<List<Object>> {
  private final List<String> columns;
  private final List<List<Object>> rows;

  Rows(List<String> columns, List<List<Object>> rows) {
    this.columns = List.copyOf(columns);
    // values may be null: copied without List.copyOf
    this.rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(r)).toList();
  }

  /** The column labels, as the database gives them. */
  public List<String> columns() {
    return columns;
  }

  @Override
  public List<Object> get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }
}
