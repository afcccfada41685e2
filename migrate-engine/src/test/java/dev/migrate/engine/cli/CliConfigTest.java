package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.ConfigLoader;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration as the commands see it: precedence, relative paths, passwords never printed. */
class CliConfigTest {
  @TempDir Path dir;

  private static String verboseUrl(Cli.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.lines().get(0);
  }

  @Test
  void fileThenEnvironmentThenOption() throws IOException {
    Files.createDirectories(dir.resolve("versions"));
    for (String db : List.of("file.db", "env.db", "opt.db")) {
      Files.createFile(dir.resolve(db));
    }
    Files.writeString(
        dir.resolve("migrate.properties"), "url=jdbc:sqlite:" + dir.resolve("file.db") + "\n");
    Map<String, String> env = Map.of("MIGRATE_URL", "jdbc:sqlite:" + dir.resolve("env.db"));

    String fromFile = verboseUrl(new Cli(dir).run("current", "-v"));
    String fromEnv = verboseUrl(new Cli(dir, env).run("current", "-v"));
    String fromOption =
        verboseUrl(
            new Cli(dir, env)
                .run("current", "-v", "--url", "jdbc:sqlite:" + dir.resolve("opt.db")));

    assertThat(fromFile)
        .isEqualTo("Current revision(s) for jdbc:sqlite:" + dir.resolve("file.db") + ":");
    assertThat(fromEnv)
        .isEqualTo("Current revision(s) for jdbc:sqlite:" + dir.resolve("env.db") + ":");
    assertThat(fromOption)
        .isEqualTo("Current revision(s) for jdbc:sqlite:" + dir.resolve("opt.db") + ":");
  }

  @Test
  void optionsBeforeTheCommandApplyAndOptionsAfterItWin() throws IOException {
    Files.createDirectories(dir.resolve("revs"));
    Files.createDirectories(dir.resolve("other"));
    Files.createFile(dir.resolve("a.db"));
    Files.createFile(dir.resolve("b.db"));
    Cli cli = new Cli(dir);

    Cli.Result before =
        cli.run(
            "--revisions", "revs", "--url", "jdbc:sqlite:" + dir.resolve("a.db"), "current", "-v");
    Cli.Result after =
        cli.run(
            "--url",
            "jdbc:sqlite:" + dir.resolve("a.db"),
            "--revisions",
            "revs",
            "current",
            "-v",
            "--url",
            "jdbc:sqlite:" + dir.resolve("b.db"));
    cli.run("--revisions", "other", "revision", "--rev-id", "o1");

    assertThat(verboseUrl(before))
        .isEqualTo("Current revision(s) for jdbc:sqlite:" + dir.resolve("a.db") + ":");
    assertThat(verboseUrl(after))
        .isEqualTo("Current revision(s) for jdbc:sqlite:" + dir.resolve("b.db") + ":");
    assertThat(dir.resolve("other/o1_empty_message.sql")).exists();
  }

  @Test
  void revisionsDirectoryInAConfigFileIsRelativeToThatFile() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project/db"));
    Files.writeString(project.resolve("migrate.properties"), "revisions=revs\n");
    Files.createDirectories(project.resolve("revs"));

    Cli.Result result =
        new Cli(dir).run("revision", "--config", "project/db/migrate.properties", "--rev-id", "r1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(project.resolve("revs/r1_empty_message.sql")).exists();
  }

  @Test
  void versionTableOptionNamesTheTable() throws Exception {
    Files.createDirectories(dir.resolve("versions"));
    Path db = dir.resolve("app.db");
    Cli cli =
        new Cli(
            dir,
            Map.of("MIGRATE_URL", "jdbc:sqlite:" + db, "MIGRATE_VERSION_TABLE", "my_versions"));
    assertThat(cli.run("revision", "--rev-id", "v1").exitCode()).isZero();

    assertThat(cli.run("upgrade", "head").exitCode()).isZero();

    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery("SELECT version_num FROM my_versions")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("v1");
    }
  }

  @Test
  void passwordsNeverAppearInOutputOrErrors() throws Exception {
    try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRESQL)) {
      // the local server trusts its clients, so the passwords are accepted and ignored
      String url = database.url() + "&password=urlSecret42";
      Files.createDirectories(dir.resolve("versions"));
      Files.writeString(
          dir.resolve("migrate.properties"), "url=" + url + "\npassword=fileSecret42\n");
      Cli cli = new Cli(dir);
      List<Cli.Result> results = new ArrayList<>();
      results.add(cli.run("revision", "-m", "one", "--rev-id", "p1"));
      results.add(cli.run("upgrade", "head"));
      results.add(cli.run("current", "-v"));
      results.add(cli.run("history", "-i", "-v"));
      results.add(cli.run("check"));
      results.add(cli.run("upgrade", "nosuch"));
      results.add(cli.run("stamp", "p1", "--password", "optionSecret42"));
      results.add(cli.run("current", "-v", "--debug"));
      // a database that does not exist: the driver's error must not leak the URL's password
      results.add(
          cli.run(
              "current",
              "--url",
              url.replace(database.url().replaceAll(".*/([^/?]+)\\?.*", "$1"), "no_such_db_x")));

      assertThat(results.get(2).out()).contains("password=***");
      assertThat(results.get(5).exitCode()).isEqualTo(2);
      assertThat(results.get(8).exitCode()).as(results.get(8).toString()).isEqualTo(1);
      for (Cli.Result result : results) {
        assertThat(result.out() + result.err())
            .as(result.toString())
            .doesNotContain("urlSecret42", "fileSecret42", "optionSecret42");
      }
    }
  }

  @Test
  void errorsHideTheConfiguredPasswordWhereverItAppears() {
    Main main = new Main(dir, Map.of());
    main.config =
        ConfigLoader.merge(
            null,
            Map.of(ConfigKey.URL, "jdbc:mysql://u:inUrl@h/db", ConfigKey.PASSWORD, "pw-literal"),
            Map.of(),
            Map.of(),
            dir);

    assertThat(main.hidePasswords("login failed for jdbc:mysql://u:inUrl@h/db with pw-literal"))
        .isEqualTo("login failed for jdbc:mysql://u:***@h/db with ***");
  }
}
