package dev.migrate.engine.runtime;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.dialect.UrlSyntax;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.VersionChange;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Applies revisions of a {@link RevisionGraph} to one database: upgrade, downgrade and stamp with
 * the version and history tables, a database lock for the whole run, one transaction per revision
 * where the database allows it, and checksums of applied revisions. Also writes the same work as a
 * SQL script without connecting (offline mode). The CLI and the JUnit extension both call this.
 *
 * <p>Every method opens its own connection and closes it before returning. Errors are {@link
 * MigrateException}s whose messages name the revision, its file and the statement at fault.
 */
public final class Migrator {
  /** What a version or history table name may be, for messages. */
  public static final String TABLE_NAME_RULE =
      "use 1 to 63 letters, digits and underscores, starting with a letter or underscore";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final RevisionGraph graph;
  private final ConnectionSource connections;
  private final String where;
  private final DatabaseKind kind;
  private final Dialect dialect;
  private final VersionStore store;
  private final RevisionWork work;
  private final boolean ignoreChecksums;
  private final Consumer<String> output;
  private final Duration lockTimeout;
  private final String appliedBy;

  private Migrator(Builder b, DatabaseKind kind) {
    this.graph = b.graph;
    this.connections = b.connections;
    this.where = b.where;
    this.kind = kind;
    this.dialect = Dialect.of(kind);
    this.store = new VersionStore(dialect, b.versionTable, b.historyTable);
    this.work = new RevisionWork(dialect);
    this.ignoreChecksums = b.ignoreChecksums;
    this.output = b.output;
    this.lockTimeout = b.lockTimeout;
    this.appliedBy = b.appliedBy;
  }

  public static Builder builder(RevisionGraph graph) {
    return new Builder(graph);
  }

  /** Whether {@code name} may name the version or history table ({@link #TABLE_NAME_RULE}). */
  public static boolean isValidTableName(String name) {
    return name != null && TABLE_NAME.matcher(name).matches();
  }

  public DatabaseKind databaseKind() {
    return kind;
  }

  // ---- online --------------------------------------------------------------------------------

  /**
   * Upgrades to {@code target} ({@code head}, {@code heads}, {@code +1}, an id, {@code label@head},
   * ...). Stops before running anything when an applied revision's checksum changed, unless
   * checksums are ignored. Returns the steps run, none when already there.
   */
  public List<MigrationStep> upgrade(String target) {
    rejectRange(target, "upgrade");
    return locked(
        c -> {
          store.ensureTables(c);
          List<String> rows = store.readRows(c);
          List<MigrationStep> steps = graph.upgrade(rows, target);
          if (!steps.isEmpty()) {
            // Only when there is work: upgrading a database already at the target stays a no-op.
            checkChecksums(c, rows);
          }
          return execute(c, steps);
        });
  }

  /** Downgrades to {@code target} ({@code base}, {@code -1}, an id, ...). Returns the steps run. */
  public List<MigrationStep> downgrade(String target) {
    rejectRange(target, "downgrade");
    return locked(
        c -> {
          store.ensureTables(c);
          List<String> rows = store.readRows(c);
          return execute(c, graph.downgrade(rows, target));
        });
  }

  /**
   * Sets the version rows to {@code targets} without running any revision. {@code purge} first
   * deletes every row, which is how a table holding an id no revision defines is repaired. Returns
   * the row changes made.
   */
  public List<VersionChange> stamp(List<String> targets, boolean purge) {
    List<String> given = List.copyOf(targets);
    return locked(
        c -> {
          store.ensureTables(c);
          List<String> rows = store.readRows(c);
          List<VersionChange> changes = graph.stamp(rows, given, purge);
          String by = appliedBy(c);
          c.setAutoCommit(false);
          try {
            for (VersionChange change : changes) {
              output.accept("Running stamp_revision " + stampLine(change));
              String revision = stampedRevision(change);
              String checksum =
                  change instanceof VersionChange.Delete
                      ? null
                      : work.checksum(graph.get(revision));
              store.recordStep(
                  c, List.of(change), revision, HistoryEntry.Action.STAMP, checksum, 0, true, by);
            }
            c.commit();
          } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
          return changes;
        });
  }

