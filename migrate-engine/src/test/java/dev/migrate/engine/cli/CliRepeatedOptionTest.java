package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single-value option given twice is bad usage; it never forgets the options before it. */
class CliRepeatedOptionTest {
  @TempDir Path dir;

  private static void assertRejected(Cli.Result result, String option) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).as(result.toString()).startsWith("FAILED: ").contains(option);
    assertThat(result.err().lines()).as(result.toString()).hasSize(1);
  }

  @Test
  void aRepeatedUrlAfterRevisionsIsAnError() throws Exception {
    Files.createDirectories(dir.resolve("other"));
    Cli cli = new Cli(dir);
    assertThat(cli.run("revision", "--revisions", "other", "--rev-id", "o1").exitCode()).isZero();
    String url = "jdbc:sqlite:" + dir.resolve("a.db");

    assertRejected(cli.run("heads", "--revisions", "other", "--url", url, "--url", url), "--url");
    assertRejected(cli.run("--revisions", "other", "--url", url, "--url", url, "heads"), "--url");
  }

  @Test
  void aRepeatedUrlNeverReappliesRevisionsUnderTheDefaultVersionTable() throws Exception {
    Files.createDirectories(dir.resolve("versions"));
    Path db = dir.resolve("app.db");
    String url = "jdbc:sqlite:" + db;
    Cli cli = new Cli(dir);
    assertThat(cli.run("revision", "--rev-id", "v1").exitCode()).isZero();
    Path file = dir.resolve("versions/v1_empty_message.sql");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("-- migrate:up\n", "-- migrate:up\nCREATE TABLE t (id INTEGER);\n"));
    Cli.Result first = cli.run("upgrade", "head", "--version-table", "my_versions", "--url", url);
    assertThat(first.exitCode()).as(first.toString()).isZero();

    Cli.Result again =
        cli.run("upgrade", "head", "--version-table", "my_versions", "--url", url, "--url", url);

    assertRejected(again, "--url");
    assertThat(tables(url)).doesNotContain("migrate_version");
  }

  @Test
  void everySingleValueOptionIsRejectedWhenRepeated() {
    String[][] cases = {
      {"heads", "--revisions", "a", "--revisions", "b"},
      {"heads", "--version-table", "a", "--version-table", "b"},
      {"heads", "--config", "a", "--config", "b"},
      {"upgrade", "head", "--user", "a", "--user", "b"},
      {"upgrade", "head", "--password", "secret1", "--password", "secret2"},
      {"revision", "-m", "a", "-m", "b"},
      {"revision", "--rev-id", "a", "--rev-id", "b"},
      {"history", "-r", "a:", "-r", "b:"},
    };
    for (String[] args : cases) {
      Cli.Result result = new Cli(dir).run(args);
      assertRejected(result, args[args.length - 2]);
      assertThat(result.err()).doesNotContain("secret");
    }
  }

  private static List<String> tables(String url) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
