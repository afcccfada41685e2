package dev.migrate.engine.verify;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.verify.rows.ColumnCharsets;
import dev.migrate.engine.verify.rows.DataImage;
import dev.migrate.engine.verify.rows.DataLoss;
import dev.migrate.engine.verify.rows.RowGenerator;
import dev.migrate.engine.verify.rows.RowPlan;
import dev.migrate.engine.verify.rows.RowWriter;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;

/** The data round trip with the seeded row generator of {@code verify.rows}. */
final class RowsProbe implements DataProbe {
  private final ColumnCharsets charsets = new ColumnCharsets();

  @Override
  public Inserted insert(
      Connection connection,
      DatabaseKind kind,
      Schema schema,
      Collection<String> tables,
      long seed,
      boolean commit) {
    RowPlan plan = new RowGenerator(schema, kind, seed).charsets(charsets).plan(connection, tables);
    RowWriter.WriteResult written = RowWriter.insert(connection, plan, commit);
    DataImage before = DataImage.read(connection, kind, schema, tables);
    List<String> notes = written.notes(); // the plan's notes, then the writer's
    return new Inserted() {
      @Override
      public List<String> notes() {
        return notes;
      }

      @Override
      public int rows() {
        return written.inserted().size();
      }

      @Override
      public List<String> losses(Connection c, Schema now) {
        DataImage after = DataImage.read(c, kind, now, tables);
        return before.lossesIn(after).stream().map(DataLoss::describe).toList();
      }

      @Override
      public void remove(Connection c, Schema now, boolean commitNow) {
        RowWriter.delete(c, written, commitNow);
      }
    };
  }
}