  /** The version rows as they are; empty when the table does not exist (it is not created). */
  public List<String> currentRows() {
    return connected(store::readRows);
  }

  /**
   * The database's schema as it is now, without the version and history tables (for comparing it
   * with the models).
   */
  public Schema schema() {
    SchemaReader reader =
        new SchemaReader(List.of(store.versionTableName(), store.historyTableName()));
    return connected(reader::read);
  }

  /** Every history row, oldest first; empty when the table does not exist. */
  public List<HistoryEntry> history() {
    return connected(store::readHistory);
  }

  /**
   * Applied revisions (the current rows and everything below them) whose checksum now differs from
   * the one stored when they were last upgraded or stamped.
   */
  public List<ChecksumMismatch> checksumMismatches() {
    return connected(c -> mismatches(c, store.readRows(c)));
  }

  // ---- offline -------------------------------------------------------------------------------

  /**
   * The SQL script of an upgrade, without connecting: {@code target} or {@code start:target} (the
   * version rows assumed at the start; none without a start). Includes the version and history
   * table statements, a {@code -- Running upgrade a -> b} comment per step, and BEGIN/COMMIT per
   * revision where the database has transactional DDL.
   */
  public String upgradeSql(String range) {
    int colon = range.indexOf(':');
    String start = colon < 0 ? "" : range.substring(0, colon);
    String end = colon < 0 ? range : range.substring(colon + 1);
    List<String> startRows = startRows(start);
    return script(startRows, graph.upgrade(startRows, end));
  }

  /** The SQL script of a downgrade, without connecting; {@code range} must be {@code start:end}. */
  public String downgradeSql(String range) {
    int colon = range.indexOf(':');
    if (colon <= 0) {
      throw MigrateException.badInput(
          "downgrade with --sql requires <fromrev>:<torev> (got '" + range + "')");
    }
    List<String> startRows = startRows(range.substring(0, colon));
    return script(startRows, graph.downgrade(startRows, range.substring(colon + 1)));
  }

  /**
   * The SQL script of a stamp, without connecting. Each target may carry the rows assumed at the
   * start as {@code start:target}; all targets must name the same start (none means no rows).
   */
  public String stampSql(List<String> targets) {
    String start = null;
    List<String> ends = new ArrayList<>();
    for (String target : targets) {
      int colon = target.indexOf(':');
      String thisStart = colon < 0 ? "" : target.substring(0, colon);
      if (start != null && !start.equals(thisStart)) {
        throw MigrateException.badInput(
            "Stamp operation with --sql only supports a single starting revision at a time;"
                + " got '"
                + start
                + "' and '"
                + thisStart
                + "'");
      }
      start = thisStart;
      ends.add(colon < 0 ? target : target.substring(colon + 1));
    }
    List<String> startRows = startRows(start == null ? "" : start);
    List<VersionChange> changes = graph.stamp(startRows, ends, false);
    String by = appliedBy == null ? "offline" : appliedBy;
    OfflineScript out = new OfflineScript(kind);
    if (startRows.isEmpty()) {
      out.statement(store.createVersionTableSql());
      out.statement(store.createHistoryTableSql());
    }
    if (changes.isEmpty()) {
      return out.text();
    }
    if (dialect.transactionalDdl()) {
      out.line("BEGIN;");
    }
    for (VersionChange change : changes) {
      out.line("-- Running stamp_revision " + stampLine(change));
      out.statement(store.changeSql(change));
      String revision = stampedRevision(change);
      String checksum =
          change instanceof VersionChange.Delete ? null : work.checksum(graph.get(revision));
      out.statement(store.recordSql(revision, HistoryEntry.Action.STAMP, checksum, 0, true, by));
    }
    if (dialect.transactionalDdl()) {
      out.line("COMMIT;");
    }
    return out.text();
  }

  private List<String> startRows(String start) {
    if (start.isEmpty() || start.equals("base")) {
      return List.of();
    }
    return List.copyOf(graph.resolveAll(start));
  }

