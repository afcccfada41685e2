package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code migrate check} with models holding check constraints: the database's rewrite of a check is
 * no drift, a changed named check is.
 */
class CliCheckConstraintTest {
  private static final String MODELS = "dsl:dev.migrate.engine.cli.models.CheckModels";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void checksMatchTheDatabasesRewriteAndAChangedOneIsReported(DatabaseKind kind) throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      Cli cli = new Cli(dir, Map.of("MIGRATE_URL", database.url(), "MIGRATE_MODELS", MODELS));
      assertThat(cli.run("init").exitCode()).isZero();
      Cli.Result generated =
          cli.run("revision", "--autogenerate", "-m", "create ticket", "--sql-file");
      assertThat(generated.exitCode()).as(generated.toString()).isZero();
      Cli.Result upgraded = cli.run("upgrade", "head");
      assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();

      Cli.Result clean = cli.run("check");
      assertThat(clean.out()).as(clean.toString()).isEqualTo("No problems found.\n");
      Cli.Result nothing = cli.run("revision", "--autogenerate", "-m", "nothing", "--sql-file");
      assertThat(nothing.out())
          .as(nothing.toString())
          .isEqualTo("No changes in schema detected.\n");

      changeQuantityCheck(kind, database);
      Cli.Result changed = cli.run("check");
      assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(1);
      assertThat(changed.lines()).hasSize(2);
      assertThat(changed.lines().get(0))
          .as("the models' check in the models' own words")
          .isEqualTo(
              "check constraint ck_ticket_qty on ticket (qty > 0) is in the models but not in the"
                  + " database");
      assertThat(changed.lines().get(1))
          .startsWith("check constraint ck_ticket_qty on ticket (")
          .containsPattern("qty.*1")
          .endsWith(") is in the database but not in the models");
    }
  }

  /** Makes the database's ck_ticket_qty say {@code qty > 1}. */
  private static void changeQuantityCheck(DatabaseKind kind, TestDatabase database)
      throws Exception {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      if (kind == DatabaseKind.SQLITE) {
        String sql;
        try (ResultSet rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ticket'")) {
          rs.next();
          sql = rs.getString(1);
        }
        assertThat(sql).contains("qty > 0");
        s.execute("ALTER TABLE ticket RENAME TO ticket_old");
        s.execute(sql.replace("qty > 0", "qty > 1"));
        s.execute("DROP TABLE ticket_old");
      } else {
        s.execute("ALTER TABLE ticket DROP CONSTRAINT ck_ticket_qty");
        s.execute("ALTER TABLE ticket ADD CONSTRAINT ck_ticket_qty CHECK (qty > 1)");
      }
    }
  }
}
