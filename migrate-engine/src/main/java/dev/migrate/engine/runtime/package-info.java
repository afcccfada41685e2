/**
 * Applying revisions to a database: {@link dev.migrate.engine.runtime.Migrator} (upgrade,
 * downgrade, stamp, current rows, history, checksum mismatches, offline SQL scripts) and {@link
 * dev.migrate.engine.runtime.MigrationSession} (one connection and the lock across single steps,
 * with {@link dev.migrate.engine.runtime.MigrationListener}s told of each).
 *
 * <p>How a run goes: open one connection; take the migration lock (PostgreSQL session advisory
 * lock, MySQL {@code GET_LOCK}, an OS lock on {@code <sqlite file>.migrate-lock}); create the
 * version and history tables if missing; read the version rows (only now, so that a second run that
 * waited for the lock sees what the first applied); plan the steps with the revision graph; compare
 * stored checksums of applied revisions; then per revision: render its operations, run them in one
 * transaction together with its version-row change and history row (a statement that cannot run in
 * a transaction gets its own autocommit, with a commit before it), and commit. Where a rollback
 * cannot undo the revision (MySQL DDL, statements outside a transaction) its history row is first
 * committed as {@code started}, so a killed run leaves a trace the next run reports.
 */
package dev.migrate.engine.runtime;
