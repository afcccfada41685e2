package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code migrate verify --against URL}: a database migrated by {@code upgrade} is read, never
 * written, and each applied revision edited since is a {@code CHECKSUM_MISMATCH}.
 */
class CliVerifyAgainstTest {
  @TempDir Path dir;

  private Path revisions() throws Exception {
    Path source = Path.of(CliVerifyAgainstTest.class.getResource("/verify/correct_chain").toURI());
    Path copy = dir.resolve("versions");
    Cli.copy(source, copy);
    return copy;
  }

  private Cli.Result migrate(String... args) {
    return new Cli(dir, Map.of()).run(args);
  }

  private static void edit(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  /** Every row of the version and history tables, to show that verify wrote nothing. */
  private static List<String> versionAndHistory(TestDatabase db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT version_num FROM migrate_version",
              "SELECT id, revision, checksum, down_checksum FROM migrate_history ORDER BY id")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEditedUpIsAnErrorAnEditedDownAWarningAndNothingIsWritten(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Path versions = revisions();
      Cli.Result up =
          migrate("upgrade", "head", "--url", db.url(), "--revisions", versions.toString());
      assertThat(up.exitCode()).as(up.toString()).isZero();
      List<String> before = versionAndHistory(db);
      edit(versions.resolve("002.sql"), "title VARCHAR(200)", "title VARCHAR(300)");
      edit(
          versions.resolve("003.sql"),
          "DROP INDEX ix_task_title;",
          "DROP INDEX IF EXISTS ix_task_title;");

      Cli.Result r =
          migrate(
              "verify",
              "--revisions",
              versions.toString(),
              "--against",
              db.url(),
              "--format",
              "json");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      // the document on one line, without its indentation
      String json = r.out().replaceAll("\\n\\s*", "").replace("\": ", "\":");
      assertThat(json)
          .contains(
              "{\"code\":\"CHECKSUM_MISMATCH\",\"severity\":\"error\",\"backend\":\""
                  + kind.id()
                  + "\",\"revision\":\"a00000000002\",\"message\":\"revision a00000000002"
                  + " (002.sql) was edited after it was applied to ")
          .contains("\"checksum when applied: v2:")
          .doesNotContain("\"revision\":\"a00000000001\",\"message\":\"revision a00000000001");
      if (kind == DatabaseKind.MYSQL) {
        assertThat(json).as("mysql has its own down section").doesNotContain("003.sql");
      } else {
        assertThat(json)
            .contains(
                "{\"code\":\"CHECKSUM_MISMATCH\",\"severity\":\"warning\",\"backend\":\""
                    + kind.id()
                    + "\",\"revision\":\"a00000000003\",\"message\":\"the downgrade of revision"
                    + " a00000000003 (003.sql) was edited after it was applied to ");
      }
      assertThat(json).startsWith("{\"findings\":[").contains("],\"summary\":{\"ok\":false");
      assertThat(versionAndHistory(db)).as("verify --against writes nothing").isEqualTo(before);
    }
  }

  @Test
  void anAppliedRevisionWhoseFileIsGoneIsNamed() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      Path versions = revisions();
      migrate("upgrade", "head", "--url", db.url(), "--revisions", versions.toString());
      Files.delete(versions.resolve("003.sql"));

      Cli.Result r = migrate("verify", "--revisions", versions.toString(), "--against", db.url());

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "ERROR CHECKSUM_MISMATCH sqlite a00000000003: revision a00000000003 is applied to "
                  + db.url()
                  + " but no revision file or class has that id");
    }
  }

  @Test
  void anUntouchedDatabasePassesAndOneWithoutVersionTableIsBadInput() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      Path versions = revisions();
      Cli.Result none =
          migrate("verify", "--revisions", versions.toString(), "--against", db.url());
      assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
      assertThat(none.err())
          .contains(
              "--against " + db.url() + " has no migrate_version table: migrate never upgraded");

      migrate("upgrade", "head", "--url", db.url(), "--revisions", versions.toString());
      Cli.Result r = migrate("verify", "--revisions", versions.toString(), "--against", db.url());
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).doesNotContain("CHECKSUM_MISMATCH");
    }
  }

  @Test
  void theSettingInMigratePropertiesDoesTheSame() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      Path versions = revisions();
      migrate("upgrade", "head", "--url", db.url(), "--revisions", versions.toString());
      edit(versions.resolve("001.sql"), "full_name VARCHAR(120)", "full_name VARCHAR(150)");
      Files.writeString(
          dir.resolve("migrate.properties"),
          "revisions=versions\nverify.against_url=" + db.url() + "\n");

      Cli.Result r = migrate("verify");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).contains("ERROR CHECKSUM_MISMATCH sqlite a00000000001: revision");
    }
  }
}