  private String script(List<String> startRows, List<MigrationStep> steps) {
    List<MigrationPlan> plans = plans(steps);
    String by = appliedBy == null ? "offline" : appliedBy;
    OfflineScript out = new OfflineScript(kind);
    if (startRows.isEmpty()) {
      out.statement(store.createVersionTableSql());
      out.statement(store.createHistoryTableSql());
    }
    for (int i = 0; i < steps.size(); i++) {
      MigrationStep step = steps.get(i);
      RevisionScript revision = step.revision();
      List<String> statements;
      try {
        statements = work.render(revision, plans.get(i), null);
      } catch (SQLException | RuntimeException e) {
        throw renderFailure(revision, e);
      }
      RevisionWork.Mode mode = work.mode(plans.get(i), statements);
      boolean transaction = mode != RevisionWork.Mode.AUTOCOMMIT && dialect.transactionalDdl();
      if (transaction) {
        out.line("BEGIN;");
      }
      out.line(
          "-- Running "
              + step.direction().word()
              + " "
              + String.join(", ", step.from())
              + " -> "
              + String.join(", ", step.to())
              + (mode == RevisionWork.Mode.TRANSACTION ? "" : " (non-transactional)"));
      for (String sql : statements) {
        if (transaction && mode == RevisionWork.Mode.SPLIT && work.outsideTransaction(sql)) {
          out.line("COMMIT;");
          out.statement(sql);
          out.line("BEGIN;");
        } else {
          out.statement(sql);
        }
      }
      step.versionChanges().forEach(change -> out.statement(store.changeSql(change)));
      out.statement(
          store.recordSql(revision.id(), action(step), work.checksum(revision), 0, true, by));
      if (transaction) {
        out.line("COMMIT;");
      }
    }
    return out.text();
  }

  // ---- running steps -------------------------------------------------------------------------

  private List<MigrationPlan> plans(List<MigrationStep> steps) {
    // Every plan first, so an irreversible step stops the run before anything has changed.
    List<MigrationPlan> plans = new ArrayList<>();
    for (MigrationStep step : steps) {
      RevisionScript revision = step.revision();
      if (revision.id().length() > VersionStore.MAX_ID_LENGTH) {
        throw MigrateException.badInput(
            "Revision id '"
                + revision.id()
                + "' ("
                + revision.origin()
                + ") is longer than "
                + VersionStore.MAX_ID_LENGTH
                + " characters, the width of the version table's version_num column;"
                + " give it a shorter id");
      }
      plans.add(work.runnablePlan(revision, step.direction()));
    }
    return plans;
  }

  private List<MigrationStep> execute(Connection c, List<MigrationStep> steps) throws SQLException {
    List<MigrationPlan> plans = plans(steps);
    String by = appliedBy(c);
    List<MigrationStep> done = new ArrayList<>();
    try {
      for (int i = 0; i < steps.size(); i++) {
        runStep(c, steps.get(i), plans.get(i), by, done);
        done.add(steps.get(i));
      }
    } finally {
      setAutoCommitQuietly(c);
    }
    return done;
  }

