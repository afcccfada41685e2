package dev.migrate.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;

/**
 * A test run once per backend of its {@link MigrationTest} class, each time with a {@link
 * MigrationRunner} on a fresh throwaway database of that backend:
 *
 * <pre>{@code
 * @MigrationBackends
 * void splitsFullName(MigrationRunner db) {
 *   db.upgradeTo("3f2a9c1d7b10");
 *   db.insert("account", MigrationRunner.row("id", 1, "full_name", "Ada Lovelace"));
 *   db.upgradeTo("+1");
 *   assertThat(db.query("select first_name, last_name from account"))
 *       .containsExactly(tuple("Ada", "Lovelace")); // MigrateAssertions.assertThat(Rows)
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
public @interface MigrationBackends {}
