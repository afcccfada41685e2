package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static dev.migrate.engine.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.verify.FindingCode;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assertions pass on what is there and fail saying what is there instead. */
@MigrationTest(
    revisions = "src/test/resources/revisions/split_name",
    backends = {SQLITE, POSTGRESQL})
class MigrateAssertionsTest {

  @MigrationBackends
  void schemaAssertions(MigrationRunner db) {
    db.upgradeTo("head");
    MigrateAssertions.assertThat(db.schema())
        .hasTable("account")
        .hasColumn("first_name")
        .ofType(varchar(100))
        .nullable();
    MigrateAssertions.assertThat(db.schema()).hasTable("account").hasColumn("full_name").notNull();
    assertThatThrownBy(
            () -> MigrateAssertions.assertThat(db.schema()).hasTable("account").hasColumn("nick"))
        .hasMessageContaining("Expecting table account to have a column nick but it has [");
    assertThatThrownBy(
            () ->
                MigrateAssertions.assertThat(db.schema())
                    .hasTable("account")
                    .hasColumn("first_name")
                    .ofType(varchar(50)))
        .hasMessageContaining("Expecting column account.first_name to be VARCHAR(50) but it is");
    assertThatThrownBy(() -> MigrateAssertions.assertThat(db.schema()).hasTable("task"))
        .hasMessageContaining("Expecting a table task but the schema has [account]");
  }

  @Test
  void findingAssertions() {
    RevisionGraph graph =
        RevisionGraph.of(
            RevisionLoader.load(Path.of("src/test/resources/revisions/leaves_trace"), null, null));
    VerificationResult result;
    try (Sandbox sqlite = Sandbox.sqlite()) {
      result =
          Verifier.of(graph, null, VerifyOptions.defaults())
              .run(List.of(Verifier.Backend.ready(sqlite)));
    }
    MigrateAssertions.assertThat(result)
        .containsCode(FindingCode.DOWNGRADE_LEAVES_TRACE)
        .forRevision("d00000000002");
    assertThatThrownBy(() -> MigrateAssertions.assertThat(result).hasNoErrors())
        .hasMessageContaining("ERROR DOWNGRADE_LEAVES_TRACE sqlite d00000000002");
    assertThatThrownBy(
            () -> MigrateAssertions.assertThat(result).containsCode(FindingCode.DATA_LOSS))
        .hasMessageContaining("Expecting a DATA_LOSS finding but found:");
    assertThatThrownBy(
            () ->
                MigrateAssertions.assertThat(result)
                    .containsCode(FindingCode.DOWNGRADE_LEAVES_TRACE)
                    .forRevision("d00000000001"))
        .hasMessageContaining("Expecting a finding for revision d00000000001");
  }

  @Test
  void differencesAssertions() {
    MigrateAssertions.assertThatDifferences(List.of()).isEmpty();
    Schema models =
        new Schema(
            List.of(
                new Schema.Table(
                    "task", List.of(), null, List.of(), List.of(), List.of(), List.of())));
    List<Difference> differences = SchemaDiff.compare(models, new Schema(List.of()));
    assertThatThrownBy(() -> MigrateAssertions.assertThatDifferences(differences).isEmpty())
        .hasMessageContaining("Expecting no differences but found 1:")
        .hasMessageContaining("table task is in the models but not in the database");
  }
}
