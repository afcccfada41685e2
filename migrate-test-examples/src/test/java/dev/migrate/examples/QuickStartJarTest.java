package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.examples.MigrateJar.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, through the CLI jar (see {@link MigrateJar}). */
class QuickStartJarTest {
  @TempDir Path dir;

  /**
   * The README's first command, read from the README itself: the part after the build, with the
   * repository-relative paths made relative to this module.
   */
  @Test
  void theReadmesFirstCommandVerifiesTheExampleOnEmbeddedSqlite() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("../README.md"));
    String block = readme.substring(readme.indexOf("## Quick start"));
    int start = block.indexOf("```sh\n") + 6;
    block = block.substring(start, block.indexOf("\n```", start));
    String jar = "java -jar migrate-engine/target/migrate.jar ";
    assertThat(block).startsWith("mvn -B -q package -DskipTests && " + jar);
    String[] args =
        java.util.Arrays.stream(block.substring(block.indexOf(jar) + jar.length()).split(" +"))
            .map(a -> a.startsWith("migrate-test-examples/") ? "../" + a : a)
            .toArray(String[]::new);

    Run verify = migrate(args);

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.err()).contains("sqlite 3f2a9c1d7b10 Create account table: ok");
    assertThat(verify.out()).startsWith("verify: 0 errors, 0 warnings, 0 info on sqlite (");
  }

  @Test
  void upgradesTheExampleOnEmbeddedSqliteAndReportsHistory() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("quickstart.db");
    String versions = ExampleMigrationsTest.VERSIONS.toAbsolutePath().toString();

    Run upgrade = migrate("--url", url, "--revisions", versions, "upgrade", "head");

    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    assertThat(upgrade.out().lines())
        .containsExactly(
            "Running upgrade  -> 3f2a9c1d7b10, Create account table",
            "Running upgrade 3f2a9c1d7b10 -> 8c41e07a5d22, Create task table",
            "Running upgrade 8c41e07a5d22 -> b7d19f3e6a04, Add due date to tasks",
            "Running upgrade b7d19f3e6a04 -> e2a6f4c08d19, Add task tags",
            "Running upgrade b7d19f3e6a04 -> 51ce0a8b9e37, Create audit log",
            "Running upgrade 51ce0a8b9e37, e2a6f4c08d19 -> 9a0b3d5e7c61,"
                + " Merge audit and tags branches");

    Run current = migrate("current", "--url", url, "--revisions", versions);
    assertThat(current.out()).isEqualTo("9a0b3d5e7c61 (head) (mergepoint)\n");

    Run again = migrate("upgrade", "head", "--url", url, "--revisions", versions);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEmpty();
  }

  @Test
  void checkAgainstTheModelsListsWhatTheSqlRevisionsAloneLack() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("quickstart.db");
    String versions = ExampleMigrationsTest.VERSIONS.toAbsolutePath().toString();
    migrate("upgrade", "head", "--url", url, "--revisions", versions);

    // Without --java-package the Java revision is not loaded, so its changes are missing.
    Run check =
        migrate(
            "check",
            "--url",
            url,
            "--revisions",
            versions,
            "--classpath",
            Path.of("target/classes").toAbsolutePath().toString(),
            "--models",
            "dsl:dev.migrate.examples.models.AppModels");

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    assertThat(check.out())
        .contains(
            "column task.title: type VARCHAR(200) in the database, VARCHAR(300) in the models")
        .contains("task_comment");
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
    String versions = ExampleMigrationsTest.VERSIONS.toAbsolutePath().toString();

    Run unknown = migrate("upgrade", "nosuchrev", "--url", url, "--revisions", versions);

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
