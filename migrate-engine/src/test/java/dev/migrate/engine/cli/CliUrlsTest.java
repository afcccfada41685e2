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

/** Database URLs as the commands see them: relative SQLite files, in-memory, malformed. */
class CliUrlsTest {
  @TempDir Path dir;

  private Path project() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.createDirectories(project.resolve("versions"));
    Files.writeString(project.resolve("migrate.properties"), "url=jdbc:sqlite:app.db\n");
    return project;
  }

  @Test
  void relativeSqliteUrlInTheFileIsTheFilesDirectory() throws IOException {
    Path project = project();
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Cli inProject = new Cli(project);
    assertThat(inProject.run("revision", "--rev-id", "r1").exitCode()).isZero();
    assertThat(inProject.run("upgrade", "head").exitCode()).isZero();

    Cli.Result current =
        new Cli(elsewhere).run("current", "--config", "../project/migrate.properties");

    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out()).startsWith("r1 (head)");
    assertThat(elsewhere.resolve("app.db")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "history -i", "check", "show current"})
  void readOnlyCommandsDoNotCreateAMissingSqliteFile(String command) throws IOException {
    Path project = project();

    Cli.Result result = new Cli(project).run(command.split(" "));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "FAILED: SQLite database file " + project.resolve("app.db") + " does not exist");
    assertThat(project.resolve("app.db")).doesNotExist();
  }

  @Test
  void inMemoryDatabaseLastsOneCommandAndSaysSo() throws IOException {
    Path project = project();
    Cli cli = new Cli(project, Map.of("MIGRATE_URL", "jdbc:sqlite::memory:"));
    cli.run("revision", "--rev-id", "m1");

    Cli.Result upgrade = cli.run("upgrade", "head");
    Cli.Result current = cli.run("current");

    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    assertThat(upgrade.out()).contains("Running upgrade  -> m1");
    assertThat(upgrade.err()).contains("in-memory database; it lasts for this one command");
    assertThat(current.exitCode()).as(current.toString()).isEqualTo(2);
    assertThat(current.err()).contains("in-memory database", "use a database file");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://127.0.0.1:5x/db?password=Canary7",
        "jdbc:postgresql://127.0.0.1:99999/db?password=Canary7",
        "jdbc:postgresql://[::1/db?password=Canary7",
        "jdbc:mysql:127.0.0.1/db?password=Canary7",
        "jdbc:mariadb://127.0.0.1/db?password=Canary7",
        "jdbc:sqlite:file:app.db?mode=bogus&password=Canary7"
      })
  void malformedUrlIsBadInputSayingWhatIsWrong(String url) throws IOException {
    Path project = project();
    for (String command : new String[] {"current", "upgrade"}) {
      Cli.Result result = new Cli(project).run(command, "head", "--url", url);
      if (command.equals("current")) {
        result = new Cli(project).run("current", "-X", "--url", url);
      }

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
      assertThat(result.err())
          .as(result.toString())
          .containsPattern("^FAILED: (Malformed JDBC URL|JDBC URL) jdbc:")
          .contains("password=***")
          .doesNotContain("Canary7");
    }
  }

  @Test
  void misspeltPasswordOptionDoesNotEchoItsValue() throws IOException {
    Path project = project();

    Cli.Result spaced = new Cli(project).run("current", "--pasword", "Canary8");
    Cli.Result joined = new Cli(project).run("--pasword=Canary8", "current");

    for (Cli.Result result : new Cli.Result[] {spaced, joined}) {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
      assertThat(result.err())
          .contains("--pasword", "did you mean --password")
          .doesNotContain("Canary8");
    }
  }
}
