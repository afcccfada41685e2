package dev.migrate.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.source.FlywayRevisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void defaultsWithoutFileEnvOrOptions() {
    MigrateConfig config = ConfigLoader.load(dir, null, Map.of(), Map.of());

    assertThat(config.url()).isNull();
    assertThat(config.user()).isNull();
    assertThat(config.password()).isNull();
    assertThat(config.revisions()).isEqualTo(dir.resolve("versions"));
    assertThat(config.javaPackage()).isNull();
    assertThat(config.classpath()).isEmpty();
    assertThat(config.versionTable()).isEqualTo("migrate_version");
    assertThat(config.historyTable()).isEqualTo("migrate_history");
    assertThat(config.includeTables()).isEmpty();
    assertThat(config.excludeTables()).isEmpty();
    assertThat(config.file()).isEmpty();
  }

  @Test
  void flywayRevisionsResolveAgainstTheFileAndCarryTheMissingUndoSetting() throws IOException {
    write(
        "conf/migrate.properties",
        "revisions=flyway:../src/main/resources/db/migration\nflyway.missing_undo=irreversible\n");

    MigrateConfig fromFile =
        ConfigLoader.load(dir, Path.of("conf/migrate.properties"), Map.of(), Map.of());
    MigrateConfig fromOption =
        ConfigLoader.load(dir, null, Map.of(), Map.of(ConfigKey.REVISIONS, "flyway:db/migration"));

    assertThat(fromFile.revisions()).isEqualTo(dir.resolve("src/main/resources/db/migration"));
    assertThat(fromFile.flyway()).contains(FlywayRevisions.MissingUndo.IRREVERSIBLE);
    assertThat(fromOption.revisions()).isEqualTo(dir.resolve("db/migration"));
    assertThat(fromOption.flyway()).contains(FlywayRevisions.MissingUndo.ERROR);
    assertThat(ConfigLoader.load(dir, null, Map.of(), Map.of()).flyway()).isEmpty();
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    dir,
                    null,
                    Map.of("MIGRATE_FLYWAY_MISSING_UNDO", "maybe"),
                    Map.of(ConfigKey.REVISIONS, "flyway:db")))
        .hasMessageContaining("Unknown value 'maybe' in MIGRATE_FLYWAY_MISSING_UNDO");
    assertThatThrownBy(
            () -> ConfigLoader.load(dir, null, Map.of(), Map.of(ConfigKey.REVISIONS, "flyway: ")))
        .hasMessageContaining("name no directory; write flyway:<dir>");
  }

  @Test
  void readsMigratePropertiesFromTheWorkingDirectory() throws IOException {
    write(
        "migrate.properties",
        """
        # comment
        url=jdbc:sqlite:app.db
        user=app
        password=s3cret
        revisions=db/versions
        java.package=com.example.migrations
        classpath=build/classes:lib/revisions.jar
        version_table=schema_version
        """);

    MigrateConfig config = ConfigLoader.load(dir, null, Map.of(), Map.of());

    assertThat(config.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("app.db"));
    assertThat(config.user()).isEqualTo("app");
    assertThat(config.password()).isEqualTo("s3cret");
    assertThat(config.revisions()).isEqualTo(dir.resolve("db/versions"));
    assertThat(config.javaPackage()).isEqualTo("com.example.migrations");
    assertThat(config.classpath())
        .containsExactly(dir.resolve("build/classes"), dir.resolve("lib/revisions.jar"));
    assertThat(config.versionTable()).isEqualTo("schema_version");
    assertThat(config.file()).contains(dir.resolve("migrate.properties"));
  }

  @Test
  void relativePathsInAFileResolveAgainstTheFilesDirectory() throws IOException {
    Path file = write("conf/db.properties", "revisions=versions\nclasspath=classes\n");
    Path work = Files.createDirectories(dir.resolve("work"));

    MigrateConfig config =
        ConfigLoader.load(work, Path.of("../conf/db.properties"), Map.of(), Map.of());

    assertThat(config.file()).contains(file);
    assertThat(config.revisions()).isEqualTo(dir.resolve("conf/versions"));
    assertThat(config.classpath()).containsExactly(dir.resolve("conf/classes"));
  }

  @Test
  void defaultRevisionsDirectoryIsNextToTheFile() throws IOException {
    write("conf/db.properties", "url=jdbc:sqlite:x.db\n");

    MigrateConfig config =
        ConfigLoader.load(dir, Path.of("conf/db.properties"), Map.of(), Map.of());

    assertThat(config.revisions()).isEqualTo(dir.resolve("conf/versions"));
  }

  @Test
  void relativePathsFromEnvironmentAndOptionsResolveAgainstTheWorkingDirectory()
      throws IOException {
    write("conf/db.properties", "revisions=versions\n");

    MigrateConfig fromEnv =
        ConfigLoader.load(
            dir,
            Path.of("conf/db.properties"),
            Map.of("MIGRATE_REVISIONS", "env-versions"),
            Map.of());
    MigrateConfig fromOption =
        ConfigLoader.load(
            dir,
            Path.of("conf/db.properties"),
            Map.of("MIGRATE_REVISIONS", "env-versions"),
            Map.of(ConfigKey.REVISIONS, "opt-versions"));

    assertThat(fromEnv.revisions()).isEqualTo(dir.resolve("env-versions"));
    assertThat(fromOption.revisions()).isEqualTo(dir.resolve("opt-versions"));
  }

  @Test
  void environmentOverridesFileAndOptionsOverrideEnvironmentForEveryKey() throws IOException {
    StringBuilder file = new StringBuilder();
    for (ConfigKey key : ConfigKey.values()) {
      if (key != ConfigKey.FLYWAY_MISSING_UNDO) { // only with Flyway revisions, tested below
        file.append(key.property()).append("=file_").append(key.name()).append('\n');
      }
    }
    write("migrate.properties", file.toString());
    Map<String, String> env =
        Map.of(
            "MIGRATE_URL", "env-url",
            "MIGRATE_USER", "env-user",
            "MIGRATE_PASSWORD", "env-password",
            "MIGRATE_JAVA_PACKAGE", "env.pkg",
            "MIGRATE_VERSION_TABLE", "env_table",
            "MIGRATE_HISTORY_TABLE", "env_history",
            "MIGRATE_EXCLUDE_TABLES", "env_*");

    MigrateConfig fileAndEnv = ConfigLoader.load(dir, null, env, Map.of());
    MigrateConfig all =
        ConfigLoader.load(
            dir,
            null,
            env,
            Map.of(
                ConfigKey.URL,
                "opt-url",
                ConfigKey.PASSWORD,
                "opt-password",
                ConfigKey.HISTORY_TABLE,
                "opt_history"));

    assertThat(fileAndEnv.url()).isEqualTo("env-url");
    assertThat(fileAndEnv.user()).isEqualTo("env-user");
    assertThat(fileAndEnv.password()).isEqualTo("env-password");
    assertThat(fileAndEnv.javaPackage()).isEqualTo("env.pkg");
    assertThat(fileAndEnv.versionTable()).isEqualTo("env_table");
    assertThat(fileAndEnv.historyTable()).isEqualTo("env_history");
    assertThat(fileAndEnv.excludeTables()).containsExactly("env_*");
    assertThat(fileAndEnv.includeTables()).containsExactly("file_INCLUDE_TABLES");
    assertThat(fileAndEnv.revisions()).isEqualTo(dir.resolve("file_REVISIONS"));
    assertThat(fileAndEnv.classpath()).containsExactly(dir.resolve("file_CLASSPATH"));
    assertThat(all.url()).isEqualTo("opt-url");
    assertThat(all.user()).isEqualTo("env-user");
    assertThat(all.password()).isEqualTo("opt-password");
    assertThat(all.historyTable()).isEqualTo("opt_history");
  }

  @Test
  void tableFiltersAndHistoryTableComeFromFileThenEnvironmentThenOptions() throws IOException {
    write(
        "migrate.properties",
        """
        include_tables=task, person
        exclude_tables=audit_*,tmp_?
        history_table=file_history
        """);
    Map<String, String> env =
        Map.of("MIGRATE_EXCLUDE_TABLES", "env_*", "MIGRATE_HISTORY_TABLE", "env_history");
    Map<ConfigKey, String> options =
        Map.of(
            ConfigKey.INCLUDE_TABLES, "task",
            ConfigKey.EXCLUDE_TABLES, "opt_a,opt_b",
            ConfigKey.HISTORY_TABLE, "opt_history");

    MigrateConfig fileOnly = ConfigLoader.load(dir, null, Map.of(), Map.of());
    MigrateConfig fileAndEnv = ConfigLoader.load(dir, null, env, Map.of());
    MigrateConfig all = ConfigLoader.load(dir, null, env, options);

    assertThat(fileOnly.includeTables()).containsExactly("task", "person");
    assertThat(fileOnly.excludeTables()).containsExactly("audit_*", "tmp_?");
    assertThat(fileOnly.historyTable()).isEqualTo("file_history");
    assertThat(fileAndEnv.includeTables()).containsExactly("task", "person");
    assertThat(fileAndEnv.excludeTables()).as("replaced, not added to").containsExactly("env_*");
    assertThat(fileAndEnv.historyTable()).isEqualTo("env_history");
    assertThat(all.includeTables()).containsExactly("task");
    assertThat(all.excludeTables()).containsExactly("opt_a", "opt_b");
    assertThat(all.historyTable()).isEqualTo("opt_history");
  }

  @Test
  void emptyTablePatternIsAnErrorNamingWhereItWasSet() throws IOException {
    Path file = write("migrate.properties", "exclude_tables=audit_*,,tmp\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, null, Map.of(), Map.of()))
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(
            "Empty table pattern in 'exclude_tables' in "
                + file
                + ": give table names or patterns such as audit_*, separated by commas");
    assertThatThrownBy(
            () -> ConfigLoader.load(dir, null, Map.of(), Map.of(ConfigKey.INCLUDE_TABLES, "task,")))
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageStartingWith("Empty table pattern in --include-table: ");
  }

  @Test
  void invalidTablePatternIsAnErrorNamingWhereItWasSet() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    dir, null, Map.of("MIGRATE_EXCLUDE_TABLES", "audit_* tmp_*"), Map.of()))
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(
            "Invalid table pattern 'audit_* tmp_*' in MIGRATE_EXCLUDE_TABLES: use letters,"
                + " digits, '_' and '$', with '*' for any run of characters and '?' for one;"
                + " separate patterns with commas");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    dir, null, Map.of(), Map.of(ConfigKey.INCLUDE_TABLES, "public.task")))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Invalid table pattern 'public.task' in --include-table: ");
  }

  @Test
  void invalidHistoryTableNameIsAnErrorNamingWhereItWasSet() throws IOException {
    Path file = write("migrate.properties", "history_table=deploy-log\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, null, Map.of(), Map.of()))
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage(
            "Invalid history table name 'deploy-log' in 'history_table' in "
                + file
                + ": use 1 to 63 letters, digits and underscores, starting with a letter or"
                + " underscore");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(dir, null, Map.of(), Map.of(ConfigKey.HISTORY_TABLE, "1history")))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Invalid history table name '1history' in --history-table: ");
  }

  @Test
  void blankValuesCountAsNotSet() throws IOException {
    write("migrate.properties", "url=jdbc:sqlite:file.db\nuser=\n");

    MigrateConfig config =
        ConfigLoader.load(dir, null, Map.of("MIGRATE_URL", "  "), Map.of(ConfigKey.URL, ""));

    assertThat(config.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("file.db"));
    assertThat(config.user()).isNull();
  }

  @Test
  void configVariableNamesTheFile() throws IOException {
    write("elsewhere/x.properties", "url=jdbc:sqlite:from-env-file.db\n");

    MigrateConfig config =
        ConfigLoader.load(dir, null, Map.of("MIGRATE_CONFIG", "elsewhere/x.properties"), Map.of());

    assertThat(config.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("elsewhere/from-env-file.db"));
  }

  @Test
  void unknownKeyIsAnErrorNamingKeyAndFile() throws IOException {
    Path file = write("migrate.properties", "url=jdbc:sqlite:a.db\nsqlalchemy.url=nope\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, null, Map.of(), Map.of()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Unknown key 'sqlalchemy.url'")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("known keys: url, user, password, revisions")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void missingConfigFileIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, Path.of("nope.properties"), Map.of(), Map.of()))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "Configuration file "
                + dir.resolve("nope.properties")
                + " (given by --config) does not exist")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void missingUrlSaysWhereToSetIt() {
    MigrateConfig config = ConfigLoader.load(dir, null, Map.of(), Map.of());

    assertThatThrownBy(config::requireUrl)
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith(
            "No database URL given; set --url, 'url' in migrate.properties or MIGRATE_URL")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void toStringMasksThePassword() {
    MigrateConfig config =
        ConfigLoader.merge(
            null,
            Map.of(
                ConfigKey.URL,
                "jdbc:postgresql://app:urlsecret@localhost/db?password=paramsecret",
                ConfigKey.PASSWORD,
                "keysecret"),
            Map.of(),
            Map.of(),
            dir);

    assertThat(config.toString())
        .doesNotContain("urlsecret")
        .doesNotContain("paramsecret")
        .doesNotContain("keysecret");
  }

  @Test
  void classpathSplitsOnThePathSeparator() {
    MigrateConfig config =
        ConfigLoader.merge(
            null,
            Map.of(),
            Map.of(),
            Map.of(ConfigKey.CLASSPATH, "a" + java.io.File.pathSeparator + " b.jar "),
            dir);

    assertThat(config.classpath()).isEqualTo(List.of(dir.resolve("a"), dir.resolve("b.jar")));
  }

  @Test
  void relativeSqliteUrlInAFileResolvesAgainstTheFilesDirectory() throws IOException {
    Path file = write("project/db/migrate.properties", "url=jdbc:sqlite:app.db\n");

    MigrateConfig fromFile = ConfigLoader.load(dir.resolve("elsewhere"), file, Map.of(), Map.of());
    MigrateConfig fromEnv =
        ConfigLoader.load(
            dir, null, Map.of("MIGRATE_URL", "jdbc:sqlite:file:env.db?mode=ro"), Map.of());

    assertThat(fromFile.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("project/db/app.db"));
    assertThat(fromEnv.url())
        .isEqualTo("jdbc:sqlite:file:" + dir.resolve("env.db").toUri().getRawPath() + "?mode=ro");
  }

  @Test
  void environmentReferencesInTheFileAreReplaced() throws IOException {
    Path file =
        write(
            "migrate.properties",
            "url=jdbc:postgresql://${DB_HOST:-localhost}:${DB_PORT:-5432}/app\n"
                + "password=${DB_PASSWORD}\n"
                + "user=$${literal}\n");

    MigrateConfig config =
        ConfigLoader.load(
            dir, file, Map.of("DB_HOST", "db.internal", "DB_PASSWORD", "pw"), Map.of());

    assertThat(config.url()).isEqualTo("jdbc:postgresql://db.internal:5432/app");
    assertThat(config.password()).isEqualTo("pw");
    assertThat(config.user()).isEqualTo("${literal}");
  }

  @Test
  void unsetVariableWithoutDefaultIsAnErrorNamingKeyAndVariable() throws IOException {
    Path file = write("migrate.properties", "password=${DB_PASSWORD}\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, file, Map.of(), Map.of()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("'password' in " + file)
        .hasMessageContaining("DB_PASSWORD")
        .hasMessageContaining("${DB_PASSWORD:-value}")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
    Path unclosed = write("other.properties", "url=${DB_URL\n");
    assertThatThrownBy(() -> ConfigLoader.load(dir, unclosed, Map.of(), Map.of()))
        .hasMessageContaining("'url' in " + unclosed);
  }
}
