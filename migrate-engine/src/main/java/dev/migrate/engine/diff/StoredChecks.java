package dev.migrate.engine.diff;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ThrowawayDatabase;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models' check constraints in a database's own words. Each database rewrites a check its own
 * way (PostgreSQL stores {@code status IN ('open', 'done')} as {@code status::text = ANY
 * (ARRAY[...])}), and {@link dev.migrate.engine.diff.SchemaDiff} compares check text exactly; so
 * before models are compared with a live database, each table with checks is created (its columns
 * and checks only) in a throwaway database of the same backend ({@link Sandbox}) and its checks are
 * read back from there. PostgreSQL's rewrite is not stable (its own text read again comes back
 * different), so what autogenerate writes must be the models' text: {@link #asWritten} puts it back
 * into the differences.
 *
 * <p>Models read from a database already (a SQL models file) are in its words and need none of
 * this.
 *
 * @param written the models as given
 * @param stored the models with each check as the database stores it: compare these
 */
public record StoredChecks(Schema written, Schema stored) {
  private static final Logger LOG = LoggerFactory.getLogger(StoredChecks.class);

  /**
   * {@code models} with every check expression as {@code kind} stores it; the throwaway database is
   * made on the server of {@code url} (SQLite needs none). Models without checks come back as they
   * are, without a throwaway database. A table the backend refuses to create (a type it lacks)
   * keeps its checks as written, with a warning; so do all tables, with a warning, when no
   * throwaway database can be made (the user may not create databases).
   */
  public static StoredChecks of(
      Schema models, DatabaseKind kind, String url, String user, String password) {
    if (models.tables().stream().allMatch(t -> t.checks().isEmpty())) {
      return new StoredChecks(models, models);
    }
    try (Sandbox sandbox = Sandbox.of(kind, url, user, password);
        ThrowawayDatabase scratch = sandbox.create();
        Connection connection = scratch.connect()) {
      Dialect dialect = Dialect.of(kind);
      List<Schema.Table> created = new ArrayList<>();
      for (Schema.Table table : models.tables()) {
        if (!table.checks().isEmpty() && create(dialect, table, created.size(), connection)) {
          created.add(table);
        }
      }
      Schema stored = new SchemaReader().read(connection);
      List<Schema.Table> tables = new ArrayList<>();
      for (Schema.Table table : models.tables()) {
        int index = created.indexOf(table);
        tables.add(
            index < 0
                ? table
                : table.withChecks(readBack(table, index, stored.table(table.name()))));
      }
      return new StoredChecks(models, models.withTables(tables));
    } catch (SQLException | MigrateException e) {
      LOG.warn(
          "Comparing check constraints as written in the models: no scratch {} database to put"
              + " them in its words ({})",
          kind.id(),
          e.getMessage());
      return new StoredChecks(models, models);
    }
  }

  /**
   * {@code differences} found comparing {@link #stored()} (or a form of it with the same checks),
   * with each check of the models in the models' own text again.
   */
  public List<Difference> asWritten(List<Difference> differences) {
    return differences.stream().map(this::asWritten).toList();
  }

  private Difference asWritten(Difference difference) {
    if (difference instanceof Difference.MissingTable missing) {
      Schema.Table table = missing.definition();
      return new Difference.MissingTable(
          table.withChecks(writtenChecks(table.name())), missing.possibleRenameOf());
    }
    if (difference instanceof Difference.MissingCheckConstraint missing) {
      List<Schema.CheckConstraint> checks = storedChecks(missing.table());
      int index = checks.indexOf(missing.check());
      if (index >= 0) {
        return new Difference.MissingCheckConstraint(
            missing.table(), writtenChecks(missing.table()).get(index));
      }
    }
    return difference;
  }

  private List<Schema.CheckConstraint> writtenChecks(String table) {
    return written.table(table).map(Schema.Table::checks).orElseThrow();
  }

  private List<Schema.CheckConstraint> storedChecks(String table) {
    return stored.table(table).map(Schema.Table::checks).orElse(List.of());
  }

  /** The name a check has in the scratch database: its own, or one made up for an unnamed one. */
  private static String scratchName(Schema.CheckConstraint check, int table, int position) {
    return check.name() != null ? check.name() : "migrate_ck_" + table + "_" + position;
  }

  private static boolean create(Dialect dialect, Schema.Table table, int index, Connection c)
      throws SQLException {
    List<ColumnDef> columns =
        table.columns().stream()
            .map(col -> new ColumnDef(col.name(), col.type(), true, null, false, false, false))
            .toList();
    List<Constraint> checks = new ArrayList<>();
    for (int i = 0; i < table.checks().size(); i++) {
      Schema.CheckConstraint check = table.checks().get(i);
      checks.add(new Constraint.Check(scratchName(check, index, i), check.expression()));
    }
    try (Statement statement = c.createStatement()) {
      for (String sql :
          dialect.render(new Operation.CreateTable(table.name(), columns, checks), c)) {
        statement.execute(sql);
      }
      return true;
    } catch (SQLException | MigrateException e) {
      LOG.warn(
          "Comparing the check constraints of table {} as written in the models: a scratch {}"
              + " database could not create the table ({})",
          table.name(),
          dialect.kind().id(),
          e.getMessage());
      return false;
    }
  }

  private static List<Schema.CheckConstraint> readBack(
      Schema.Table table, int index, Optional<Schema.Table> stored) {
    List<Schema.CheckConstraint> checks = new ArrayList<>();
    for (int i = 0; i < table.checks().size(); i++) {
      Schema.CheckConstraint check = table.checks().get(i);
      String name = scratchName(check, index, i);
      String expression =
          stored.stream()
              .flatMap(t -> t.checks().stream())
              .filter(s -> name.equalsIgnoreCase(s.name()))
              .map(Schema.CheckConstraint::expression)
              .findFirst()
              .orElse(check.expression());
      checks.add(new Schema.CheckConstraint(check.name(), expression));
    }
    return checks;
  }
}
