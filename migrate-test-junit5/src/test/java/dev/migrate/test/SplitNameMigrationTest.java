package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static dev.migrate.test.MigrateAssertions.assertThat;
import static dev.migrate.test.MigrationRunner.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A data migration tested with {@link MigrationBackends}: once per backend, on a fresh database.
 */
@MigrationTest(
    revisions = "src/test/resources/revisions/split_name",
    models = "src/test/resources/revisions/split_name_models.sql",
    backends = {SQLITE, POSTGRESQL, MYSQL})
class SplitNameMigrationTest {

  @MigrationBackends
  void splitsTheFullName(MigrationRunner db) {
    db.upgradeTo("c10000000001");
    db.insert(
        "account",
        row("id", 1, "full_name", "Ada Lovelace"),
        row("id", 2, "full_name", "Alan Turing"));

    db.upgradeTo("+1");

    assertThat(db.current()).containsExactly("c10000000002");
    assertThat(db.query("select first_name, last_name from account order by id"))
        .containsExactly(tuple("Ada", "Lovelace"), tuple("Alan", "Turing"));
  }

  @MigrationBackends
  void matchesTheModelsAtHeadOnly(MigrationRunner db) {
    db.upgradeTo("c10000000001");
    assertThat(db.diffAgainstModels())
        .extracting(dev.migrate.engine.diff.Difference::describe)
        .containsExactlyInAnyOrder(
            "column account.first_name is in the models but not in the database",
            "column account.last_name is in the models but not in the database");
    db.upgradeTo("head");
    MigrateAssertions.assertThatDifferences(db.diffAgainstModels()).isEmpty();
  }

  @MigrationBackends
  void startsOnAnEmptyDatabaseAndComesBackDown(MigrationRunner db) {
    assertThat(db.current()).isEmpty();
    assertThat(db.schema().tables()).isEmpty();
    db.upgradeTo("head");
    assertThat(db.schema().table("account").orElseThrow().column("first_name")).isPresent();
    db.stepDown();
    assertThat(db.current()).containsExactly("c10000000001");
    db.downgradeTo("base");
    assertThat(db.schema().tables()).isEmpty();
    assertThat(db.toString()).doesNotContain("password");
  }
}
