package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import dev.migrate.examples.models.AppModels;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At head the example database matches the application's models; one revision short it does not.
 */
class ModelsCheckTest {

  private static List<String> drift(Migrator migrator, DatabaseKind kind) {
    return SchemaDiff.compare(
            SchemaReader.asStored(kind, new AppModels().models(kind)), migrator.schema())
        .stream()
        .map(Difference::describe)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void headMatchesTheModelsAndTheRevisionBeforeItDoesNot(DatabaseKind kind) {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator migrator =
          Migrator.builder(ExampleMigrationsTest.graph()).url(db.url()).output(l -> {}).build();

      migrator.upgrade("head");
      assertThat(drift(migrator, kind)).isEmpty();

      migrator.downgrade("-1");
      assertThat(drift(migrator, kind))
          .contains(
              "column task.title: type VARCHAR(200) in the database, VARCHAR(300) in the models")
          .anyMatch(d -> d.contains("task_comment"));
    }
  }
}
