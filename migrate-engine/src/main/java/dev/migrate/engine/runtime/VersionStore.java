package dev.migrate.engine.runtime;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.revision.VersionChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * The version table (one row per current head, as Alembic keeps it) and the history table (one row
 * per step run) [contract: DESIGN "Version tables"]: their DDL per backend, and the SQL that reads
 * and changes them, both online (JDBC) and as offline script text.
 */
final class VersionStore {
  /** Width of {@code version_num} and of the history's {@code revision} column. */
  static final int MAX_ID_LENGTH = dev.migrate.engine.revision.RevisionIds.MAX_LENGTH;

  private static final int MAX_USER_LENGTH = 128;

  private final DatabaseKind kind;
  private final String versionTableName;
  private final String historyTableName;
  private final String versionTable;
  private final String historyTable;

  VersionStore(Dialect dialect, String versionTableName, String historyTableName) {
    this.kind = dialect.kind();
    this.versionTableName = checkName("version table", versionTableName);
    this.historyTableName = checkName("history table", historyTableName);
    this.versionTable = dialect.quote(versionTableName);
    this.historyTable = dialect.quote(historyTableName);
  }

  private static String checkName(String what, String name) {
    if (!Migrator.isValidTableName(name)) {
      throw MigrateException.badInput(
          "Invalid " + what + " name '" + name + "': " + Migrator.TABLE_NAME_RULE);
    }
    return name;
  }

  String versionTableName() {
    return versionTableName;
  }

  String historyTableName() {
    return historyTableName;
  }

  // ---- DDL -----------------------------------------------------------------------------------

  String createVersionTableSql() {
    return "CREATE TABLE IF NOT EXISTS "
        + versionTable
        + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
        + versionTableName
        + "_pkc PRIMARY KEY (version_num))"
        // One b-tree instead of a table plus its key index: a step writes one page less.
        + (kind == DatabaseKind.SQLITE ? " WITHOUT ROWID" : "");
  }

  String createHistoryTableSql() {
    String columns =
        switch (kind) {
          case POSTGRESQL ->
              "id BIGSERIAL PRIMARY KEY, "
                  + commonColumns()
                  + ", applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP"
                  + ", duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL"
                  + ", applied_by VARCHAR(128) NOT NULL";
          case MYSQL ->
              "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                  + commonColumns()
                  + ", applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                  + ", duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL"
                  + ", applied_by VARCHAR(128) NOT NULL";
          case SQLITE ->
              "id INTEGER PRIMARY KEY, "
                  + commonColumns()
                  + ", applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
                  + ", duration_ms INTEGER NOT NULL, success INTEGER NOT NULL"
                  + ", applied_by VARCHAR(128) NOT NULL";
        };
    return "CREATE TABLE IF NOT EXISTS " + historyTable + " (" + columns + ")";
  }

  private static String commonColumns() {
    return "revision VARCHAR(32) NOT NULL, direction VARCHAR(16) NOT NULL, checksum VARCHAR(80),"
        + " down_checksum VARCHAR(80), state VARCHAR(16)";
  }

  /**
   * Columns added after the first release, with their type; a history table created before them
   * gains them in {@link #ensureTables} (old rows keep NULL there).
   */
  private static final List<String[]> LATER_COLUMNS =
      List.of(new String[] {"down_checksum", "VARCHAR(80)"}, new String[] {"state", "VARCHAR(16)"});

  /** A step's history row says {@code started} until the step is done or failed. */
  static final String STARTED = "started";

  static final String DONE = "done";
  static final String FAILED = "failed";

  // ---- online --------------------------------------------------------------------------------

  boolean versionTableExists(Connection c) throws SQLException {
    return exists(c, versionTableName, versionTable);
  }

  boolean historyTableExists(Connection c) throws SQLException {
    return exists(c, historyTableName, historyTable);
  }

