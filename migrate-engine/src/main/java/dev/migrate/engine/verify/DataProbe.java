package dev.migrate.engine.verify;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Rows put into the tables before a step's up and looked for again after its down. */
interface DataProbe {
  /**
   * Inserts generated rows into {@code tables} of {@code schema} and remembers their data as it is;
   * with {@code commit} false the transaction is left open for the next step to commit.
   */
  Inserted insert(
      Connection connection,
      DatabaseKind kind,
      Schema schema,
      java.util.Collection<String> tables,
      long seed,
      boolean commit)
      throws SQLException;

  interface Inserted {
    /** Rows that could not be made valid and were skipped, in plain words. */
    List<String> notes();

    /** How many rows were inserted. */
    int rows();

    /** Every value gone or changed since the insert, one sentence each. */
    List<String> losses(Connection connection, Schema now) throws SQLException;

    /** Deletes the inserted rows again; uncommitted with {@code commit} false, as for insert. */
    void remove(Connection connection, Schema now, boolean commit) throws SQLException;
  }
}
