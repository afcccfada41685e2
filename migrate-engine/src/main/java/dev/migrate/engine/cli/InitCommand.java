package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a migration environment: DIR/migrate.properties (every key, commented) and an empty"
          + " DIR/versions directory.",
      "DIR must not exist or be empty."
    })
final class InitCommand extends MigrateCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Directory to create (default: the working directory).")
  Path directory;

  @Override
  int execute() throws IOException {
    Path dir = main.workingDir.resolve(directory == null ? Path.of(".") : directory).normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw MigrateException.badInput(dir + " exists and is not a directory");
    }
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      throw MigrateException.badInput(
          "Directory " + dir + " already exists and is not empty; choose a new or empty directory");
    }
    if (!Files.isDirectory(dir)) {
      status("Creating directory " + dir);
      Files.createDirectories(dir);
      done();
    }
    Path versions = dir.resolve(ConfigLoader.DEFAULT_REVISIONS);
    status("Creating directory " + versions);
    Files.createDirectories(versions);
    done();
    Path properties = dir.resolve(ConfigLoader.FILE_NAME);
    status("Generating " + properties);
    Files.writeString(properties, TEMPLATE);
    done();
    out()
        .println(
            "Please edit the database settings in "
                + properties
                + " (or set MIGRATE_URL) before proceeding.");
    return 0;
  }

  private void status(String message) {
    out().print(message + " ...");
  }

  private void done() {
    out().println("  done");
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static final String TEMPLATE =
      """
      # migrate configuration.
      # Every key can be overridden by an environment variable (shown in brackets) and by the
      # command-line option of the same name (--url, --user, ...). Relative paths resolve
      # against the directory of this file.

      # JDBC URL of the database [MIGRATE_URL], for example
      #   jdbc:sqlite:app.db
      #   jdbc:postgresql://localhost:5432/app
      #   jdbc:mysql://localhost:3306/app
      # url=

      # Database user and password, when not part of the URL [MIGRATE_USER, MIGRATE_PASSWORD].
      # Prefer MIGRATE_PASSWORD over writing the password here.
      # user=
      # password=

      # Directory of revision files [MIGRATE_REVISIONS], or flyway:<dir> for a Flyway
      # migrations directory (V<version>__<description>.sql and U... undo files), verified as
      # it is and never written to.
      revisions=versions

      # With flyway:<dir>: a version without an undo file is an IRREVERSIBLE finding (error)
      # or declared irreversible (irreversible) [MIGRATE_FLYWAY_MISSING_UNDO].
      # flyway.missing_undo=error

      # Package of compiled Java revisions (@Revision classes) [MIGRATE_JAVA_PACKAGE],
      # and the directories or jars that hold them [MIGRATE_CLASSPATH].
      # java.package=com.example.migrations
      # classpath=target/classes

      # Names of the version and history tables [MIGRATE_VERSION_TABLE, MIGRATE_HISTORY_TABLE].
      # version_table=migrate_version
      # history_table=migrate_history

      # The schema the application expects at head, for 'check' and 'revision --autogenerate'
      # [MIGRATE_MODELS]: a .sql file, jpa:<package> of @Entity classes,
      # hibernate:<package>[,<package>...] mapped by the application's Hibernate, or dsl:<class>
      # implementing ModelsProvider.
      # models=schema.sql

      # Tables 'check' and 'revision --autogenerate' compare with the models: names or patterns
      # ('*' any run, '?' one character), separated by commas [MIGRATE_INCLUDE_TABLES,
      # MIGRATE_EXCLUDE_TABLES]. Default: every table except the version and history tables.
      # include_tables=
      # exclude_tables=audit_*

      # 'verify': every revision up, down and up again on throwaway databases (docs/verification.md).
      # Backends, and the servers to make PostgreSQL and MySQL databases on
      # [MIGRATE_VERIFY_BACKENDS, MIGRATE_TEST_POSTGRESQL_URL, MIGRATE_TEST_MYSQL_URL].
      # verify.backends=sqlite,postgresql,mysql
      # verify.postgresql_url=jdbc:postgresql://localhost:5432/postgres?user=postgres
      # verify.mysql_url=jdbc:mysql://localhost:3306/?user=root
      # Seed of the generated rows, and 'destructive' to fail on dropped columns or narrowed types.
      # verify.seed=42
      # verify.fail_on=destructive
      # Checks to run (default all), checks skipped with the reason reports show, revisions
      # stamped instead of run, the revision below which history is not walked down, and a
      # directory of <revision>.before.sql / <revision>.at.sql data.
      # verify.checks=upgrade_failed,downgrade_leaves_trace,model_drift
      # verify.skip=destructive_change: columns are dropped one release after they are unused
      # verify.stamp=
      # verify.minimum_downgrade=
      # verify.fixtures=verify-fixtures
      # At most how many parts of a long history are walked at the same time (default auto: as
      # many as the cores allow; 1 walks it in one).
      # verify.walkers=auto
      # A database 'upgrade' ran on, read and never written, to report applied revisions edited
      # since as CHECKSUM_MISMATCH [MIGRATE_VERIFY_AGAINST_URL].
      # verify.against_url=jdbc:postgresql://staging:5432/app?user=reader
      """;
}