  private boolean exists(Connection c, String name, String quoted) throws SQLException {
    String sql =
        switch (kind) {
          case POSTGRESQL -> "SELECT to_regclass(?) IS NOT NULL";
          case MYSQL ->
              "SELECT COUNT(*) > 0 FROM information_schema.tables"
                  + " WHERE table_schema = DATABASE() AND table_name = ?";
          case SQLITE ->
              "SELECT COUNT(*) > 0 FROM sqlite_master"
                  + " WHERE type = 'table' AND lower(name) = lower(?)";
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, kind == DatabaseKind.POSTGRESQL ? quoted : name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Creates both tables if missing, and adds the history columns of later releases to an older
   * table; the caller holds the migration lock. Autocommit. Returns whether the history table had
   * to gain {@code down_checksum} (its rows then hold checksums of the old format only).
   */
  boolean ensureTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!versionTableExists(c)) {
        s.execute(createVersionTableSql());
      }
      if (!historyTableExists(c)) {
        s.execute(createHistoryTableSql());
        return false;
      }
      List<String> present = historyColumns(c);
      boolean upgraded = false;
      for (String[] column : LATER_COLUMNS) {
        if (!present.contains(column[0])) {
          s.execute("ALTER TABLE " + historyTable + " ADD COLUMN " + column[0] + " " + column[1]);
          upgraded |= column[0].equals("down_checksum");
        }
      }
      return upgraded;
    }
  }

  /** The history table's column names, lower case. */
  private List<String> historyColumns(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + historyTable + " WHERE 1 = 0")) {
      java.sql.ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  /** The version rows in the table's order; none when the table does not exist. */
  List<String> readRows(Connection c) throws SQLException {
    if (!versionTableExists(c)) {
      return List.of();
    }
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM " + versionTable)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /**
   * Applies a step's version-row changes and writes its history row, in one batch (one round trip
   * where the driver allows it). Each UPDATE and DELETE must match exactly one row. The statements
   * are the ones offline scripts print, so the two never disagree.
   */
  void recordStep(
      Connection c,
      List<VersionChange> changes,
      String revision,
      HistoryEntry.Action action,
      Checksum checksum,
      long durationMs,
      boolean success,
      String appliedBy)
      throws SQLException {
    record(c, changes, recordSql(revision, action, checksum, durationMs, success, appliedBy));
  }

  /**
   * Writes a step's history row in state {@code started} before its first statement (committed on
   * its own where the step cannot be undone by a rollback), so that a run killed in the middle
   * leaves a trace. Returns the row's id, for {@link #finishStep}.
   */
  long startStep(
      Connection c,
      String revision,
      HistoryEntry.Action action,
      Checksum checksum,
      String appliedBy)
      throws SQLException {
    String insert = recordSql(revision, action, checksum, 0, false, appliedBy, STARTED);
    try (Statement s = c.createStatement()) {
      if (kind == DatabaseKind.MYSQL) {
        // the id comes back with the INSERT's own answer; the other drivers are left to a query
        s.execute(insert, Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = s.getGeneratedKeys()) {
          if (keys.next()) {
            return keys.getLong(1);
          }
        }
      } else {
        s.execute(insert);
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT MAX(id) FROM " + historyTable + " WHERE revision = " + literal(revision))) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Removes a started history row whose step never ran. */
  void discardStarted(Connection c, long historyId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "DELETE FROM "
              + historyTable
              + " WHERE id = "
              + historyId
              + " AND state = "
              + literal(STARTED));
    }
  }

  /** Ends a started history row: done with the step's version-row changes, or failed. */
  void finishStep(
      Connection c, List<VersionChange> changes, long historyId, long durationMs, boolean success)
      throws SQLException {
    record(
        c,
        changes,
        "UPDATE "
            + historyTable
            + " SET state = "
            + literal(success ? DONE : FAILED)
            + ", success = "
            + bool(success)
            + ", duration_ms = "
            + durationMs
            + " WHERE id = "
            + historyId);
  }

  private void record(Connection c, List<VersionChange> changes, String historySql)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      for (VersionChange change : changes) {
        s.addBatch(changeSql(change));
      }
      s.addBatch(historySql);
      int[] counts = s.executeBatch();
      for (int i = 0; i < changes.size(); i++) {
        VersionChange change = changes.get(i);
        if (change instanceof VersionChange.Delete delete) {
          expectOne(counts[i], "deleting '" + delete.id() + "'");
        } else if (change instanceof VersionChange.Update update) {
          expectOne(counts[i], "updating '" + update.from() + "' to '" + update.to() + "'");
        }
      }
    }
  }

  private void expectOne(int count, String what) {
    // Some drivers answer a batch with SUCCESS_NO_INFO; only a real count can be checked.
    if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
      throw MigrateException.failed(
          "Expected to match one row when "
              + what
              + " in "
              + versionTableName
              + "; "
              + count
              + " found. The version table changed while this run was applying revisions;"
              + " check it with `migrate current` and correct it with `migrate stamp`",
          null);
    }
  }

  /** Every history row, oldest first; none when the table does not exist. */
  List<HistoryEntry> readHistory(Connection c) throws SQLException {
    if (!historyTableExists(c)) {
      return List.of();
    }
    List<String> columns = historyColumns(c);
    String later =
        (columns.contains("down_checksum") ? ", down_checksum" : ", NULL")
            + (columns.contains("state") ? ", state" : ", NULL");
    List<HistoryEntry> entries = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, revision, direction, checksum, applied_at, duration_ms, success,"
                    + " applied_by"
                    + later
                    + " FROM "
                    + historyTable
                    + " ORDER BY id")) {
      while (rs.next()) {
        entries.add(
            new HistoryEntry(
                rs.getLong(1),
                rs.getString(2),
                HistoryEntry.Action.fromWord(rs.getString(3)),
                rs.getString(4),
                appliedAt(rs),
                rs.getLong(6),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getString(9),
                STARTED.equals(rs.getString(10))));
      }
    }
    return entries;
  }

  private Instant appliedAt(ResultSet rs) throws SQLException {
    switch (kind) {
      case POSTGRESQL:
        OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
      case MYSQL:
        java.sql.Timestamp ts = rs.getTimestamp(5);
        return ts == null ? null : ts.toInstant();
      default:
        return parseInstant(rs.getString(5));
    }
  }

  /** SQLite keeps text: ours is ISO-8601 with Z; a hand-written row may use SQL's own format. */
  static Instant parseInstant(String text) {
    if (text == null) {
      return null;
    }
    String iso = text.trim().replace(' ', 'T');
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              iso, OffsetDateTime::from, java.time.LocalDateTime::from);
      return parsed instanceof OffsetDateTime odt
          ? odt.toInstant()
          : ((java.time.LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---- offline script text -------------------------------------------------------------------

  String changeSql(VersionChange change) {
    if (change instanceof VersionChange.Insert insert) {
      return "INSERT INTO " + versionTable + " (version_num) VALUES (" + literal(insert.id()) + ")";
    }
    if (change instanceof VersionChange.Delete delete) {
      return "DELETE FROM " + versionTable + " WHERE version_num = " + literal(delete.id());
    }
    VersionChange.Update update = (VersionChange.Update) change;
    return "UPDATE "
        + versionTable
        + " SET version_num = "
        + literal(update.to())
        + " WHERE version_num = "
        + literal(update.from());
  }

  String recordSql(
      String revision,
      HistoryEntry.Action action,
      Checksum checksum,
      long durationMs,
      boolean success,
      String appliedBy) {
    return recordSql(
        revision, action, checksum, durationMs, success, appliedBy, success ? DONE : FAILED);
  }

  private String recordSql(
      String revision,
      HistoryEntry.Action action,
      Checksum checksum,
      long durationMs,
      boolean success,
      String appliedBy,
      String state) {
    return "INSERT INTO "
        + historyTable
        + " (revision, direction, checksum, down_checksum, state, duration_ms, success,"
        + " applied_by) VALUES ("
        + literal(revision)
        + ", "
        + literal(action.word())
        + ", "
        + (checksum == null ? "NULL" : literal(checksum.up()))
        + ", "
        + (checksum == null ? "NULL" : literal(checksum.down()))
        + ", "
        + literal(state)
        + ", "
        + durationMs
        + ", "
        + bool(success)
        + ", "
        + literal(shorten(appliedBy))
        + ")";
  }

  /** Rewrites a history row's old-format checksum as the current pair. */
  String translateChecksumSql(long historyId, Checksum checksum) {
    return "UPDATE "
        + historyTable
        + " SET checksum = "
        + literal(checksum.up())
        + ", down_checksum = "
        + literal(checksum.down())
        + " WHERE id = "
        + historyId;
  }

  private String bool(boolean value) {
    return kind == DatabaseKind.SQLITE ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");
  }

  private static String shorten(String user) {
    return user.length() <= MAX_USER_LENGTH ? user : user.substring(0, MAX_USER_LENGTH);
  }

  private String literal(String value) {
    return Dialect.of(kind).literal(value);
  }
}
