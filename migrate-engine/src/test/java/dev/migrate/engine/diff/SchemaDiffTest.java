package dev.migrate.engine.diff;

import static dev.migrate.engine.diff.TestTables.schema;
import static dev.migrate.engine.diff.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static TestTables task() {
    return table("task")
        .id("id")
        .column("title", ColumnType.varchar(200), false)
        .column("status", ColumnType.varchar(20), false, "'open'")
        .column("owner_id", ColumnType.INTEGER, true);
  }

  private static TestTables person() {
    return table("person").id("id").column("email", ColumnType.varchar(100), false);
  }

  private static List<String> describe(Schema expected, Schema actual) {
    return SchemaDiff.compare(expected, actual).stream().map(Difference::describe).toList();
  }

  @Test
  void equalSchemasHaveNoDifferences() {
    Schema models =
        schema(
            task()
                .index("ix_task_title", false, "title")
                .foreignKey("fk_task_owner", "owner_id", "person", "id")
                .check("ck_status", "status <> ''"),
            person().unique("uq_person_email", "email"));
    Schema database =
        schema(
            task()
                .index("ix_task_title", false, "title")
                .foreignKey("fk_task_owner", "owner_id", "person", "id")
                .check("ck_status", "status <> ''"),
            person().unique("uq_person_email", "email"));

    assertThat(SchemaDiff.compare(models, database)).isEmpty();
  }

  @Test
  void namesCompareCaseInsensitively() {
    Schema models = schema(task().index("IX_TASK_TITLE", false, "TITLE"));
    Schema database =
        schema(
            table("TASK")
                .id("ID")
                .column("Title", ColumnType.varchar(200), false)
                .column("STATUS", ColumnType.varchar(20), false, "'open'")
                .column("owner_id", ColumnType.INTEGER, true)
                .index("ix_task_title", false, "title"));

    assertThat(SchemaDiff.compare(models, database)).isEmpty();
  }

  @Test
  void missingAndExtraTables() {
    Schema models = schema(task(), table("tag").id("id").column("label", ColumnType.TEXT, false));
    Schema database =
        schema(task(), table("audit_log").id("id").column("at", ColumnType.TIMESTAMP, false));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .hasExactlyElementsOfTypes(Difference.ExtraTable.class, Difference.MissingTable.class);
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "table audit_log is in the database but not in the models",
            "table tag is in the models but not in the database");
  }

  @Test
  void tableWithTheSameColumnsUnderAnotherNameIsDropAndAddWithRenameHint() {
    Schema models = schema(table("tasks").id("id").column("title", ColumnType.TEXT, false));
    Schema database = schema(table("task").id("id").column("TITLE", ColumnType.TEXT, true));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .containsExactly(
            new Difference.ExtraTable(database.tables().get(0), "tasks"),
            new Difference.MissingTable(models.tables().get(0), "task"));
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "table task is in the database but not in the models; table tasks in the models has"
                + " the same columns: if this is a rename, replace the generated drop + create"
                + " with renameTable to keep its rows",
            "table tasks is in the models but not in the database; table task in the database"
                + " has the same columns: if it was renamed, replace the generated drop + create"
                + " with renameTable to keep its rows");
  }

  @Test
  void missingAndExtraColumns() {
    Schema models = schema(task().column("due", ColumnType.DATE, true));
    Schema database = schema(task().column("legacy", ColumnType.TEXT, true));

    assertThat(describe(models, database))
        .containsExactly(
            "column task.due is in the models but not in the database",
            "column task.legacy is in the database but not in the models");
  }

  @Test
  void columnWithTheSameTypeUnderAnotherNameIsDropAndAddWithRenameHint() {
    Schema models = schema(table("task").id("id").column("heading", ColumnType.TEXT, false));
    Schema database = schema(table("task").id("id").column("title", ColumnType.TEXT, false));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .containsExactly(
            new Difference.MissingColumn("task", models.tables().get(0).columns().get(1), "title"),
            new Difference.ExtraColumn(
                "task", database.tables().get(0).columns().get(1), "heading"));
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "column task.heading is in the models but not in the database; column task.title in"
                + " the database has the same type and nullability: if it was renamed, replace"
                + " the generated drop + add with alterColumn(...).rename(...) (ALTER TABLE ..."
                + " RENAME COLUMN in SQL) to keep its values",
            "column task.title is in the database but not in the models; column task.heading in"
                + " the models has the same type and nullability: if this is a rename, replace"
                + " the generated drop + add with alterColumn(...).rename(...) (ALTER TABLE ..."
                + " RENAME COLUMN in SQL) to keep its values");
  }

  @Test
  void renameHintPairsTheOnlyColumnsAlikeAmongOthers() {
    Schema models =
        schema(
            task()
                .column("summary", ColumnType.varchar(50), true)
                .column("due", ColumnType.DATE, true));
    Schema database = schema(task().column("abstract", ColumnType.varchar(50), true));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "column task.summary is in the models but not in the database; column task.abstract"
                + " in the database has the same type and nullability: if it was renamed, replace"
                + " the generated drop + add with alterColumn(...).rename(...) (ALTER TABLE ..."
                + " RENAME COLUMN in SQL) to keep its values",
            "column task.due is in the models but not in the database",
            "column task.abstract is in the database but not in the models; column task.summary"
                + " in the models has the same type and nullability: if this is a rename, replace"
                + " the generated drop + add with alterColumn(...).rename(...) (ALTER TABLE ..."
                + " RENAME COLUMN in SQL) to keep its values");
  }

  @Test
  void noRenameHintWhenThePairingIsAmbiguousOrTheColumnsDiffer() {
    Schema twoMissing =
        schema(task().column("a", ColumnType.TEXT, true).column("b", ColumnType.TEXT, true));
    Schema twoExtra =
        schema(task().column("x", ColumnType.TEXT, true).column("y", ColumnType.TEXT, true));
    Schema oneExtra = schema(task().column("x", ColumnType.TEXT, true));
    Schema otherType = schema(task().column("a", ColumnType.varchar(10), true));
    Schema notNull = schema(task().column("a", ColumnType.TEXT, false));

    for (List<Difference> differences :
        List.of(
            SchemaDiff.compare(twoMissing, oneExtra),
            SchemaDiff.compare(oneExtra, twoExtra),
            SchemaDiff.compare(twoMissing, twoExtra),
            SchemaDiff.compare(otherType, oneExtra),
            SchemaDiff.compare(notNull, oneExtra))) {
      assertThat(differences)
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.describe()).doesNotContain("rename"));
    }
  }

  @Test
  void columnTypeChange() {
    Schema models = schema(table("task").id("id").column("title", ColumnType.varchar(200), false));
    Schema database =
        schema(table("task").id("id").column("title", ColumnType.varchar(100), false));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences).hasExactlyElementsOfTypes(Difference.ColumnTypeChanged.class);
    assertThat(differences.get(0).describe())
        .isEqualTo(
            "column task.title: type VARCHAR(100) in the database, VARCHAR(200) in the models");
  }

  @Test
  void typeDescriptionsOfEveryShape() {
    Schema models =
        schema(
            table("t")
                .id("id")
                .column("a", ColumnType.decimal(10, 2), false)
                .column("b", ColumnType.fixedChar(2), false)
                .column("c", ColumnType.custom("int4range"), false)
                .column("d", ColumnType.TIMESTAMP_TZ, false)
                .column("e", ColumnType.timestampTz(3), false)
                .column("f", ColumnType.time(0), false)
                .column("g", ColumnType.TIMESTAMP, false));
    Schema database =
        schema(
            table("t")
                .id("id")
                .column("a", ColumnType.decimal(12, 2), false)
                .column("b", ColumnType.varchar(2), false)
                .column("c", ColumnType.custom("INT8RANGE"), false)
                .column("d", ColumnType.TIMESTAMP, false)
                .column("e", ColumnType.TIMESTAMP_TZ, false)
                .column("f", ColumnType.TIME, false)
                .column("g", ColumnType.timestamp(3), false));

    assertThat(describe(models, database))
        .containsExactly(
            "column t.a: type DECIMAL(12,2) in the database, DECIMAL(10,2) in the models",
            "column t.b: type VARCHAR(2) in the database, CHAR(2) in the models",
            "column t.c: type INT8RANGE in the database, int4range in the models",
            "column t.d: type TIMESTAMP in the database, TIMESTAMP WITH TIME ZONE in the models",
            "column t.e: type TIMESTAMP WITH TIME ZONE in the database, TIMESTAMP(3) WITH TIME"
                + " ZONE in the models",
            "column t.f: type TIME in the database, TIME(0) in the models",
            "column t.g: type TIMESTAMP(3) in the database, TIMESTAMP in the models");
  }

  @Test
  void customTypesCompareIgnoringCaseAndSpaces() {
    Schema models = schema(table("t").id("id").column("r", ColumnType.custom("int4range"), true));
    Schema database =
        schema(table("t").id("id").column("r", ColumnType.custom(" INT4RANGE "), true));

    assertThat(SchemaDiff.compare(models, database)).isEmpty();
  }

  @Test
  void nullabilityChange() {
    Schema models = schema(table("task").id("id").column("title", ColumnType.TEXT, false));
    Schema database = schema(table("task").id("id").column("title", ColumnType.TEXT, true));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences).hasExactlyElementsOfTypes(Difference.NullabilityChanged.class);
    assertThat(differences.get(0).describe())
        .isEqualTo("column task.title: NULL in the database, NOT NULL in the models");
  }

  @Test
  void defaultChanges() {
    Schema models =
        schema(
            table("task")
                .id("id")
                .column("status", ColumnType.TEXT, false, "'open'")
                .column("n", ColumnType.INTEGER, false)
                .column("at", ColumnType.TIMESTAMP, false, "CURRENT_TIMESTAMP"));
    Schema database =
        schema(
            table("task")
                .id("id")
                .column("status", ColumnType.TEXT, false, "'Open'")
                .column("n", ColumnType.INTEGER, false, "0")
                .column("at", ColumnType.TIMESTAMP, false, "current_timestamp"));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .hasExactlyElementsOfTypes(
            Difference.DefaultChanged.class, Difference.DefaultChanged.class);
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "column task.status: default 'Open' in the database, default 'open' in the models",
            "column task.n: default 0 in the database, no default in the models");
  }

  @Test
  void autoincrementChange() {
    Schema models = schema(table("task").id("id"));
    Schema database =
        schema(table("task").column("id", ColumnType.INTEGER, false).primaryKey(null, "id"));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences).hasExactlyElementsOfTypes(Difference.AutoincrementChanged.class);
    assertThat(differences.get(0).describe())
        .isEqualTo(
            "column task.id: not autoincrement in the database, autoincrement in the models");
  }

  @Test
  void primaryKeyChangeIgnoresItsName() {
    Schema models =
        schema(
            table("pair")
                .column("a", ColumnType.INTEGER, false)
                .column("b", ColumnType.INTEGER, false)
                .primaryKey("pk_pair", "a", "b"),
            table("loose").column("a", ColumnType.INTEGER, false).primaryKey(null, "a"),
            table("same").column("a", ColumnType.INTEGER, false).primaryKey("pk_same", "a"));
    Schema database =
        schema(
            table("pair")
                .column("a", ColumnType.INTEGER, false)
                .column("b", ColumnType.INTEGER, false)
                .primaryKey("pk_pair", "a"),
            table("loose").column("a", ColumnType.INTEGER, false),
            table("same").column("a", ColumnType.INTEGER, false).primaryKey("same_pkey", "A"));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .hasExactlyElementsOfTypes(
            Difference.PrimaryKeyChanged.class, Difference.PrimaryKeyChanged.class);
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "table loose: no primary key in the database, primary key (a) in the models",
            "table pair: primary key (a) in the database, primary key (a, b) in the models");
  }

  @Test
  void indexes() {
    Schema models =
        schema(
            task()
                .index("ix_task_title", false, "title")
                .index("ix_task_status", false, "status")
                .index("ix_task_owner", false, "owner_id"));
    Schema database =
        schema(
            task()
                .index("ix_task_title", true, "title")
                .index("ix_task_status", false, "status", "title")
                .index("ix_task_old", false, "owner_id"));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "index ix_task_title on task(title) is in the models but not in the database",
            "index ix_task_status on task(status) is in the models but not in the database",
            "index ix_task_owner on task(owner_id) is in the models but not in the database",
            "unique index ix_task_title on task(title) is in the database but not in the models",
            "index ix_task_status on task(status, title) is in the database but not in the models",
            "index ix_task_old on task(owner_id) is in the database but not in the models");
    assertThat(differences.get(0)).isInstanceOf(Difference.MissingIndex.class);
    assertThat(differences.get(5)).isInstanceOf(Difference.ExtraIndex.class);
  }

  @Test
  void unnamedIndexesAndConstraintsMatchByColumns() {
    Schema models =
        schema(
            task()
                .index(null, false, "title")
                .unique(null, "title", "status")
                .foreignKey(null, "owner_id", "person", "id")
                .check(null, "status <> ''"),
            person());
    Schema database =
        schema(
            task()
                .index("task_title_idx", false, "TITLE")
                .unique("task_title_status_key", "title", "status")
                .foreignKey("task_owner_id_fkey", "owner_id", "PERSON", "id")
                .check("task_status_check", "status <> ''"),
            person());

    assertThat(SchemaDiff.compare(models, database)).isEmpty();
    assertThat(SchemaDiff.compare(database, models)).isEmpty();
  }

  @Test
  void unnamedObjectsWithOtherColumnsAreReported() {
    Schema models =
        schema(
            task().index(null, false, "title").foreignKey(null, "owner_id", "person", "id"),
            person());
    Schema database =
        schema(
            task()
                .index("task_status_idx", false, "status")
                .foreignKey(
                    "task_owner_id_fkey", "owner_id", "person", "id", ReferentialAction.CASCADE),
            person());

    assertThat(describe(models, database))
        .containsExactly(
            "index (unnamed) on task(title) is in the models but not in the database",
            "index task_status_idx on task(status) is in the database but not in the models",
            "foreign key (unnamed) on task(owner_id) -> person(id) is in the models but not in the"
                + " database",
            "foreign key task_owner_id_fkey on task(owner_id) -> person(id) ON DELETE CASCADE is"
                + " in the database but not in the models");
  }

  @Test
  void uniqueConstraints() {
    Schema models = schema(person().unique("uq_person_email", "email"));
    Schema database = schema(person().unique("uq_person_id_email", "id", "email"));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .hasExactlyElementsOfTypes(
            Difference.MissingUniqueConstraint.class, Difference.ExtraUniqueConstraint.class);
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "unique constraint uq_person_email on person(email) is in the models but not in the"
                + " database",
            "unique constraint uq_person_id_email on person(id, email) is in the database but not"
                + " in the models");
  }

  @Test
  void uniqueConstraintKeptAsUniqueIndexIsTheSame() {
    Schema models = schema(person().unique("uq_person_email", "email"));
    Schema database = schema(person().index("uq_person_email", true, "email"));
    Schema unnamed = schema(person().index("sqlite_autoindex_person_1", true, "email"));

    assertThat(SchemaDiff.compare(models, database)).isEmpty();
    assertThat(SchemaDiff.compare(database, models)).isEmpty();
    assertThat(SchemaDiff.compare(schema(person().unique(null, "email")), unnamed)).isEmpty();
    assertThat(describe(models, unnamed))
        .containsExactly(
            "unique index sqlite_autoindex_person_1 on person(email) is in the database but not in"
                + " the models",
            "unique constraint uq_person_email on person(email) is in the models but not in the"
                + " database");
  }

  @Test
  void foreignKeys() {
    Schema models =
        schema(
            task()
                .foreignKey("fk_task_owner", "owner_id", "person", "id", ReferentialAction.CASCADE),
            person());
    Schema database =
        schema(task().foreignKey("fk_task_old", "owner_id", "person", "id"), person());

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences)
        .hasExactlyElementsOfTypes(
            Difference.MissingForeignKey.class, Difference.ExtraForeignKey.class);
    assertThat(differences)
        .extracting(Difference::describe)
        .containsExactly(
            "foreign key fk_task_owner on task(owner_id) -> person(id) ON DELETE CASCADE is in the"
                + " models but not in the database",
            "foreign key fk_task_old on task(owner_id) -> person(id) is in the database but not in"
                + " the models");
  }

  @Test
  void foreignKeyNoActionIsTheDefault() {
    Schema models = schema(task().foreignKey(null, "owner_id", "person", "id"), person());
    Schema database =
        schema(
            task().foreignKey("fk", "owner_id", "person", "id", ReferentialAction.NO_ACTION),
            person());

    assertThat(SchemaDiff.compare(models, database)).isEmpty();
  }

  @Test
  void checkConstraints() {
    Schema models = schema(task().check("ck_title", "length(title) > 0"));
    Schema database =
        schema(
            task()
                .check("ck_status", "status IN ('open', 'done')")
                .check("ck_title", "length(title) > 0"));

    List<Difference> differences = SchemaDiff.compare(models, database);

    assertThat(differences).hasExactlyElementsOfTypes(Difference.ExtraCheckConstraint.class);
    assertThat(differences.get(0).describe())
        .isEqualTo(
            "check constraint ck_status on task (status IN ('open', 'done')) is in the database"
                + " but not in the models");
    assertThat(describe(database, models))
        .containsExactly(
            "check constraint ck_status on task (status IN ('open', 'done')) is in the models but"
                + " not in the database");
  }

  @Test
  void aNamedCheckWhoseExpressionChangedIsReported() {
    Schema models = schema(task().check("ck_title", "length(title) > 0"));
    Schema database = schema(task().check("ck_title", "length(title) > 1"));

    assertThat(describe(models, database))
        .containsExactly(
            "check constraint ck_title on task (length(title) > 0) is in the models but not in"
                + " the database",
            "check constraint ck_title on task (length(title) > 1) is in the database but not in"
                + " the models");
  }

  @Test
  void unnamedChecksCompareTheirTextExactly() {
    Schema models = schema(task().check(null, "a-(b+c)>0"));

    assertThat(describe(models, schema(task().check(null, "a-b+c>0"))))
        .containsExactly(
            "check constraint (unnamed) on task (a-(b+c)>0) is in the models but not in the database",
            "check constraint (unnamed) on task (a-b+c>0) is in the database but not in the models");
    assertThat(describe(models, schema(task().check(null, "a-(b+c)>0")))).isEmpty();
  }

  @Test
  void filtersLeaveOutTablesTheModelsDoNotOwn() {
    Schema models = schema(task());
    Schema database =
        schema(
            task(),
            table("audit_log").id("id"),
            table("AUDIT_users").id("id"),
            table("spatial_ref_sys").id("id"));

    assertThat(
            SchemaDiff.compare(
                models,
                database,
                new SchemaDiff.Options(List.of(), List.of("audit_*", "spatial_ref_sys"))))
        .isEmpty();
    assertThat(
            SchemaDiff.compare(
                    models,
                    database,
                    new SchemaDiff.Options(List.of("task", "audit?log"), List.of()))
                .stream()
                .map(Difference::describe))
        .containsExactly("table audit_log is in the database but not in the models");
    assertThat(SchemaDiff.compare(models, database, SchemaDiff.Options.ALL)).hasSize(3);
  }
}
