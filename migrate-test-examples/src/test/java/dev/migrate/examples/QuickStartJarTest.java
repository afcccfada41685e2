package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.examples.MigrateJar.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, through the CLI jar (see {@link MigrateJar}). */
class QuickStartJarTest {
  @TempDir Path dir;

  private static final String JAR = "java -jar migrate-engine/target/migrate.jar ";

  /**
   * The arguments of the README's quick-start command number {@code n} (0 the first), read from the
   * README itself: the part after {@code java -jar ...}, with the repository-relative paths made
   * relative to this module and {@code quickstart.db} put in {@code dir}.
   */
  private String[] readmeCommand(int n) throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Quick start"));
    int start = -1;
    for (int i = 0; i <= n; i++) {
      start = section.indexOf("```sh\n", start + 1);
    }
    String block = section.substring(start + 6, section.indexOf("\n```", start + 6));
    assertThat(block).as("README quick-start command " + n).contains(JAR);
    return Arrays.stream(block.substring(block.indexOf(JAR) + JAR.length()).split(" +"))
        .map(a -> a.startsWith("migrate-test-examples/") ? "../" + a : a)
        .map(
            a ->
                a.replace(
                    "jdbc:sqlite:quickstart.db", "jdbc:sqlite:" + dir.resolve("quickstart.db")))
        .toArray(String[]::new);
  }

  @Test
  void theReadmesFirstCommandVerifiesTheExampleOnEmbeddedSqlite() throws Exception {
    String[] args = readmeCommand(0);
    assertThat(Files.readString(Path.of("../README.md")))
        .as("the first command builds, then verifies")
        .contains("```sh\nmvn -B -q package -DskipTests && " + JAR);

    Run verify = migrate(args);

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.err())
        .contains("sqlite 3f2a9c1d7b10 Create account table: ok")
        .contains("sqlite f47b2a8e1d59 Add task sort order: ok");
    // the one declared irreversible revision is reported, as information
    assertThat(verify.out())
        .contains(
            "INFO IRREVERSIBLE sqlite 2e9c6b0d4f87: declared irreversible:"
                + " 0010_lowercase_emails.sql says '-- migrate:down irreversible'");
    assertThat(verify.out().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("verify: 0 errors, 0 warnings, 1 info on sqlite (");
  }

  @Test
  void theReadmesSecondCommandUpgradesTheExampleOnEmbeddedSqlite() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("quickstart.db");
    String[] args = readmeCommand(1);
    assertThat(args).contains(url).endsWith("upgrade", "head");

    Run upgrade = migrate(args);

    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    assertThat(upgrade.out().lines())
        .containsExactly(
            "Running upgrade  -> 3f2a9c1d7b10, Create account table",
            "Running upgrade 3f2a9c1d7b10 -> 8c41e07a5d22, Create task table",
            "Running upgrade 8c41e07a5d22 -> b7d19f3e6a04, Add due date to tasks",
            "Running upgrade b7d19f3e6a04 -> e2a6f4c08d19, Add task tags",
            "Running upgrade b7d19f3e6a04 -> 51ce0a8b9e37, Create audit log",
            "Running upgrade 51ce0a8b9e37, e2a6f4c08d19 -> 9a0b3d5e7c61,"
                + " Merge audit and tags branches",
            "Running upgrade 9a0b3d5e7c61 -> 7c3e5a9b1f20, Add task comments",
            "Running upgrade 7c3e5a9b1f20 -> 4b8e2d6f0a13, Tags become labels",
            "Running upgrade 4b8e2d6f0a13 -> d5f1a7c3e924, Move task status into a table",
            "Running upgrade d5f1a7c3e924 -> 2e9c6b0d4f87, Lower-case account emails",
            "Running upgrade 2e9c6b0d4f87 -> a83f5e1c7b06, Align the schema with the JPA entities",
            "Running upgrade a83f5e1c7b06 -> 6c0d9e2b8a35, Create boards",
            "Running upgrade 6c0d9e2b8a35 -> f47b2a8e1d59, Add task sort order");

    Run current = migrate("current", "--config", ExampleMigrationsTest.CONFIG, "--url", url);
    assertThat(current.out()).isEqualTo("f47b2a8e1d59 (head)\n");

    Run again = migrate("upgrade", "head", "--config", ExampleMigrationsTest.CONFIG, "--url", url);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEmpty();
  }

  @Test
  void checkAgainstTheEntitiesListsWhatTheLastRevisionAdds() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("quickstart.db");
    migrate("upgrade", "6c0d9e2b8a35", "--config", ExampleMigrationsTest.CONFIG, "--url", url);

    Run check = migrate("check", "--config", ExampleMigrationsTest.CONFIG, "--url", url);

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    assertThat(check.out())
        .contains("column task.sort_order is in the models but not in the database")
        .contains("ix_task_board_order");
  }

  @Test
  void helpListsTheCommandsAndExitCodes() throws Exception {
    Run help = migrate("--help");

    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out()).contains("Usage: migrate", "upgrade", "downgrade", "Exit codes");
  }

  @Test
  void badInputExitsTwoWithOneLine() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("quickstart.db");

    Run unknown =
        migrate("upgrade", "nosuchrev", "--config", ExampleMigrationsTest.CONFIG, "--url", url);

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("FAILED: ").contains("nosuchrev");
    assertThat(unknown.err().lines()).hasSize(1);

    Run bogus = migrate("heads", "--bogus");
    assertThat(bogus.exitCode()).isEqualTo(2);
    assertThat(bogus.err()).contains("FAILED: Unknown option: '--bogus'");
  }

  private Run migrate(String... args) throws IOException, InterruptedException {
    return new MigrateJar(dir).run(args);
  }
}
