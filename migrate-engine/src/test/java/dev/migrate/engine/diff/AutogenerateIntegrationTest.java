package dev.migrate.engine.diff;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.primaryKey;
import static dev.migrate.engine.ops.Columns.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.Models;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.JavaRevisionLoader;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Autogenerate end to end on each backend: a database at a first revision, models that differ from
 * it in every way autogenerate handles, the generated Java revision compiled and applied through
 * the Migrator; afterwards the database matches the models, and after the downgrade it matches what
 * it was.
 */
class AutogenerateIntegrationTest {
  private final SchemaReader reader = new SchemaReader();

  /** The first revision: what the database has before autogenerate. */
  private static RevisionScript first() {
    Ops ops =
        new Ops()
            .createTable(
                "person",
                column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
                column("email", ColumnType.varchar(100)).notNull(),
                column("legacy", ColumnType.TEXT))
            .createTable(
                "task",
                column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
                column("title", ColumnType.varchar(100)).defaultValue("'x'"),
                column("person_id", ColumnType.INTEGER),
                foreignKey("fk_task_person", "person_id", "person", "id"))
            .createIndex("ix_person_legacy", "person", "legacy")
            .createTable("audit", column("id", ColumnType.INTEGER).primaryKey().autoincrement());
    return new RevisionScript(
        "first",
        List.of(),
        List.of(),
        List.of(),
        "first",
        null,
        (direction, kind) ->
            direction == Direction.UPGRADE
                ? new MigrationPlan(ops.operations(), Optional.empty(), Revision.Transactional.AUTO)
                : MigrationPlan.EMPTY);
  }

  /** What the application expects. */
  private static Schema models() {
    return Models.builder()
        .table(
            "person",
            column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
            column("email", ColumnType.varchar(200)).notNull(),
            unique("uq_person_email", "email"))
        .table(
            "task",
            column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
            column("title", ColumnType.varchar(200)).notNull(),
            column("person_id", ColumnType.INTEGER),
            column("score", ColumnType.decimal(8, 2)),
            foreignKey(
                "fk_task_person",
                List.of("person_id"),
                "person",
                List.of("id"),
                ReferentialAction.CASCADE,
                null))
        .table(
            "tag",
            column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
            column("label", ColumnType.varchar(50)).notNull())
        .table(
            "task_tag",
            column("task_id", ColumnType.INTEGER).notNull(),
            column("tag_id", ColumnType.INTEGER).notNull(),
            primaryKey("task_id", "tag_id"),
            foreignKey("fk_task_tag_task", "task_id", "task", "id"),
            foreignKey("fk_task_tag_tag", "tag_id", "tag", "id"))
        .index("ix_task_tag_tag", "task_tag", "tag_id")
        .index("ix_task_score", "task", "score")
        .build();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void generatedRevisionMakesTheDatabaseMatchTheModelsAndBack(DatabaseKind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript first = first();
      Migrator atFirst = migrator(db, List.of(first));
      atFirst.upgrade("heads");
      Schema before = read(db);
      Schema models = models();
      List<Difference> differences = SchemaDiff.compare(models, before);
      assertThat(differences).as(kind + ": the models differ from the first revision").isNotEmpty();

      Autogenerate.Result result = Autogenerate.operations(differences);
      Path src = Files.createDirectories(dir.resolve("src"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      Path file =
          JavaRevisionRenderer.write(src, "gen.auto", "second", "sync", List.of("first"), result);
      RevisionRendererTest.compile(classes, file);
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        List<RevisionScript> revisions =
            new ArrayList<>(JavaRevisionLoader.load("gen.auto", loader));
        revisions.add(first);
        Migrator migrator = migrator(db, revisions);

        migrator.upgrade("heads");
        assertThat(describe(SchemaDiff.compare(models, read(db))))
            .as(kind + ": after the generated upgrade\n" + Files.readString(file))
            .isEmpty();

        migrator.downgrade("first");
        assertThat(describe(SchemaDiff.compare(before, read(db))))
            .as(kind + ": after the generated downgrade\n" + Files.readString(file))
            .isEmpty();
      }
    }
  }

  private static Migrator migrator(TestDatabase db, List<RevisionScript> revisions) {
    return Migrator.builder(RevisionGraph.of(revisions)).url(db.url()).output(line -> {}).build();
  }

  private Schema read(TestDatabase db) throws Exception {
    try (Connection connection = db.connect()) {
      return reader.read(connection);
    }
  }

  private static List<String> describe(List<Difference> differences) {
    return differences.stream().map(Difference::describe).toList();
  }
}
