package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.HibernateCreates;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code migrate check --models hibernate:...} on the schema Hibernate itself created. */
class CliHibernateModelsTest {
  private static final String STORE = "dev.migrate.engine.model.store";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void checkFindsNoProblemThenTheDroppedColumn(DatabaseKind kind) throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      HibernateCreates.schema(kind, database.url(), STORE);
      Cli cli = new Cli(dir, Map.of("MIGRATE_URL", database.url()));
      assertThat(cli.run("init").exitCode()).isZero();

      Cli.Result clean = cli.run("check", "--models", "hibernate:" + STORE);
      assertThat(clean.out()).as(clean.toString()).isEqualTo("No problems found.\n");
      assertThat(clean.err())
          .as("says which reader made the models")
          .startsWith("Models: read by Hibernate ORM ")
          .contains(kind == DatabaseKind.POSTGRESQL ? "PostgreSQLDialect" : "MariaDBDialect");

      try (Connection c = database.connect();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE customer DROP COLUMN created_by");
      }
      Cli.Result drift = cli.run("check", "--models", "hibernate:" + STORE);
      assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
      assertThat(drift.lines())
          .containsExactly("column customer.created_by is in the models but not in the database");
    }
  }
}
