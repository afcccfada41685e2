package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Usage, help, version, init and configuration errors: everything that needs no revisions. */
class CliUsageTest {
  @TempDir Path dir;

  @Test
  void helpListsEveryCommand() {
    Cli.Result result = new Cli(dir).run("--help");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Usage: migrate [-hVX] [--classpath=PATH]")
        .contains("init", "revision", "merge", "upgrade", "downgrade", "stamp", "current")
        .contains("history", "heads", "branches", "show", "check")
        .contains("Exit codes: 0 success; 1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "init",
        "revision",
        "merge",
        "upgrade",
        "downgrade",
        "stamp",
        "current",
        "history",
        "heads",
        "branches",
        "show",
        "check"
      })
  void everyCommandHasHelpDescribingEveryOption(String command) {
    Cli.Result result = new Cli(dir).run(command, "--help");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .startsWith("Usage: migrate " + command)
        .contains("--config=FILE", "--url=JDBC_URL", "--revisions=DIR", "--user=USER")
        .contains("--password=PASSWORD", "--java-package=PACKAGE", "--classpath=PATH")
        .contains("--version-table=NAME", "-h, --help");
    CommandLine.Model.CommandSpec spec =
        Main.commandLine(new Main(dir, Map.of())).getSubcommands().get(command).getCommandSpec();
    for (CommandLine.Model.OptionSpec option : spec.options()) {
      assertThat(String.join(" ", option.description()))
          .as("description of %s %s", command, option.longestName())
          .isNotBlank();
    }
    for (CommandLine.Model.PositionalParamSpec parameter : spec.positionalParameters()) {
      assertThat(String.join(" ", parameter.description()))
          .as("description of %s %s", command, parameter.paramLabel())
          .isNotBlank();
    }
  }

  @Test
  void versionPrintsTheName() {
    Cli.Result result = new Cli(dir).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("migrate ");
  }

