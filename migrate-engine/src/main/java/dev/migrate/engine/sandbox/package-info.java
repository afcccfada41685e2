/**
 * Throwaway databases: {@link dev.migrate.engine.sandbox.Sandbox} creates, clones and drops {@link
 * dev.migrate.engine.sandbox.ThrowawayDatabase}s on one backend, for the engine's tests, the
 * scratch databases of SQL models, {@code migrate verify} and the JUnit extension.
 *
 * <ul>
 *   <li>SQLite: a file in a temporary directory per database; a clone is a file copy.
 *   <li>PostgreSQL and MySQL: databases named {@code migrate_test_<yyyyMMddHHmmss>_<random>} on the
 *       server of an administrative JDBC URL; a PostgreSQL clone is {@code CREATE DATABASE ...
 *       TEMPLATE}, a MySQL clone copies each table ({@code SHOW CREATE TABLE}, then {@code INSERT
 *       ... SELECT}).
 * </ul>
 *
 * Only databases created by this process are dropped: when closed, by {@link
 * dev.migrate.engine.sandbox.Sandbox#close()}, or by a JVM shutdown hook for what is left. The one
 * exception is the clean-up at start: databases of that name pattern whose timestamp is more than
 * 24 hours old are leftovers of a killed run and are dropped, with a log line naming them. A drop
 * blocked by open connections is forced (PostgreSQL 13+ {@code WITH (FORCE)}, else the connections
 * are ended) and retried; a drop that still fails is logged, never thrown.
 */
package dev.migrate.engine.sandbox;
