package dev.migrate.engine.sandbox;

import dev.migrate.engine.dialect.DatabaseKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where throwaway PostgreSQL and MySQL databases are made and which backends must run: {@code
 * MIGRATE_TEST_POSTGRESQL_URL}, {@code MIGRATE_TEST_MYSQL_URL} and {@code MIGRATE_TEST_REQUIRE},
 * each read as a system property, else an environment variable.
 */
public final class ServerSettings {
  public static final String REQUIRE = "MIGRATE_TEST_REQUIRE";

  private ServerSettings() {}

  /** {@code MIGRATE_TEST_POSTGRESQL_URL} or {@code MIGRATE_TEST_MYSQL_URL}. */
  public static String urlVariable(DatabaseKind kind) {
    return "MIGRATE_TEST_" + kind.id().toUpperCase(Locale.ROOT) + "_URL";
  }

  /** The administrative URL for {@code kind}, or null when none is set. */
  public static String adminUrl(DatabaseKind kind) {
    return adminUrl(kind, ServerSettings::lookup);
  }

  /** As {@link #adminUrl(DatabaseKind)}, reading the settings from {@code settings}. */
  public static String adminUrl(DatabaseKind kind, Function<String, String> settings) {
    String value = settings.apply(urlVariable(kind));
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Whether {@code MIGRATE_TEST_REQUIRE} names {@code kind}: unavailable is then a failure. */
  public static boolean required(DatabaseKind kind) {
    return required(kind, ServerSettings::lookup);
  }

  /** As {@link #required(DatabaseKind)}, reading the settings from {@code settings}. */
  public static boolean required(DatabaseKind kind, Function<String, String> settings) {
    String value = settings.apply(REQUIRE);
    return value != null
        && Arrays.stream(value.split(","))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .anyMatch(kind.id()::equals);
  }

  private static String lookup(String name) {
    return System.getProperty(name, System.getenv(name));
  }
}
