package dev.migrate.test;

import dev.migrate.engine.dialect.DatabaseKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class about a project's migrations: its revisions are verified on throwaway databases of
 * each backend, once per class, with the same engine as {@code migrate verify}. With {@link
 * MigrationChecks} every check becomes a test of its own:
 *
 * <pre>{@code
 * @MigrationTest(revisions = "src/main/resources/db/versions", backends = {SQLITE, POSTGRESQL})
 * class AppMigrationsTest implements MigrationChecks {}
 * }</pre>
 *
 * Attributes left out are taken from {@code migrate.properties} on the test classpath ({@code
 * revisions}, {@code java.package}, {@code models}, {@code verify.backends}, {@code verify.seed}).
 * PostgreSQL and MySQL databases are made on the servers of {@code MIGRATE_TEST_POSTGRESQL_URL} and
 * {@code MIGRATE_TEST_MYSQL_URL} (environment or system property), else in a Testcontainers
 * container per backend when Testcontainers is on the test classpath and Docker answers; a backend
 * with neither is skipped with that reason, or fails when {@code MIGRATE_TEST_REQUIRE} names it.
 * Revisions and models are read once per JVM and shared by the classes with the same settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigrationExtension.class)
public @interface MigrationTest {
  /** The directory of SQL revision files, relative to the working directory. */
  String revisions() default "";

  /** The package of Java revisions ({@code @Revision} classes), or "" for none. */
  String javaPackage() default "";

  /** The models at head ({@code schema.sql}, {@code jpa:<package>}, {@code dsl:<class>}), or "". */
  String models() default "";

  /** The backends to verify on; none given: {@code verify.backends}, else SQLite. */
  DatabaseKind[] backends() default {};

  /** The seed of the generated rows; none given: {@code verify.seed}, else 42. */
  long seed() default UNSET_SEED;

  /** The value of {@link #seed()} that means "not given". */
  long UNSET_SEED = Long.MIN_VALUE;
}
