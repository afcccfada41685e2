package dev.migrate.engine.runtime;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.MigrateFailedException;
import dev.migrate.engine.RevisionFailedException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.dialect.UrlSyntax;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.VersionChange;
import dev.migrate.engine.revision.source.Checksums;
import dev.migrate.engine.revision.source.RevisionWriter;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p>Every method opens its own connection (or uses the caller's, which it never closes) and gives
 * it back before returning; {@link #open()} keeps one connection and the lock across steps ({@link
 * MigrationSession}), which {@link #stepUp} and {@link #stepDown} plan one revision at a time.
 * Errors are {@link MigrateException}s of a type that says what failed, with messages that name the
 * revision, its file and the statement at fault.
 */
public final class Migrator {
  /** What a version or history table name may be, for messages. */
  public static final String TABLE_NAME_RULE =
      "use 1 to 63 letters, digits and underscores, starting with a letter or underscore";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  final RevisionGraph graph;
  private final ConnectionSource connections;
  private final boolean callerConnection;
  private final String where;
  private final DatabaseKind kind;
  final Dialect dialect;
  final VersionStore store;
  final RevisionWork work;
  final boolean ignoreChecksums;
  final Consumer<String> output;
  final List<MigrationListener> listeners;
  private final Duration lockTimeout;
  private final String appliedBy;

  private final java.nio.file.Path missingSqliteFile;

  private Migrator(Builder b, DatabaseKind kind) {
    this.graph = b.graph;
    this.connections = b.connections;
    this.callerConnection = b.callerConnection;
    this.where = b.where;
    this.kind = kind;
    this.dialect = Dialect.of(kind);
    this.store = new VersionStore(dialect, b.versionTable, b.historyTable);
    this.work = new RevisionWork(dialect);
    this.ignoreChecksums = b.ignoreChecksums;
    this.output = b.output;
    this.listeners = List.copyOf(b.listeners);
    this.lockTimeout = b.lockTimeout;
    this.appliedBy = b.appliedBy;
    this.missingSqliteFile =
        b.url == null
            ? null
            : dev.migrate.engine.dialect.SqliteUrl.file(b.url)
                .filter(file -> !java.nio.file.Files.exists(file))
                .orElse(null);
  }

  /**
   * Whether the database is an SQLite file that does not exist (yet): reading it gives nothing, and
   * must not create it, as opening it would.
   */
  private boolean sqliteFileMissing() {
    return missingSqliteFile != null && !java.nio.file.Files.exists(missingSqliteFile);
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
   * Opens a session: one connection with the migration lock held until it is closed. Steps run
   * through it see no other run's changes in between.
   */
  public MigrationSession open() {
    Connection c = connect();
    Runnable release = releaser(c);
    try {
      c.setAutoCommit(true);
      MigrationLock lock =
          MigrationLock.acquire(c, kind, store.versionTableName(), lockTimeout, where);
      return new MigrationSession(this, c, release, lock);
    } catch (SQLException e) {
      release.run();
      throw databaseError(e);
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
  }

  /**
   * The step that applies exactly {@code revision} from {@code currentRows}: its parents and
   * dependencies must be applied, it must not be.
   */
  public MigrationStep stepUp(Collection<String> currentRows, String revision) {
    return graph.stepUp(currentRows, revision);
  }

  /**
   * The step that undoes exactly {@code revision} from {@code currentRows}, leaving every other
   * revision applied; nothing applied may stand on it. A merge revision can be undone alone.
   */
  public MigrationStep stepDown(Collection<String> currentRows, String revision) {
    return graph.stepDown(currentRows, revision);
  }

  /**
   * Upgrades to {@code target} ({@code head}, {@code heads}, {@code +1}, an id, {@code label@head},
   * ...). Stops before running anything when an applied revision's checksum changed, unless
   * checksums are ignored. Returns the steps run, none when already there.
   */
  public List<MigrationStep> upgrade(String target) {
    rejectRange(target, "upgrade");
    try (MigrationSession session = open()) {
      return session.upgrade(target);
    }
  }

  /** Downgrades to {@code target} ({@code base}, {@code -1}, an id, ...). Returns the steps run. */
  public List<MigrationStep> downgrade(String target) {
    rejectRange(target, "downgrade");
    try (MigrationSession session = open()) {
      return session.downgrade(target);
    }
  }

  /**
   * Sets the version rows to {@code targets} without running any revision. {@code purge} first
   * deletes every row, which is how a table holding an id no revision defines is repaired. Returns
   * the row changes made.
   */
  public List<VersionChange> stamp(List<String> targets, boolean purge) {
    List<String> given = List.copyOf(targets);
    return inOneTransaction(
        c -> {
          List<VersionChange> changes = graph.stamp(store.readRows(c), given, purge);
          String by = appliedBy(c);
          for (VersionChange change : changes) {
            output.accept("Running stamp_revision " + stampLine(change));
            String revision = stampedRevision(change);
            Checksum checksum =
                change instanceof VersionChange.Delete ? null : work.checksum(graph.get(revision));
            store.recordStep(
                c, List.of(change), revision, HistoryEntry.Action.STAMP, checksum, 0, true, by);
          }
          return changes;
        });
  }

  /**
   * In a session, with the tables ensured: runs {@code work} in one transaction, committed when it
   * returns and rolled back when it fails.
   */
  private <T> T inOneTransaction(Work<T> work) {
    try (MigrationSession session = open()) {
      Connection c = session.connection();
      try {
        session.ensureTables();
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw databaseError(e);
      }
    }
  }

  /** The version rows as they are; empty when the table does not exist (it is not created). */
  public List<String> currentRows() {
    return sqliteFileMissing() ? List.of() : connected(store::readRows);
  }

  /**
   * The database's schema as it is now, without the version and history tables (for comparing it
   * with the models).
   */
  public Schema schema() {
    if (sqliteFileMissing()) {
      return new Schema(List.of());
    }
    SchemaReader reader =
        new SchemaReader(List.of(store.versionTableName(), store.historyTableName()));
    return connected(reader::read);
  }

  /** Every history row, oldest first; empty when the table does not exist. */
  public List<HistoryEntry> history() {
    return sqliteFileMissing() ? List.of() : connected(store::readHistory);
  }

  /**
   * Applied revisions (the current rows and everything below them) whose checksum now differs from
   * the one stored when they were last upgraded or stamped.
   */
  public List<ChecksumMismatch> checksumMismatches() {
    if (sqliteFileMissing()) {
      return List.of();
    }
    // a row naming no revision is reported by whoever reads the rows (check, verify --against)
    return connected(
        c ->
            mismatches(
                c, store.readRows(c).stream().filter(row -> graph.find(row).isPresent()).toList()));
  }

  /**
   * Whether the database has the version table (read-only: a missing SQLite file is not created).
   */
  public boolean versionTableExists() {
    return !sqliteFileMissing() && connected(store::versionTableExists);
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
      Checksum checksum =
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
        String shown = RevisionWriter.withoutTemplateHints(sql);
        if (shown.isBlank()) {
          continue;
        }
        if (transaction && mode == RevisionWork.Mode.SPLIT && work.outsideTransaction(sql)) {
          out.line("COMMIT;");
          out.statement(shown);
          out.line("BEGIN;");
        } else {
          out.statement(shown);
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
      plans.add(plan(step));
    }
    return plans;
  }

  /** The step's plan; fails on an id too long for the version table or an irreversible step. */
  MigrationPlan plan(MigrationStep step) {
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
    return work.runnablePlan(revision, step.direction());
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
        + " of it took effect ("
        + why
        + ") and were not rolled back"
        + (rolledBack ? "; the statements after them were" : "")
        + ": undo them by hand (or complete the revision by hand and `migrate stamp "
        + revision.id()
        + "`) before running again.";
  }

  RevisionFailedException stepFailure(
      MigrationStep step,
      List<String> statements,
      RevisionFailedException.Phase phase,
      int failedAt,
      String source,
      int tookEffect,
      String why,
      boolean rolledBack,
      String interruptedNote,
      List<String> appliedBefore,
      List<String> rows,
      Exception cause) {
    RevisionScript revision = step.revision();
    StringBuilder m = new StringBuilder();
    m.append("Revision ")
        .append(revision.id())
        .append(" (")
        .append(revision.origin())
        .append(") failed");
    switch (phase) {
      case STATEMENT ->
          m.append(" at statement ")
              .append(failedAt)
              .append(" of ")
              .append(statements.size())
              .append(" of its ")
              .append(step.direction().word())
              .append(source == null ? "" : " (" + source + ")")
              .append(":\n    ")
              .append(
                  shortened(SqlComments.strip(statements.get(failedAt - 1)))
                      .replace("\n", "\n    "));
      case RENDER ->
          m.append(" before running its ")
              .append(step.direction().word())
              .append(": it could not be rendered for ")
              .append(kind.id());
      case COMMIT ->
          m.append(" when its ")
              .append(step.direction().word())
              .append(
                  " committed (a constraint checked at commit, such as a deferred foreign key, or"
                      + " a conflict with another transaction)");
      case RECORD -> m.append(" while recording it in ").append(store.versionTableName());
    }
    m.append(":\n  ").append(reason(cause)).append('\n');
    String effect = effect(tookEffect, why, rolledBack, revision);
    if (interruptedNote != null) {
      // the earlier run's statements are another matter: the note says they may have taken effect
      effect = effect.replace("of its statements", "of this run's statements");
    }
    m.append(effect).append('\n');
    if (interruptedNote != null) {
      m.append("Note: ")
          .append(interruptedNote)
          .append(" That may be why it failed now: check what is there, then undo it by hand")
          .append(" (or complete the revision by hand and `migrate stamp ")
          .append(revision.id())
          .append("`).\n");
    }
    if (appliedBefore.isEmpty()) {
      m.append("No revision was applied by this run.\n");
    } else {
      m.append("Applied by this run before it: ")
          .append(String.join(", ", appliedBefore))
          .append(".\n");
    }
    m.append("Version table ").append(store.versionTableName()).append(" now holds: ");
    if (rows == null) {
      m.append("unknown (it could not be read).");
    } else {
      m.append(rows.isEmpty() ? "no rows (base)" : String.join(", ", rows)).append('.');
    }
    return new RevisionFailedException(
        m.toString(),
        cause,
        revision.id(),
        revision.origin(),
        step.direction(),
        phase,
        statements,
        phase == RevisionFailedException.Phase.STATEMENT ? failedAt : 0,
        cause instanceof SQLException sql ? sql.getSQLState() : null,
        tookEffect,
        rolledBack,
        rows,
        appliedBefore);
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

  /** Offline: a revision that cannot be rendered, naming it. */
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

  /** Online: a revision that cannot be rendered against the live schema; nothing ran. */
  MigrateException renderFailure(
      MigrationStep step, Exception e, List<String> appliedBefore, List<String> rows) {
    if (e instanceof MigrateException me && !(e instanceof MigrateFailedException)) {
      return me;
    }
    return stepFailure(
        step,
        List.of(),
        RevisionFailedException.Phase.RENDER,
        0,
        null,
        0,
        "",
        false,
        null,
        appliedBefore,
        rows,
        e);
  }

  /**
   * Applied revisions (the current rows and everything below them) whose checksum now differs from
   * the one recorded when they were last upgraded or stamped: upgrade changes first, then
   * downgrade-only changes.
   */
  List<ChecksumMismatch> mismatches(Connection c, List<String> rows) throws SQLException {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, HistoryEntry> recorded = recordedChecksums(c);
    List<ChecksumMismatch> up = new ArrayList<>();
    List<ChecksumMismatch> down = new ArrayList<>();
    for (RevisionScript revision : applied(rows)) {
      HistoryEntry entry = recorded.get(revision.id());
      if (entry == null) {
        continue;
      }
      if (Checksums.version(entry.checksum()).equals(Checksums.V1)) {
        String now = work.legacyChecksum(revision);
        // one that hashed its file's path is taken as it is (see translateLegacyChecksums)
        if (!now.equals(entry.checksum()) && !work.legacyChecksumNamesItsFile(revision)) {
          up.add(new ChecksumMismatch(revision.id(), revision.origin(), entry.checksum(), now));
        }
        continue;
      }
      Checksum now = work.checksum(revision);
      if (!now.up().equals(entry.checksum())) {
        up.add(new ChecksumMismatch(revision.id(), revision.origin(), entry.checksum(), now.up()));
      } else if (entry.downChecksum() != null && !now.down().equals(entry.downChecksum())) {
        down.add(
            new ChecksumMismatch(
                revision.id(),
                revision.origin(),
                entry.downChecksum(),
                now.down(),
                ChecksumMismatch.Part.DOWNGRADE));
      }
    }
    up.addAll(down);
    return up;
  }

  /** Per revision, its last successful upgrade or stamp row that carries a checksum. */
  private Map<String, HistoryEntry> recordedChecksums(Connection c) throws SQLException {
    Map<String, HistoryEntry> recorded = new HashMap<>();
    for (HistoryEntry entry : store.readHistory(c)) {
      if (entry.success()
          && entry.checksum() != null
          && entry.action() != HistoryEntry.Action.DOWNGRADE) {
        recorded.put(entry.revision(), entry);
      }
    }
    return recorded;
  }

  /** The applied revisions: exactly those a downgrade to base would undo. */
  private List<RevisionScript> applied(List<String> rows) {
    Map<String, RevisionScript> applied = new LinkedHashMap<>();
    for (MigrationStep step : graph.downgrade(rows, "base")) {
      applied.put(step.revision().id(), step.revision());
    }
    return List.copyOf(applied.values());
  }

  /**
   * After a history table gained {@code down_checksum}: rows holding an old-format checksum that
   * still matches the revision get the current pair, so that from now on a change to a downgrade
   * alone is told apart. Rows that no longer match keep theirs and report as changed, except those
   * whose old checksum hashed the file's path: they get the current pair, with a note.
   */
  void translateLegacyChecksums(Connection c) throws SQLException {
    List<String> updates = new ArrayList<>();
    for (HistoryEntry entry : store.readHistory(c)) {
      if (entry.checksum() == null
          || !entry.checksum().startsWith(Checksums.V1 + ":")
          || graph.find(entry.revision()).isEmpty()) {
        continue;
      }
      RevisionScript revision = graph.get(entry.revision());
      if (work.legacyChecksum(revision).equals(entry.checksum())) {
        updates.add(store.translateChecksumSql(entry.id(), work.checksum(revision)));
      } else if (work.legacyChecksumNamesItsFile(revision)) {
        // Written from another checkout (a CI runner, a container's WORKDIR): there is no telling
        // a moved file from an edited one, and stopping every upgrade would be worse.
        output.accept(
            "Note: revision "
                + revision.id()
                + " ("
                + revision.origin()
                + ") has a checksum from an earlier release, which hashed the file's path, so it"
                + " cannot be checked from this checkout; its checksums are recorded as the file"
                + " is now");
        updates.add(store.translateChecksumSql(entry.id(), work.checksum(revision)));
      }
    }
    try (Statement s = c.createStatement()) {
      for (String sql : updates) {
        s.execute(sql);
      }
    }
  }

  /**
   * Accepts the current definition of every applied revision whose checksum changed (Flyway's
   * {@code repair}): records its checksums now in a {@code stamp} history row, without running
   * anything or changing the version rows. Returns the changes accepted.
   */
  public List<ChecksumMismatch> acceptChecksums() {
    return inOneTransaction(
        c -> {
          List<ChecksumMismatch> mismatches = mismatches(c, store.readRows(c));
          Set<String> revisions = new LinkedHashSet<>();
          mismatches.forEach(m -> revisions.add(m.revision()));
          String by = appliedBy(c);
          for (String revision : revisions) {
            output.accept("Accepting the changed checksum of " + revision);
            Checksum now = work.checksum(graph.get(revision));
            store.recordStep(c, List.of(), revision, HistoryEntry.Action.STAMP, now, 0, true, by);
          }
          return mismatches;
        });
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static HistoryEntry.Action action(MigrationStep step) {
    return MigrationSession.action(step);
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

  String appliedBy(Connection c) throws SQLException {
    if (appliedBy != null) {
      return appliedBy;
    }
    String user = System.getProperty("user.name");
    if (user == null || user.isBlank()) {
      user = c.getMetaData().getUserName();
    }
    return user == null || user.isBlank() ? "unknown" : user;
  }

  MigrateException databaseError(SQLException e) {
    String hint =
        kind == DatabaseKind.SQLITE && String.valueOf(e.getMessage()).contains("SQLITE_CANTOPEN")
            ? "; check that the database file's directory exists and is writable"
            : "";
    return MigrateException.failed("Database error on " + where + ": " + reason(e) + hint, e);
  }

  private Connection connect() {
    if (connections == null) {
      throw MigrateException.badInput(
          "No database connection configured: give a JDBC URL (offline --sql needs none)");
    }
    try {
      return connections.open();
    } catch (SQLException e) {
      throw databaseError(e);
    }
  }

  /**
   * How to give a connection back: close it, or for a caller's own connection restore its
   * autocommit setting and leave it open.
   */
  private Runnable releaser(Connection c) {
    if (!callerConnection) {
      return () -> {
        try {
          c.close();
        } catch (SQLException e) {
          // nothing more to release
        }
      };
    }
    boolean autoCommit;
    try {
      autoCommit = c.getAutoCommit();
    } catch (SQLException e) {
      throw databaseError(e);
    }
    return () -> {
      try {
        c.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // the caller's connection is broken; the caller finds out on its next use
      }
    };
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T connected(Work<T> work) {
    Connection c = connect();
    Runnable release = releaser(c);
    try {
      c.setAutoCommit(true);
      return work.run(c);
    } catch (SQLException e) {
      throw databaseError(e);
    } finally {
      release.run();
    }
  }

  /** Options of a {@link Migrator}; only the graph and a database are required. */
  public static final class Builder {
    private final RevisionGraph graph;
    private ConnectionSource connections;
    private boolean callerConnection;
    private final List<MigrationListener> listeners = new ArrayList<>();
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
      this.callerConnection = false;
      this.where = Urls.mask(url);
      this.connections = UrlConnections.of(url, user, password);
      return this;
    }

    /**
     * The caller's own connection: every run and session uses it, and none closes it. Its
     * autocommit setting is restored after each. Runs on it must not overlap.
     */
    public Builder connection(Connection connection) {
      Objects.requireNonNull(connection, "connection");
      connections(() -> connection);
      this.callerConnection = true;
      return this;
    }

    /** Connections from the caller's data source; each is closed (given back) after use. */
    public Builder dataSource(DataSource dataSource) {
      Objects.requireNonNull(dataSource, "dataSource");
      return connections(dataSource::getConnection);
    }

    public Builder connections(ConnectionSource connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
      this.callerConnection = false;
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

    /** Told before and after every step (statements, duration) and of every failed step. */
    public Builder listener(MigrationListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
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
        try {
          Connection c = connections.open();
          try {
            resolved = DatabaseKind.fromJdbcUrl(c.getMetaData().getURL());
          } finally {
            if (!callerConnection) {
              c.close();
            }
          }
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
