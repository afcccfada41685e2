package dev.migrate.examples;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;

import dev.migrate.test.MigrationChecks;
import dev.migrate.test.MigrationTest;

/**
 * The task board's revisions, every check of {@code migrate verify} as a test of its own on each
 * backend (PostgreSQL and MySQL from {@code MIGRATE_TEST_*_URL}), against the JPA entities at head.
 * The declared irreversible revision's down checks show as skipped, with its reason.
 */
@MigrationTest(
    revisions = "src/main/resources/db/versions",
    javaPackage = "dev.migrate.examples.revisions",
    models = "jpa:dev.migrate.examples.domain",
    backends = {SQLITE, POSTGRESQL, MYSQL})
class TaskboardMigrationsTest implements MigrationChecks {}
