package dev.migrate.engine.runtime;

import dev.migrate.engine.ChecksumMismatchException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.RevisionFailedException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection to one database with the migration lock held, from {@link Migrator#open()} until
 * {@link #close()}. Steps are applied one at a time, each with its version-row change and history
 * row, so a caller (verification, a test) can walk revisions and look at the schema between them
 * without another run slipping in:
 *
 * <pre>{@code
 * try (MigrationSession s = migrator.open()) {
 *   MigrationStep up = migrator.stepUp(s.currentRows(), "a1");
 *   s.apply(up);
 *   Schema after = s.schema();
 * }
 * }</pre>
 *
 * A session is used by one thread at a time. Closing it releases the lock and closes the
 * connection, unless the connection belongs to the caller ({@link Migrator.Builder#connection}).
 */
public final class MigrationSession implements AutoCloseable {
  private final Migrator migrator;
  private final Connection connection;
  private final Runnable release;
  private final MigrationLock lock;
  private final SchemaReader reader;
  private final List<String> applied = new ArrayList<>();
  private final Map<String, HistoryEntry> interruptedEarlier = new HashMap<>();
  private String appliedBy;
  private boolean tablesReady;

  /**
   * The started history row of the next step of {@link #applyAll}, written in the transaction that
   * finished the step before it (see {@link #run}); null when there is none.
   */
  private PreStarted preStarted;

  private record PreStarted(String revision, HistoryEntry.Action action, long historyId) {}

  private boolean closed;

  MigrationSession(Migrator migrator, Connection connection, Runnable release, MigrationLock lock) {
    this.migrator = migrator;
    this.connection = connection;
    this.release = release;
    this.lock = lock;
    this.reader =
        new SchemaReader(
            List.of(migrator.store.versionTableName(), migrator.store.historyTableName()));
  }

  public DatabaseKind databaseKind() {
    return migrator.databaseKind();
  }

  /**
   * The session's connection, for work between steps (inserting fixture rows, reading data). Leave
   * it in autocommit and do not close it.
   */
  public Connection connection() {
    return connection;
  }

  /** The version rows as they are now; empty when the table does not exist yet. */
  public List<String> currentRows() {
    return database(() -> migrator.store.readRows(connection));
  }

  /** Every history row, oldest first. */
  public List<HistoryEntry> history() {
    return database(() -> migrator.store.readHistory(connection));
  }

  /** The schema now, without the version and history tables. */
  public Schema schema() {
    return reader.read(connection);
  }

  /** A digest of the schema's catalog rows: equal fingerprints mean an equal {@link #schema()}. */
  public String fingerprint() {
    return reader.fingerprint(connection);
  }

  /**
   * Applied revisions whose up statements changed since they were applied (stops an upgrade) or
   * whose down statements changed (a warning).
   */
  public List<ChecksumMismatch> checksumMismatches() {
    return database(() -> migrator.mismatches(connection, migrator.store.readRows(connection)));
  }

  /** Plans and runs an upgrade to {@code target} from the rows as they are now. */
  public List<MigrationStep> upgrade(String target) {
    return database(
        () -> {
          ensureTables();
          List<String> rows = migrator.store.readRows(connection);
          List<MigrationStep> steps = migrator.graph.upgrade(rows, target);
          // Also with nothing to do: an edited applied revision is news either way.
          checkChecksums(rows);
          return applyAll(steps);
        });
  }

  /** Plans and runs a downgrade to {@code target} from the rows as they are now. */
  public List<MigrationStep> downgrade(String target) {
    return database(
        () -> {
          ensureTables();
          List<String> rows = migrator.store.readRows(connection);
          List<MigrationStep> steps = migrator.graph.downgrade(rows, target);
          warnOfChangedRevisions(rows, steps);
          return applyAll(steps);
        });
  }

  /**
   * Runs one step (from {@link Migrator#stepUp}, {@link Migrator#stepDown} or a plan) with its
   * version-row change and history row.
   *
   * @throws dev.migrate.engine.RevisionFailedException when its statements fail
   * @throws dev.migrate.engine.IrreversibleRevisionException when that direction is declared
   *     irreversible (nothing runs)
   */
  public StepResult apply(MigrationStep step) {
    return apply(step, null);
  }

  /**
   * Runs one step as {@link #apply(MigrationStep)} does, and where DDL is not transactional (MySQL)
   * commits {@code next}'s "started" history row with it, saving that step a commit of its own: for
   * a caller that applies {@code next} after it (verification's up, then down). A started row whose
   * step is not the next one applied is removed then, or when the session closes.
   */
  public StepResult apply(MigrationStep step, MigrationStep next) {
    return database(
        () -> {
          ensureTables();
          MigrationPlan plan = migrator.plan(step);
          try {
            return run(step, plan, next);
          } finally {
            autoCommitQuietly();
          }
        });
  }

  /**
   * Records {@code step}'s version-row change and a {@code stamp} history row without running its
   * statements: for a revision whose work is done another way (a slow data load).
   */
  public void stamp(MigrationStep step) {
    database(
        () -> {
          ensureTables();
          autoCommit(false);
          try {
            migrator.store.recordStep(
                connection,
                step.versionChanges(),
                step.revision().id(),
                HistoryEntry.Action.STAMP,
                migrator.work.checksum(step.revision()),
                0,
                true,
                appliedBy());
            connection.commit();
          } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
          } finally {
            autoCommitQuietly();
          }
          return null;
        });
  }

  /** Runs steps in order; every plan is checked first, so an irreversible one runs nothing. */
  public List<MigrationStep> applyAll(List<MigrationStep> steps) {
    return database(
        () -> {
          ensureTables();
          List<MigrationPlan> plans = new ArrayList<>();
          for (MigrationStep step : steps) {
            plans.add(migrator.plan(step));
          }
          List<MigrationStep> done = new ArrayList<>();
          try {
            for (int i = 0; i < steps.size(); i++) {
              run(steps.get(i), plans.get(i), i + 1 < steps.size() ? steps.get(i + 1) : null);
              done.add(steps.get(i));
            }
          } finally {
            discardPreStartedQuietly();
            autoCommitQuietly();
          }
          return done;
        });
  }

  /** Releases the lock; closes the connection unless it belongs to the caller. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    discardPreStartedQuietly();
    try {
      lock.close();
    } catch (SQLException | RuntimeException e) {
      // the lock belongs to the connection's session; closing the connection releases it
    } finally {
      release.run();
    }
  }

  // ---- running a step ------------------------------------------------------------------------

  /** Creates or completes the version and history tables, once per session. */
  void ensureTables() throws SQLException {
    if (!tablesReady) {
      if (migrator.store.ensureTables(connection)) {
        migrator.translateLegacyChecksums(connection);
      }
      // A revision whose latest history row is still "started" was cut off by a killed run.
      Map<String, HistoryEntry> latest = new HashMap<>();
      for (HistoryEntry entry : migrator.store.readHistory(connection)) {
        latest.put(entry.revision(), entry);
      }
      latest.values().stream()
          .filter(HistoryEntry::interrupted)
          .forEach(entry -> interruptedEarlier.put(entry.revision(), entry));
      tablesReady = true;
    }
  }

  /** Before a downgrade: says which of the revisions it undoes changed since they were applied. */
  private void warnOfChangedRevisions(List<String> rows, List<MigrationStep> steps)
      throws SQLException {
    List<String> undone = steps.stream().map(step -> step.revision().id()).toList();
    for (ChecksumMismatch changed : migrator.mismatches(connection, rows)) {
      if (undone.contains(changed.revision())) {
        migrator.output.accept(
            "Warning: " + changed.describe() + ". Its downgrade runs as it is now.");
      }
    }
  }

  /**
   * Stops when an applied revision's upgrade changed since it was applied (unless checksums are
   * ignored); a change to a downgrade only is printed as a warning.
   */
  private void checkChecksums(List<String> rows) throws SQLException {
    List<ChecksumMismatch> all = migrator.mismatches(connection, rows);
    for (ChecksumMismatch warning : all.stream().filter(ChecksumMismatch::isWarning).toList()) {
      migrator.output.accept(
          "Warning: "
              + warning.describe()
              + ". Downgrades run it as it is now; record it with"
              + " `migrate stamp --accept-checksums`.");
    }
    List<ChecksumMismatch> mismatches = all.stream().filter(m -> !m.isWarning()).toList();
    if (mismatches.isEmpty()) {
      return;
    }
    StringBuilder m = new StringBuilder();
    for (ChecksumMismatch mismatch : mismatches) {
      m.append(mismatch.describe()).append('\n');
    }
    if (migrator.ignoreChecksums) {
      migrator.output.accept(
          "Ignoring changed revisions (--ignore-checksums):\n" + m.toString().strip());
      return;
    }
    m.append(
        "Upgrade stopped before running anything. Restore the revision file(s) as they were"
            + " applied, run with --ignore-checksums to upgrade anyway, or accept the edits with"
            + " `migrate stamp --accept-checksums`.");
    throw new ChecksumMismatchException(m.toString(), mismatches);
  }

  /**
   * Runs one step. {@code next} is the step that follows in the same run, or null: on MySQL, where
   * every step writes a started history row, the next step's row is written in this step's final
   * transaction, so a step costs the database one commit less (the row still commits before the
   * next step's first statement).
   */
  private StepResult run(MigrationStep step, MigrationPlan plan, MigrationStep next)
      throws SQLException {
    RevisionScript revision = step.revision();
    Checksum checksum = migrator.work.checksum(revision);
    // left in place until the statements start, so that a failure before them discards it
    long preStartedId = preStartedFor(step);
    RevisionWork.Bound bound;
    try {
      bound = migrator.work.bind(plan, connection);
    } catch (SQLException | RuntimeException e) {
      throw notify(step, migrator.renderFailure(step, e, applied, rowsOrNull()));
    }
    List<String> statements = bound.statements();
    RevisionWork.Mode mode = migrator.work.mode(plan, statements);
    boolean transactionalDdl = migrator.dialect.transactionalDdl();
    // Where a rollback cannot undo everything, a row says the step began before anything runs,
    // so that a run killed in the middle leaves a trace the next run reports.
    boolean leavesTrace = !transactionalDdl || mode != RevisionWork.Mode.TRANSACTION;
    HistoryEntry interrupted = interruptedEarlier.get(revision.id());
    migrator.output.accept(
        step.describe() + (mode == RevisionWork.Mode.TRANSACTION ? "" : " (non-transactional)"));
    if (interrupted != null) {
      migrator.output.accept("Warning: " + interruptedNote(interrupted));
    }
    for (MigrationListener listener : migrator.listeners) {
      listener.beforeStep(step, statements);
    }
    String by = appliedBy();
    long started = System.nanoTime();
    long historyId = preStartedId;
    int failedAt = 0;
    int committed = 0;
    RevisionFailedException.Phase phase = RevisionFailedException.Phase.STATEMENT;
    try {
      preStarted = null; // from here on the failure is recorded in it
      if (leavesTrace && historyId < 0) {
        autoCommit(true);
        historyId = migrator.store.startStep(connection, revision.id(), action(step), checksum, by);
      }
      autoCommit(mode == RevisionWork.Mode.AUTOCOMMIT);
      try (Statement s = connection.createStatement()) {
        for (int i = 0; i < statements.size(); i++) {
          failedAt++;
          String sql = migrator.work.statement(bound, i, connection);
          List<Object> values = bound.parameters().get(i);
          if (mode == RevisionWork.Mode.SPLIT && migrator.work.outsideTransaction(sql)) {
            connection.setAutoCommit(true); // commits the statements before it
            committed = failedAt - 1;
            execute(s, sql, values);
            committed = failedAt;
            connection.setAutoCommit(false);
          } else {
            execute(s, sql, values);
          }
        }
      }
      failedAt = 0;
      phase = RevisionFailedException.Phase.RECORD;
      // The version-row change and the history row commit together, also when the statements
      // could not be in a transaction.
      autoCommit(false);
      if (historyId >= 0) {
        migrator.store.finishStep(
            connection, step.versionChanges(), historyId, millisSince(started), true);
      } else {
        migrator.store.recordStep(
            connection,
            step.versionChanges(),
            revision.id(),
            action(step),
            checksum,
            millisSince(started),
            true,
            by);
      }
      PreStarted nextStarted = null;
      if (next != null && !transactionalDdl) {
        nextStarted =
            new PreStarted(
                next.revision().id(),
                action(next),
                migrator.store.startStep(
                    connection,
                    next.revision().id(),
                    action(next),
                    migrator.work.checksum(next.revision()),
                    by));
      }
      phase = RevisionFailedException.Phase.COMMIT;
      connection.commit();
      preStarted = nextStarted;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      recordFailureQuietly(step, checksum, historyId, millisSince(started), by, e);
      int executed = failedAt > 0 ? failedAt - 1 : statements.size();
      int tookEffect;
      boolean rolledBack;
      String why;
      if (mode == RevisionWork.Mode.AUTOCOMMIT) {
        tookEffect = executed;
        rolledBack = false;
        why = "it ran outside a transaction";
      } else if (!transactionalDdl) {
        tookEffect = committedByMysql(statements, executed, failedAt);
        rolledBack = tookEffect < executed;
        why = "MySQL commits DDL at once, with the statements before it";
      } else {
        tookEffect = committed;
        rolledBack = true;
        why = "they ran outside a transaction, or before a statement that had to";
      }
      String source = failedAt > 0 ? bound.sources().get(failedAt - 1) : null;
      RevisionFailedException failure =
          migrator.stepFailure(
              step,
              statements,
              phase,
              failedAt,
              source,
              tookEffect,
              why,
              rolledBack,
              interrupted == null ? null : interruptedNote(interrupted),
              List.copyOf(applied),
              rowsOrNull(),
              e);
      throw notify(step, failure);
    }
    interruptedEarlier.remove(revision.id());
    applied.add(revision.id() + " (" + step.direction().word() + ")");
    StepResult result =
        new StepResult(
            step,
            statements,
            mode == RevisionWork.Mode.TRANSACTION,
            Duration.ofNanos(System.nanoTime() - started));
    for (MigrationListener listener : migrator.listeners) {
      listener.afterStep(result);
    }
    return result;
  }

  /**
   * On MySQL, how many of the first {@code executed} statements committed: each DDL statement
   * commits itself and everything before it; what followed the last one was rolled back. A failed
   * DDL statement has already committed the statements before it.
   */
  private static int committedByMysql(List<String> statements, int executed, int failedAt) {
    if (failedAt > 0 && RevisionWork.causesImplicitCommit(statements.get(failedAt - 1))) {
      return executed;
    }
    for (int i = executed; i > 0; i--) {
      if (RevisionWork.causesImplicitCommit(statements.get(i - 1))) {
        return i;
      }
    }
    return 0;
  }

  private static String interruptedNote(HistoryEntry started) {
    return "an earlier run started the "
        + started.action().word()
        + " of revision "
        + started.revision()
        + (started.appliedAt() == null ? "" : " at " + started.appliedAt())
        + " (by "
        + started.appliedBy()
        + ") and never finished: it was killed or lost its connection part-way, so some of its"
        + " statements may already have taken effect.";
  }

  private void execute(Statement s, String sql, List<Object> values) throws SQLException {
    if (values.isEmpty()) {
      s.execute(sql);
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      ps.execute();
    }
  }

  private MigrateException notify(MigrationStep step, MigrateException failure) {
    for (MigrationListener listener : migrator.listeners) {
      try {
        listener.stepFailed(step, failure);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  private List<String> rowsOrNull() {
    try {
      return migrator.store.readRows(connection);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  /** The id of {@code step}'s history row written by the step before it, or -1. */
  private long preStartedFor(MigrationStep step) {
    PreStarted started = preStarted;
    if (started == null) {
      return -1;
    }
    if (started.revision().equals(step.revision().id()) && started.action() == action(step)) {
      return started.historyId();
    }
    discardPreStartedQuietly();
    return -1;
  }

  /** A started row for a step that did not run after all is removed: it claims nothing. */
  private void discardPreStartedQuietly() {
    PreStarted started = preStarted;
    preStarted = null;
    if (started != null) {
      discardQuietly(started.historyId());
    }
  }

  private void discardQuietly(long historyId) {
    if (historyId < 0) {
      return;
    }
    try {
      connection.setAutoCommit(true);
      migrator.store.discardStarted(connection, historyId);
    } catch (SQLException | RuntimeException e) {
      // the row stays, and the next run reports an interrupted step that did nothing
    }
  }

  private void recordFailureQuietly(
      MigrationStep step,
      Checksum checksum,
      long historyId,
      long millis,
      String by,
      Exception failure) {
    try {
      connection.setAutoCommit(true);
      if (historyId >= 0) {
        migrator.store.finishStep(connection, List.of(), historyId, millis, false);
      } else if (migrator.store.historyTableExists(connection)) {
        migrator.store.recordStep(
            connection, List.of(), step.revision().id(), action(step), checksum, millis, false, by);
      }
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private String appliedBy() throws SQLException {
    if (appliedBy == null) {
      appliedBy = migrator.appliedBy(connection);
    }
    return appliedBy;
  }

  static HistoryEntry.Action action(MigrationStep step) {
    return step.direction() == Direction.UPGRADE
        ? HistoryEntry.Action.UPGRADE
        : HistoryEntry.Action.DOWNGRADE;
  }

  /**
   * Switches autocommit only when it changes: some drivers (MySQL's) spend a round trip on every
   * call, and consecutive revisions mostly want the same mode.
   */
  private void autoCommit(boolean on) throws SQLException {
    if (connection.getAutoCommit() != on) {
      connection.setAutoCommit(on);
    }
  }

  private void rollbackQuietly() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is broken; closing it discards the transaction
    }
  }

  private void autoCommitQuietly() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // reported by the next use of the connection, if any
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T database(Work<T> work) {
    if (closed) {
      throw new IllegalStateException("This migration session is closed");
    }
    try {
      return work.run();
    } catch (SQLException e) {
      throw migrator.databaseError(e);
    }
  }
}
