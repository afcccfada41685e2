package dev.migrate.engine;

import dev.migrate.engine.revision.Direction;
import java.util.List;
import java.util.Optional;

/**
 * A revision failed on the database. The message is the report for people; the fields are the same
 * facts for programs: which statement failed, the database's SQLState, and what stayed applied.
 */
public final class RevisionFailedException extends MigrateException {
  /** Where in the step it failed. */
  public enum Phase {
    /** Rendering its operations against the live schema (before any statement ran). */
    RENDER,
    /** One of its statements ({@link #statementIndex()}). */
    STATEMENT,
    /** Committing its transaction (a deferred constraint, a serialisation failure). */
    COMMIT,
    /** Writing its version-table change and history row. */
    RECORD
  }

  private final String revision;
  private final String origin;
  private final Direction direction;
  private final Phase phase;
  private final List<String> statements;
  private final int statementIndex;
  private final String sqlState;
  private final int committedStatements;
  private final boolean rolledBack;
  private final List<String> versionRows;
  private final List<String> appliedBefore;

  /**
   * @param statementIndex 1-based index of the failed statement; 0 when the phase is not {@link
   *     Phase#STATEMENT}
   * @param committedStatements how many of its first statements took effect and stay
   * @param rolledBack whether a transaction holding its other statements was rolled back
   * @param versionRows the version rows after the failure; null when they could not be read
   * @param appliedBefore the revisions this run applied before it, as {@code id (direction)}
   */
  public RevisionFailedException(
      String message,
      Throwable cause,
      String revision,
      String origin,
      Direction direction,
      Phase phase,
      List<String> statements,
      int statementIndex,
      String sqlState,
      int committedStatements,
      boolean rolledBack,
      List<String> versionRows,
      List<String> appliedBefore) {
    super(message, cause);
    this.revision = revision;
    this.origin = origin;
    this.direction = direction;
    this.phase = phase;
    this.statements = List.copyOf(statements);
    this.statementIndex = statementIndex;
    this.sqlState = sqlState;
    this.committedStatements = committedStatements;
    this.rolledBack = rolledBack;
    this.versionRows = versionRows == null ? null : List.copyOf(versionRows);
    this.appliedBefore = List.copyOf(appliedBefore);
  }

  public String revision() {
    return revision;
  }

  /** The revision's file or class. */
  public String origin() {
    return origin;
  }

  public Direction direction() {
    return direction;
  }

  public Phase phase() {
    return phase;
  }

  /** Every statement of the step as it ran (empty when rendering failed). */
  public List<String> statements() {
    return statements;
  }

  /** 1-based index of the failed statement in {@link #statements()}; 0 outside a statement. */
  public int statementIndex() {
    return statementIndex;
  }

  /** The failed statement's text, when a statement failed. */
  public Optional<String> statement() {
    return statementIndex > 0 ? Optional.of(statements.get(statementIndex - 1)) : Optional.empty();
  }

  /** The database's SQLState of the error, when it gave one. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  /** How many of the first statements took effect and were not rolled back (0: none). */
  public int committedStatements() {
    return committedStatements;
  }

  /** Whether a transaction was rolled back, undoing the statements after the committed ones. */
  public boolean rolledBack() {
    return rolledBack;
  }

  /** The version rows after the failure, when they could be read. */
  public Optional<List<String>> versionRows() {
    return Optional.ofNullable(versionRows);
  }

  /** What this run applied before the failed step, e.g. {@code a1 (upgrade)}. */
  public List<String> appliedBefore() {
    return appliedBefore;
  }
}