  private void runStep(
      Connection c, MigrationStep step, MigrationPlan plan, String by, List<MigrationStep> done)
      throws SQLException {
    RevisionScript revision = step.revision();
    String checksum = work.checksum(revision);
    List<String> statements;
    try {
      statements = work.render(revision, plan, c);
    } catch (SQLException | RuntimeException e) {
      throw renderFailure(revision, e);
    }
    RevisionWork.Mode mode = work.mode(plan, statements);
    output.accept(
        step.describe() + (mode == RevisionWork.Mode.TRANSACTION ? "" : " (non-transactional)"));
    long started = System.nanoTime();
    int failedAt = 0;
    int committed = 0;
    try {
      autoCommit(c, mode == RevisionWork.Mode.AUTOCOMMIT);
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          failedAt++;
          if (mode == RevisionWork.Mode.SPLIT && work.outsideTransaction(sql)) {
            c.setAutoCommit(true); // commits the statements before it
            committed = failedAt - 1;
            s.execute(sql);
            committed = failedAt;
            c.setAutoCommit(false);
          } else {
            s.execute(sql);
          }
        }
      }
      failedAt = 0;
      // The version-row change and the history row commit together, also when the statements
      // could not be in a transaction.
      autoCommit(c, false);
      store.recordStep(
          c,
          step.versionChanges(),
          revision.id(),
          action(step),
          checksum,
          millisSince(started),
          true,
          by);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      recordFailureQuietly(c, step, checksum, millisSince(started), by, e);
      int executed = failedAt > 0 ? failedAt - 1 : statements.size();
      String effect;
      if (!dialect.transactionalDdl()) {
        effect = effect(executed, "MySQL commits DDL at once", false, revision);
      } else if (mode == RevisionWork.Mode.AUTOCOMMIT) {
        effect = effect(executed, "it ran outside a transaction", false, revision);
      } else {
        effect =
            effect(
                committed,
                "they ran outside a transaction, or before a statement that had to",
                true,
                revision);
      }
      throw stepFailure(c, step, statements, failedAt, effect, done, e);
    }
  }

  /**
   * Switches autocommit only when it changes: some drivers (MySQL's) spend a round trip on every
   * call, and consecutive revisions mostly want the same mode.
   */
  private static void autoCommit(Connection c, boolean on) throws SQLException {
    if (c.getAutoCommit() != on) {
      c.setAutoCommit(on);
    }
  }

  /** What a failed revision left behind: how many of its first statements took effect. */
  private static String effect(
      int tookEffect, String why, boolean rolledBack, RevisionScript revision) {
    if (tookEffect == 0) {
      return rolledBack
          ? "Its transaction was rolled back: none of its statements took effect."
          : "None of its statements took effect.";
    }
    return "Statements 1 to "
        + tookEffect
        + " of it may have taken effect ("
        + why
        + ") and were not rolled back: undo them by hand (or complete the revision by hand and"
        + " `migrate stamp "
        + revision.id()
        + "`) before running again.";
  }

  private MigrateException stepFailure(
      Connection c,
      MigrationStep step,
      List<String> statements,
      int failedAt,
      String effect,
      List<MigrationStep> done,
      Exception cause) {
    RevisionScript revision = step.revision();
    StringBuilder m = new StringBuilder();
    m.append("Revision ")
        .append(revision.id())
        .append(" (")
        .append(revision.origin())
        .append(") failed");
    if (failedAt > 0) {
      m.append(" at statement ")
          .append(failedAt)
          .append(" of ")
          .append(statements.size())
          .append(" of its ")
          .append(step.direction().word())
          .append(":\n    ")
          .append(shortened(statements.get(failedAt - 1)).replace("\n", "\n    "))
          .append("\n  ")
          .append(reason(cause))
          .append('\n');
    } else {
      m.append(" while recording it in ")
          .append(store.versionTableName())
          .append(":\n  ")
          .append(reason(cause))
          .append('\n');
    }
    m.append(effect).append('\n');
    if (done.isEmpty()) {
      m.append("No revision was applied by this run.\n");
    } else {
      m.append("Applied by this run before it: ");
      for (int i = 0; i < done.size(); i++) {
        m.append(i == 0 ? "" : ", ")
            .append(done.get(i).revision().id())
            .append(" (")
            .append(done.get(i).direction().word())
            .append(')');
      }
      m.append(".\n");
    }
    m.append("Version table ").append(store.versionTableName()).append(" now holds: ");
    try {
      List<String> rows = store.readRows(c);
      m.append(rows.isEmpty() ? "no rows (base)" : String.join(", ", rows)).append('.');
    } catch (SQLException | RuntimeException e) {
      m.append("unknown (").append(e.getMessage()).append(").");
    }
    return MigrateException.failed(m.toString(), cause);
  }

  /** A statement for a message: a bulk insert can be megabytes long. */
  static String shortened(String sql) {
    String text = sql.strip();
    int limit = 2000;
    return text.length() <= limit
        ? text
        : text.substring(0, limit) + " ... (" + (text.length() - limit) + " more characters)";
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.toString() : message.strip();
  }

  private MigrateException renderFailure(RevisionScript revision, Exception e) {
    if (e instanceof MigrateException me && me.getMessage().contains(revision.id())) {
      return me;
    }
    return MigrateException.failed(
        "Revision "
            + revision.id()
            + " ("
            + revision.origin()
            + ") could not be rendered for "
            + kind.id()
            + ": "
            + reason(e),
        e);
  }

  private void recordFailureQuietly(
      Connection c,
      MigrationStep step,
      String checksum,
      long millis,
      String by,
      Exception failure) {
    try {
      c.setAutoCommit(true);
      if (store.historyTableExists(c)) {
        store.recordStep(
            c, List.of(), step.revision().id(), action(step), checksum, millis, false, by);
      }
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void checkChecksums(Connection c, List<String> rows) throws SQLException {
    List<ChecksumMismatch> mismatches = mismatches(c, rows);
    if (mismatches.isEmpty()) {
      return;
    }
    StringBuilder m = new StringBuilder();
    for (ChecksumMismatch mismatch : mismatches) {
      m.append(mismatch.describe()).append('\n');
    }
    if (ignoreChecksums) {
      output.accept("Ignoring changed revisions (--ignore-checksums):\n" + m.toString().strip());
      return;
    }
    m.append(
        "Upgrade stopped before running anything. Restore the revision file(s) as they were"
            + " applied, or run with --ignore-checksums to upgrade anyway.");
    throw MigrateException.failed(m.toString(), null);
  }

  private List<ChecksumMismatch> mismatches(Connection c, List<String> rows) throws SQLException {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, String> stored = new HashMap<>();
    for (HistoryEntry entry : store.readHistory(c)) {
      if (entry.success()
          && entry.checksum() != null
          && entry.action() != HistoryEntry.Action.DOWNGRADE) {
        stored.put(entry.revision(), entry.checksum());
      }
    }
    // The applied revisions are exactly those a downgrade to base would undo.
    Map<String, RevisionScript> applied = new LinkedHashMap<>();
    for (MigrationStep step : graph.downgrade(rows, "base")) {
      applied.put(step.revision().id(), step.revision());
    }
    List<ChecksumMismatch> out = new ArrayList<>();
    for (RevisionScript revision : applied.values()) {
      String before = stored.get(revision.id());
      if (before != null) {
        String now = work.checksum(revision);
        if (!now.equals(before)) {
          out.add(new ChecksumMismatch(revision.id(), revision.origin(), before, now));
        }
      }
    }
    return out;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static HistoryEntry.Action action(MigrationStep step) {
    return step.direction() == Direction.UPGRADE
        ? HistoryEntry.Action.UPGRADE
        : HistoryEntry.Action.DOWNGRADE;
  }

  private static String stampLine(VersionChange change) {
    if (change instanceof VersionChange.Insert insert) {
      return " -> " + insert.id();
    }
    if (change instanceof VersionChange.Delete delete) {
      return delete.id() + " -> ";
    }
    VersionChange.Update update = (VersionChange.Update) change;
    return update.from() + " -> " + update.to();
  }

  private static String stampedRevision(VersionChange change) {
    if (change instanceof VersionChange.Insert insert) {
      return insert.id();
    }
    if (change instanceof VersionChange.Delete delete) {
      return delete.id();
    }
    return ((VersionChange.Update) change).to();
  }

  private static void rejectRange(String target, String command) {
    if (target.contains(":")) {
      throw MigrateException.badInput(
          "Range revision not allowed: "
              + command
              + " '"
              + target
              + "' takes one target; a start:end range is only accepted with --sql");
    }
  }

  private String appliedBy(Connection c) throws SQLException {
    if (appliedBy != null) {
      return appliedBy;
    }
    String user = System.getProperty("user.name");
    if (user == null || user.isBlank()) {
      user = c.getMetaData().getUserName();
    }
    return user == null || user.isBlank() ? "unknown" : user;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      // the connection is broken; closing it discards the transaction
    }
  }

  private static void setAutoCommitQuietly(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // reported by the next use of the connection, if any
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T connected(Work<T> work) {
    if (connections == null) {
      throw MigrateException.badInput(
          "No database connection configured: give a JDBC URL (offline --sql needs none)");
    }
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      return work.run(c);
    } catch (SQLException e) {
      String hint =
          kind == DatabaseKind.SQLITE && String.valueOf(e.getMessage()).contains("SQLITE_CANTOPEN")
              ? "; check that the database file's directory exists and is writable"
              : "";
      throw MigrateException.failed("Database error on " + where + ": " + reason(e) + hint, e);
    }
  }

  /** Runs with the migration lock held; the version rows are read only after it is taken. */
  private <T> T locked(Work<T> work) {
    return connected(
        c -> {
          try (MigrationLock lock =
              MigrationLock.acquire(c, kind, store.versionTableName(), lockTimeout, where)) {
            return work.run(c);
          }
        });
  }

  /** Options of a {@link Migrator}; only the graph and a database are required. */
  public static final class Builder {
    private final RevisionGraph graph;
    private ConnectionSource connections;
    private String where = "the database";
    private String url;
    private DatabaseKind kind;
    private String versionTable = "migrate_version";
    private String historyTable = "migrate_history";
    private boolean ignoreChecksums;
    private Consumer<String> output = LoggerFactory.getLogger(Migrator.class)::info;
    private Duration lockTimeout = Duration.ofMinutes(10);
    private String appliedBy;

    private Builder(RevisionGraph graph) {
      this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** A JDBC URL that carries any credentials itself. */
    public Builder url(String url) {
      return url(url, null, null);
    }

    /**
     * A JDBC URL with a user and password (either may be null). A malformed URL is bad input at
     * {@link #build()}. An in-memory SQLite URL ({@code jdbc:sqlite::memory:}) keeps its database
     * for the life of the Migrator: every call sees what the previous ones did.
     */
    public Builder url(String url, String user, String password) {
      this.url = Objects.requireNonNull(url, "url");
      this.where = Urls.mask(url);
      this.connections = UrlConnections.of(url, user, password);
      return this;
    }

    public Builder dataSource(DataSource dataSource) {
      Objects.requireNonNull(dataSource, "dataSource");
      return connections(dataSource::getConnection);
    }

    public Builder connections(ConnectionSource connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
      this.url = null;
      this.where = "the database";
      return this;
    }

    /** The backend; needed offline without a URL, otherwise taken from the URL or connection. */
    public Builder databaseKind(DatabaseKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder versionTable(String name) {
      this.versionTable = name;
      return this;
    }

    public Builder historyTable(String name) {
      this.historyTable = name;
      return this;
    }

    /** Upgrade even when an applied revision's checksum changed ({@code --ignore-checksums}). */
    public Builder ignoreChecksums(boolean ignore) {
      this.ignoreChecksums = ignore;
      return this;
    }

    /**
     * Receives the {@code Running upgrade a -> b, message} lines; by default they are logged at
     * INFO through SLF4J (logger {@code dev.migrate.engine.runtime.Migrator}).
     */
    public Builder output(Consumer<String> output) {
      this.output = Objects.requireNonNull(output, "output");
      return this;
    }

    /** How long to wait for another run's lock on the same database (default 10 minutes). */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Who the history table names; default the OS user, else the database user. */
    public Builder appliedBy(String who) {
      this.appliedBy = who;
      return this;
    }

    public Migrator build() {
      DatabaseKind resolved = kind;
      if (resolved == null && url != null) {
        resolved = UrlSyntax.check(url);
      }
      if (resolved == null && connections != null) {
        try (Connection c = connections.open()) {
          resolved = DatabaseKind.fromJdbcUrl(c.getMetaData().getURL());
        } catch (SQLException e) {
          throw MigrateException.failed("Cannot connect to the database: " + reason(e), e);
        }
      }
      if (resolved == null) {
        throw MigrateException.badInput(
            "The database kind is unknown: give a JDBC URL, a data source, or the database"
                + " (postgresql, mysql or sqlite) for offline --sql");
      }
      return new Migrator(this, resolved);
    }
  }
}
