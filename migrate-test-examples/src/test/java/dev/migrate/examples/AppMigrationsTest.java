package dev.migrate.examples;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;

import dev.migrate.test.MigrationChecks;
import dev.migrate.test.MigrationTest;

/**
 * The example application's migrations, every check of {@code migrate verify} as a test of its own
 * on each backend (PostgreSQL and MySQL from {@code MIGRATE_TEST_*_URL}).
 */
@MigrationTest(
    revisions = "src/main/resources/db/versions",
    javaPackage = "dev.migrate.examples.revisions",
    models = "dsl:dev.migrate.examples.models.AppModels",
    backends = {SQLITE, POSTGRESQL, MYSQL})
class AppMigrationsTest implements MigrationChecks {}
