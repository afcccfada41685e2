package dev.migrate.engine.diff;

import static dev.migrate.engine.diff.TestTables.schema;
import static dev.migrate.engine.diff.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutogenerateTest {
  private static final Schema EMPTY = new Schema(List.of());

  private static Autogenerate.Result generate(Schema models, Schema database) {
    return Autogenerate.operations(SchemaDiff.compare(models, database));
  }

  private static ColumnDef id() {
    return new ColumnDef("id", ColumnType.INTEGER, false, null, true, true, false);
  }

  private static ColumnDef col(String name, ColumnType type, boolean nullable) {
    return new ColumnDef(name, type, nullable, null, false, false, false);
  }

  private static Constraint.ForeignKey fk(String name, String column, String target) {
    return new Constraint.ForeignKey(name, List.of(column), target, List.of("id"), null, null);
  }

  @Test
  void noDifferencesNoOperations() {
    Autogenerate.Result result = Autogenerate.operations(List.of());
    assertThat(result.isEmpty()).isTrue();
  }

  @Test
  void createsTablesAlongForeignKeyChainsAndDropsThemBackwards() {
    Schema models =
        schema(
            table("a_grandchild")
                .id("id")
                .column("child_id", ColumnType.INTEGER, false)
                .foreignKey("fk_grandchild_child", "child_id", "m_child", "id")
                .index("ix_grandchild_child", false, "child_id"),
            table("m_child")
                .id("id")
                .column("parent_id", ColumnType.INTEGER, true)
                .foreignKey(null, "parent_id", "z_parent", "id", ReferentialAction.CASCADE),
            table("z_parent").id("id").column("name", ColumnType.varchar(50), false, "'x'"));

    Autogenerate.Result result = generate(models, EMPTY);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.CreateTable(
                "z_parent",
                List.of(
                    id(),
                    new ColumnDef(
                        "name", ColumnType.varchar(50), false, "'x'", false, false, false)),
                List.of()),
            new Operation.CreateTable(
                "m_child",
                List.of(id(), col("parent_id", ColumnType.INTEGER, true)),
                List.of(
                    new Constraint.ForeignKey(
                        null,
                        List.of("parent_id"),
                        "z_parent",
                        List.of("id"),
                        ReferentialAction.CASCADE,
                        null))),
            new Operation.CreateTable(
                "a_grandchild",
                List.of(id(), col("child_id", ColumnType.INTEGER, false)),
                List.of(fk("fk_grandchild_child", "child_id", "m_child"))),
            new Operation.CreateIndex(
                "ix_grandchild_child", "a_grandchild", List.of("child_id"), false, false));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.DropTable("a_grandchild"),
            new Operation.DropTable("m_child"),
            new Operation.DropTable("z_parent"));
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void foreignKeyCycleBetweenNewTablesIsAddedAfterTheTables() {
    Schema models =
        schema(
            table("a")
                .id("id")
                .column("b_id", ColumnType.INTEGER, true)
                .foreignKey("fk_a_b", "b_id", "b", "id"),
            table("b")
                .id("id")
                .column("a_id", ColumnType.INTEGER, true)
                .foreignKey("fk_b_a", "a_id", "a", "id"));

    Autogenerate.Result result = generate(models, EMPTY);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.CreateTable(
                "b", List.of(id(), col("a_id", ColumnType.INTEGER, true)), List.of()),
            new Operation.CreateTable(
                "a",
                List.of(id(), col("b_id", ColumnType.INTEGER, true)),
                List.of(fk("fk_a_b", "b_id", "b"))),
            new Operation.CreateForeignKey("b", fk("fk_b_a", "a_id", "a")));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.DropConstraint("fk_b_a", "b", ConstraintKind.FOREIGN_KEY),
            new Operation.DropTable("a"),
            new Operation.DropTable("b"));
  }

  @Test
  void dropsForeignKeysBeforeTheTablesTheyTouchAndRecreatesOnDowngrade() {
    Schema models = schema(table("task").id("id").column("person_id", ColumnType.INTEGER, true));
    Schema database =
        schema(
            table("task")
                .id("id")
                .column("person_id", ColumnType.INTEGER, true)
                .foreignKey("fk_task_person", "person_id", "person", "id"),
            table("person").id("id"),
            table("badge")
                .id("id")
                .column("person_id", ColumnType.INTEGER, false)
                .foreignKey("fk_badge_person", "person_id", "person", "id")
                .index("ix_badge_person", false, "person_id"));

    Autogenerate.Result result = generate(models, database);

    Operation.CreateTable badge =
        new Operation.CreateTable(
            "badge",
            List.of(id(), col("person_id", ColumnType.INTEGER, false)),
            List.of(fk("fk_badge_person", "person_id", "person")));
    assertThat(result.upgrade())
        .containsExactly(
            new Operation.DropConstraint("fk_task_person", "task", ConstraintKind.FOREIGN_KEY),
            new Operation.DropTable("badge"),
            new Operation.DropTable("person"));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.CreateTable("person", List.of(id()), List.of()),
            badge,
            new Operation.CreateIndex(
                "ix_badge_person", "badge", List.of("person_id"), false, false),
            new Operation.CreateForeignKey("task", fk("fk_task_person", "person_id", "person")));
  }

  @Test
  void addsColumnsBeforeTheIndexesAndForeignKeysThatUseThem() {
    Schema models =
        schema(
            table("task")
                .id("id")
                .column("owner_id", ColumnType.INTEGER, true)
                .index(null, false, "owner_id")
                .foreignKey(null, "owner_id", "person", "id")
                .unique(null, "id", "owner_id")
                .check(null, "owner_id > 0"),
            table("person").id("id"));
    Schema database = schema(table("task").id("id"));

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.CreateTable("person", List.of(id()), List.of()),
            new Operation.AddColumn("task", col("owner_id", ColumnType.INTEGER, true)),
            new Operation.CreateUniqueConstraint(
                "uq_task_id_owner_id", "task", List.of("id", "owner_id")),
            new Operation.CreateCheckConstraint("ck_task_1", "task", "owner_id > 0"),
            new Operation.CreateIndex(
                "ix_task_owner_id", "task", List.of("owner_id"), false, false),
            new Operation.CreateForeignKey(
                "task", fk("fk_task_owner_id_person", "owner_id", "person")));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.DropConstraint(
                "fk_task_owner_id_person", "task", ConstraintKind.FOREIGN_KEY),
            new Operation.DropIndex("ix_task_owner_id", "task", false),
            new Operation.DropConstraint("ck_task_1", "task", ConstraintKind.CHECK),
            new Operation.DropConstraint("uq_task_id_owner_id", "task", ConstraintKind.UNIQUE),
            new Operation.DropColumn("task", "owner_id"),
            new Operation.DropTable("person"));
  }

  @Test
  void dropsConstraintsAndIndexesBeforeTheColumnsTheyUse() {
    Schema models = schema(table("task").id("id"), table("person").id("id"));
    Schema database =
        schema(
            table("task")
                .id("id")
                .column("owner_id", ColumnType.INTEGER, true)
                .index("ix_owner", false, "owner_id")
                .unique("uq_owner", "owner_id")
                .check("ck_owner", "owner_id > 0")
                .foreignKey("fk_owner", "owner_id", "person", "id"),
            table("person").id("id"));

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.DropConstraint("fk_owner", "task", ConstraintKind.FOREIGN_KEY),
            new Operation.DropConstraint("uq_owner", "task", ConstraintKind.UNIQUE),
            new Operation.DropConstraint("ck_owner", "task", ConstraintKind.CHECK),
            new Operation.DropIndex("ix_owner", "task", false),
            new Operation.DropColumn("task", "owner_id"));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.AddColumn("task", col("owner_id", ColumnType.INTEGER, true)),
            new Operation.CreateIndex("ix_owner", "task", List.of("owner_id"), false, false),
            new Operation.CreateCheckConstraint("ck_owner", "task", "owner_id > 0"),
            new Operation.CreateUniqueConstraint("uq_owner", "task", List.of("owner_id")),
            new Operation.CreateForeignKey("task", fk("fk_owner", "owner_id", "person")));
  }

  @Test
  void columnChangesBecomeOneAlterColumnEachWayWithTheOtherSideAsExisting() {
    Schema models =
        schema(table("task").id("id").column("title", ColumnType.varchar(200), false, "'x'"));
    Schema database = schema(table("task").id("id").column("title", ColumnType.varchar(100), true));

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.AlterColumn(
                "task",
                "title",
                ColumnType.varchar(200),
                false,
                "'x'",
                false,
                null,
                ColumnType.varchar(100),
                true,
                null,
                null));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.AlterColumn(
                "task",
                "title",
                ColumnType.varchar(100),
                true,
                null,
                true,
                null,
                ColumnType.varchar(200),
                false,
                "'x'",
                null));
  }

  @Test
  void primaryKeyChangeDropsTheOldKeyFirst() {
    Schema models =
        schema(
            table("pair")
                .column("a", ColumnType.INTEGER, false)
                .column("b", ColumnType.INTEGER, false)
                .primaryKey(null, "a", "b"));
    Schema database =
        schema(
            table("pair")
                .column("a", ColumnType.INTEGER, false)
                .column("b", ColumnType.INTEGER, false)
                .primaryKey("pair_pkey", "a"));

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.DropConstraint("pair_pkey", "pair", ConstraintKind.PRIMARY_KEY),
            new Operation.CreatePrimaryKey("pk_pair", "pair", List.of("a", "b")));
    assertThat(result.downgrade())
        .containsExactly(
            new Operation.DropConstraint("pk_pair", "pair", ConstraintKind.PRIMARY_KEY),
            new Operation.CreatePrimaryKey("pair_pkey", "pair", List.of("a")));
  }

  @Test
  void primaryKeyInAnotherOrderThanTheColumnsIsAConstraint() {
    Schema models =
        schema(
            table("pair")
                .column("a", ColumnType.INTEGER, false)
                .column("b", ColumnType.INTEGER, false)
                .primaryKey("pk_pair", "b", "a"));

    assertThat(generate(models, EMPTY).upgrade())
        .containsExactly(
            new Operation.CreateTable(
                "pair",
                List.of(col("a", ColumnType.INTEGER, false), col("b", ColumnType.INTEGER, false)),
                List.of(new Constraint.PrimaryKey(null, List.of("b", "a")))));
  }

  @Test
  void whatCannotBeGeneratedIsANote() {
    Schema models =
        schema(
            table("task").column("id", ColumnType.INTEGER, false).primaryKey(null, "id"),
            table("person").id("id"));
    Schema database =
        schema(
            table("task")
                .id("id")
                .column("owner_id", ColumnType.INTEGER, true)
                .foreignKey(null, "owner_id", "person", "id"),
            table("person").id("id"));

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade()).containsExactly(new Operation.DropColumn("task", "owner_id"));
    assertThat(result.notes())
        .containsExactly(
            "foreign key (unnamed) on task(owner_id) -> person(id) is in the database but not in"
                + " the models; not generated: the database reported no name to drop it by, drop"
                + " it by hand",
            "column task.id: autoincrement in the database, not autoincrement in the models; not"
                + " generated: changing autoincrement needs the table rebuilt, write it by hand");
  }

  /** Two schemas read from a catalog, the models with comments the database lacks. */
  @Test
  void commentsAreNotesNotOperations() {
    Schema.Table plain = table("task").id("id").column("title", ColumnType.TEXT, false).build();
    Schema.Column title = plain.column("title").orElseThrow();
    Schema.Table described =
        plain
            .withColumns(
                List.of(
                    plain.column("id").orElseThrow(),
                    new Schema.Column(
                        "title",
                        title.type(),
                        title.nullable(),
                        null,
                        false,
                        null,
                        null,
                        "what it is")))
            .withComment("work to do");
    Schema models = new Schema(List.of(described), List.of(), List.of(), List.of(), true);
    Schema database = new Schema(List.of(plain), List.of(), List.of(), List.of(), true);

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade()).isEmpty();
    assertThat(result.notes())
        .containsExactlyInAnyOrder(
            "table task: no comment in the database, comment 'work to do' in the models"
                + Autogenerate.NOT_RENDERED,
            "column task.title: no comment in the database, comment 'what it is' in the models"
                + Autogenerate.NOT_RENDERED);
  }

  @Test
  void renameHintIsANote() {
    Schema models = schema(table("tasks").id("id"));
    Schema database = schema(table("task").id("id"));

    Autogenerate.Result result = generate(models, database);

    assertThat(result.upgrade())
        .containsExactly(
            new Operation.CreateTable("tasks", List.of(id()), List.of()),
            new Operation.DropTable("task"));
    assertThat(result.notes())
        .singleElement()
        .asString()
        .startsWith("table tasks is in the models");
  }

  @Test
  void possibleColumnRenameIsACommentOnItsAddAndDrop() {
    Schema models = schema(table("task").id("id").column("heading", ColumnType.TEXT, false));
    Schema database = schema(table("task").id("id").column("title", ColumnType.TEXT, false));
    List<Difference> differences = SchemaDiff.compare(models, database);

    Autogenerate.Result result = Autogenerate.operations(differences);

    Operation addHeading = new Operation.AddColumn("task", col("heading", ColumnType.TEXT, false));
    Operation dropTitle = new Operation.DropColumn("task", "title");
    Operation dropHeading = new Operation.DropColumn("task", "heading");
    Operation addTitle = new Operation.AddColumn("task", col("title", ColumnType.TEXT, false));
    assertThat(result.upgrade()).containsExactly(addHeading, dropTitle);
    assertThat(result.downgrade()).containsExactly(addTitle, dropHeading);
    assertThat(result.notes()).isEmpty();
    assertThat(result.comments())
        .containsOnly(
            entry(addHeading, differences.get(0).describe()),
            entry(dropHeading, differences.get(0).describe()),
            entry(dropTitle, differences.get(1).describe()),
            entry(addTitle, differences.get(1).describe()));
  }

  @Test
  void generatedNamesFitPostgres() {
    String name =
        Autogenerate.name(
            "ix", "a_rather_long_table_name_for_tests", List.of("first_column", "second_column"));
    assertThat(name).hasSize(63).startsWith("ix_a_rather_long_table_name_for_tests_first_column_");
  }
}
