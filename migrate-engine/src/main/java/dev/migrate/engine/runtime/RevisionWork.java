package dev.migrate.engine.runtime;

import dev.migrate.engine.IrreversibleRevisionException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.Checksums;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A revision's plans, rendered statements and checksum on one backend. */
final class RevisionWork {
  /** Separates the upgrade statements from the downgrade statements in the checksum input. */
  static final String DOWNGRADE_MARKER = "-- migrate:down";

  private final Dialect dialect;
  private final DatabaseKind kind;
  private final Map<String, Checksum> checksums = new HashMap<>();

  RevisionWork(Dialect dialect) {
    this.dialect = dialect;
    this.kind = dialect.kind();
  }

  /** The revision's plan for one direction; a failure in its code names the revision. */
  MigrationPlan plan(RevisionScript revision, Direction direction) {
    try {
      MigrationPlan plan = revision.body().plan(direction, kind);
      return plan == null ? MigrationPlan.EMPTY : plan;
    } catch (MigrateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw MigrateException.failed(
          "Revision "
              + revision.id()
              + " ("
              + revision.origin()
              + ") failed while recording its "
              + direction.word()
              + ": "
              + e,
          e);
    }
  }

  /** Fails when {@code direction} of the revision is declared irreversible. */
  MigrationPlan runnablePlan(RevisionScript revision, Direction direction) {
    MigrationPlan plan = plan(revision, direction);
    if (plan.irreversibleReason().isPresent()) {
      throw new IrreversibleRevisionException(
          revision.id(), revision.origin(), direction, plan.irreversibleReason().get());
    }
    return plan;
  }

  /** The plan's statements; {@code connection} null renders offline. */
  List<String> render(RevisionScript revision, MigrationPlan plan, Connection connection)
      throws SQLException {
    return bind(plan, connection).statements();
  }

  /**
   * Statements to run, each with its parameters (empty for most). Online, a parameterised {@link
   * Operation.Execute} keeps its {@code ?} placeholders to be bound; offline its values are
   * inlined. An operation the dialect renders only when it runs ({@link Dialect#renderedWhenRun})
   * stands in {@code statements} as a placeholder until {@link #statement} renders it; {@code
   * deferred} holds it at that index (null elsewhere).
   */
  record Bound(
      List<String> statements,
      List<List<Object>> parameters,
      List<String> sources,
      List<Operation> deferred) {}

  /**
   * Statement {@code index} of {@code bound}, about to run: a deferred operation is rendered now,
   * on {@code connection}, so that it sees what the statements before it did, and replaces its
   * placeholder (failure reports then quote what ran).
   */
  String statement(Bound bound, int index, Connection connection) throws SQLException {
    Operation operation = bound.deferred().get(index);
    if (operation != null) {
      List<String> rendered = dialect.render(operation, connection);
      if (rendered.size() != 1) {
        throw new IllegalStateException(operation + " rendered " + rendered.size() + " statements");
      }
      bound.statements().set(index, rendered.get(0));
      bound.deferred().set(index, null);
    }
    return bound.statements().get(index);
  }