  @Test
  void unknownOptionExitsTwoWithOneLine() {
    Cli.Result result = new Cli(dir).run("heads", "--bogus");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("FAILED: Unknown option: '--bogus' (see 'migrate heads --help')\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unknownCommandExitsTwo() {
    Cli.Result result = new Cli(dir).run("frobnicate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).startsWith("FAILED: Unmatched argument at index 0: 'frobnicate'");
  }

  @Test
  void missingCommandExitsTwo() {
    Cli.Result result = new Cli(dir).run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("FAILED: Missing command");
  }

  @Test
  void missingParameterExitsTwo() {
    Cli.Result result = new Cli(dir).run("upgrade", "--url", "jdbc:sqlite:x.db");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).startsWith("FAILED: Missing required parameter: 'TARGET'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"upgrade head", "downgrade base", "stamp head", "current", "check"})
  void missingUrlSaysWhatToSet(String command) {
    Cli.Result result = new Cli(dir).run(command.split(" "));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "FAILED: No database URL given; set --url, 'url' in migrate.properties or MIGRATE_URL");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void unknownConfigKeyExitsTwoNamingKeyAndFile() throws IOException {
    Files.writeString(dir.resolve("migrate.properties"), "url=jdbc:sqlite:a.db\nurll=oops\n");

    Cli.Result result = new Cli(dir).run("heads");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "FAILED: Unknown key 'urll' in configuration file "
                + dir.resolve("migrate.properties"));
  }

  @Test
  void missingRevisionsDirectoryExitsTwo() {
    Cli.Result result = new Cli(dir).run("heads");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "FAILED: Revisions directory "
                + dir.resolve("versions")
                + " does not exist; create it with 'migrate init' or set --revisions, 'revisions'"
                + " in migrate.properties or MIGRATE_REVISIONS\n");
  }

  @Test
  void debugAddsTheStackTrace() {
    Cli.Result plain = new Cli(dir).run("heads");
    Cli.Result debug = new Cli(dir).run("heads", "--debug");

    assertThat(plain.err()).doesNotContain("\tat ");
    assertThat(debug.exitCode()).isEqualTo(2);
    assertThat(debug.err())
        .startsWith("FAILED: Revisions directory")
        .contains("dev.migrate.engine.MigrateException", "\tat dev.migrate.engine.cli.");
  }

  @Test
  void stampSqlPrintsTheVersionTableStatementsWithoutConnecting() throws IOException {
    new Cli(dir).run("init");
    new Cli(dir).run("revision", "-m", "first", "--rev-id", "aaa111");

    Cli.Result result =
        new Cli(dir).run("stamp", "aaa111", "--sql", "--url", "jdbc:sqlite:" + dir.resolve("x.db"));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("CREATE TABLE IF NOT EXISTS migrate_version")
        .contains("INSERT INTO migrate_version (version_num) VALUES ('aaa111');");
    assertThat(dir.resolve("x.db")).doesNotExist();
  }

  @Test
  void sqliteFileInAMissingDirectorySaysWhatToCheck() {
    new Cli(dir).run("init");
    String url = "jdbc:sqlite:" + dir.resolve("no-such-dir").resolve("app.db");

    Cli.Result result = new Cli(dir).run("upgrade", "head", "--url", url);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("FAILED: Database error on " + url)
        .contains("check that the database file's directory exists");
  }

  @Test
  void stampPurgeWithSqlIsRefused() {
    new Cli(dir).run("init");

    Cli.Result result =
        new Cli(dir).run("stamp", "head", "--sql", "--purge", "--url", "jdbc:sqlite:x.db");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("FAILED: Can't use --purge with --sql mode\n");
  }

  @Test
  void initScaffoldsPropertiesAndVersions() throws IOException {
    Cli.Result result = new Cli(dir).run("init", "db");

    Path db = dir.resolve("db");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.lines())
        .containsExactly(
            "Creating directory " + db + " ...  done",
            "Creating directory " + db.resolve("versions") + " ...  done",
            "Generating " + db.resolve("migrate.properties") + " ...  done",
            "Please edit the database settings in "
                + db.resolve("migrate.properties")
                + " (or set MIGRATE_URL) before proceeding.");
    assertThat(db.resolve("versions")).isEmptyDirectory();
    String properties = Files.readString(db.resolve("migrate.properties"));
    assertThat(properties)
        .contains("# url=", "# user=", "# password=", "revisions=versions")
        .contains("# java.package=", "# classpath=", "# version_table=migrate_version");
    for (dev.migrate.engine.config.ConfigKey key : dev.migrate.engine.config.ConfigKey.values()) {
      assertThat(properties)
          .as(key.property())
          .containsPattern("(?m)^(# )?" + java.util.regex.Pattern.quote(key.property()) + "=");
    }
  }

  @Test
  void initIntoTheWorkingDirectoryWhenEmpty() {
    Cli.Result result = new Cli(dir).run("init");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(dir.resolve("migrate.properties")).isRegularFile();
    assertThat(dir.resolve("versions")).isDirectory();
  }

  @Test
  void initRefusesANonEmptyDirectory() throws IOException {
    Files.createDirectories(dir.resolve("db"));
    Files.writeString(dir.resolve("db/keep.txt"), "mine");

    Cli.Result result = new Cli(dir).run("init", "db");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "FAILED: Directory "
                + dir.resolve("db")
                + " already exists and is not empty; choose a new or empty directory\n");
    assertThat(dir.resolve("db/migrate.properties")).doesNotExist();
  }

  @Test
  void initWritesAFileTheLoaderAccepts() {
    new Cli(dir).run("init", "db");

    Cli.Result result = new Cli(dir).run("current", "--config", "db/migrate.properties");

    // the scaffold has no URL: the error names the file that was read
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("'url' in " + dir.resolve("db/migrate.properties") + " or MIGRATE_URL");
  }
}
