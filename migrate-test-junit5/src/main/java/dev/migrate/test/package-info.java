/**
 * The JUnit 5 toolkit: {@link dev.migrate.test.MigrationTest} verifies a project's revisions with
 * the engine's verifier, and {@link dev.migrate.test.MigrationChecks} turns each check into a test
 * named like the report.
 */
package dev.migrate.test;