  /**
   * The plan's statements to run, each with its parameters and the operation it came from ({@code
   * operation 2 of 3, addColumn("post", "status")}; null for raw SQL).
   */
  Bound bind(MigrationPlan plan, Connection connection) throws SQLException {
    List<String> statements = new ArrayList<>();
    List<List<Object>> parameters = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Operation> deferred = new ArrayList<>();
    List<Operation> operations = plan.operations();
    // Raw SQL renders the same without the connection, and none of it reads the live schema: the
    // dialect need not keep track of it then (SQLite's asks the database twice per statement)
    Connection rendering =
        operations.stream().allMatch(o -> o instanceof Operation.Execute) ? null : connection;
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      String name = OperationNames.of(operation);
      String source =
          name == null ? null : "operation " + (i + 1) + " of " + operations.size() + ", " + name;
      if (connection != null
          && operation instanceof Operation.Execute execute
          && !execute.parameters().isEmpty()) {
        statements.add(execute.sql());
        parameters.add(execute.parameters());
        sources.add(source);
        deferred.add(null);
        continue;
      }
      // the first operation sees the schema as it is; a later one may depend on those before it
      Optional<String> placeholder =
          connection != null && i > 0 ? dialect.renderedWhenRun(operation) : Optional.empty();
      if (placeholder.isPresent()) {
        statements.add(placeholder.get());
        parameters.add(List.of());
        sources.add(source);
        deferred.add(operation);
        continue;
      }
      for (String sql : dialect.render(operation, rendering)) {
        statements.add(sql);
        parameters.add(List.of());
        sources.add(source);
        deferred.add(null);
      }
    }
    return new Bound(statements, parameters, sources, deferred);
  }

  /**
   * Whether MySQL commits the open transaction before (and after) running {@code sql}: DDL and the
   * other statements its manual lists under "Statements That Cause an Implicit Commit".
   */
  static boolean causesImplicitCommit(String sql) {
    String text = SqlComments.strip(sql).toUpperCase(java.util.Locale.ROOT);
    if (text.matches("(?s)^(CREATE|DROP)\\s+TEMPORARY\\s+TABLE\\b.*")) {
      return false;
    }
    return text.matches(
        "(?s)^(CREATE|ALTER|DROP|RENAME|TRUNCATE|GRANT|REVOKE|LOCK|UNLOCK|ANALYZE|OPTIMIZE|REPAIR"
            + "|CHECK\\s+TABLE|FLUSH|RESET|INSTALL|UNINSTALL|CACHE\\s+INDEX|LOAD\\s+INDEX"
            + "|START\\s+TRANSACTION|BEGIN|SET\\s+PASSWORD|SET\\s+AUTOCOMMIT)\\b.*");
  }

  /** How a revision's statements meet transactions. */
  enum Mode {
    /** All statements, the version-row change and the history row in one transaction. */
    TRANSACTION,
    /**
     * In a transaction, except the statements that cannot be in one: before each of those the
     * transaction commits, the statement runs in autocommit, and a new transaction begins.
     */
    SPLIT,
    /** Declared {@code transactional false}: every statement commits on its own. */
    AUTOCOMMIT
  }

  Mode mode(MigrationPlan plan, List<String> statements) {
    if (plan.transactional() == Revision.Transactional.FALSE) {
      return Mode.AUTOCOMMIT;
    }
    if (plan.transactional() == Revision.Transactional.AUTO
        && statements.stream().anyMatch(dialect::requiresNoTransaction)) {
      return Mode.SPLIT;
    }
    return Mode.TRANSACTION;
  }

  /** In {@link Mode#SPLIT}, whether this statement runs on its own in autocommit. */
  boolean outsideTransaction(String sql) {
    return dialect.requiresNoTransaction(sql);
  }

  static String firstLine(String sql) {
    String trimmed = sql.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
  }

  /**
   * The revision's {@code v2} checksums (see {@link Checksums}), one per direction, over the
   * statements rendered offline so that online and offline runs agree. Operations that only render
   * against a live schema (a SQLite batch recreate) contribute their value's text.
   */
  Checksum checksum(RevisionScript revision) {
    return checksums.computeIfAbsent(
        revision.id(),
        id ->
            new Checksum(
                Checksums.v2(checksumParts(revision, Direction.UPGRADE, false)),
                Checksums.v2(checksumParts(revision, Direction.DOWNGRADE, false))));
  }

  /**
   * The {@code v1} checksum of history rows written before {@code v2}: upgrade statements, a
   * marker, downgrade statements, an irreversible direction by its declaration's text.
   */
  String legacyChecksum(RevisionScript revision) {
    List<String> parts = new ArrayList<>(checksumParts(revision, Direction.UPGRADE, true));
    parts.add(DOWNGRADE_MARKER);
    parts.addAll(checksumParts(revision, Direction.DOWNGRADE, true));
    return Checksums.v1(parts);
  }

  /**
   * Whether the revision's {@code v1} checksum hashed where its file is (an irreversible
   * direction's declaration named the file's path): then a {@code v1} row written from another
   * checkout cannot be recomputed here.
   */
  boolean legacyChecksumNamesItsFile(RevisionScript revision) {
    for (Direction direction : Direction.values()) {
      Optional<String> reason = plan(revision, direction).irreversibleReason();
      if (reason.isPresent()
          && revision
              .body()
              .v1Declaration(direction, kind, reason.get())
              .contains(revision.origin())) {
        return true;
      }
    }
    return false;
  }

  private List<String> checksumParts(RevisionScript revision, Direction direction, boolean v1) {
    MigrationPlan plan = plan(revision, direction);
    List<String> parts = new ArrayList<>();
    if (plan.irreversibleReason().isPresent()) {
      String reason = plan.irreversibleReason().get();
      parts.add(
          v1
              ? "-- irreversible: " + revision.body().v1Declaration(direction, kind, reason)
              : Checksums.IRREVERSIBLE);
    }
    for (Operation operation : plan.operations()) {
      try {
        parts.addAll(dialect.checksumText(operation));
      } catch (SQLException | RuntimeException e) {
        parts.add(operation.toString());
      }
    }
    return parts;
  }
}
