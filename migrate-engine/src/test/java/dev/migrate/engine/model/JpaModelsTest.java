package dev.migrate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.model.entities.Person;
import dev.migrate.engine.model.entities.Tag;
import dev.migrate.engine.model.entities.TaskDetail;
import dev.migrate.engine.model.entities.TaskItem;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SecondaryTable;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpaModelsTest {
  private static final List<Class<?>> ENTITIES =
      List.of(Person.class, TaskItem.class, TaskDetail.class, Tag.class);

  private static Schema.Column column(String name, ColumnType type, boolean nullable) {
    return new Schema.Column(name, type, nullable, null, false);
  }

  private static Schema.Table table(LoadedModels models, String name) {
    return models.schema().table(name).orElseThrow(() -> new AssertionError("no table " + name));
  }

  @Test
  void personHasMappedSuperclassFieldsEmbeddedColumnsAndTableUniqueConstraint() {
    LoadedModels models = JpaModels.read(ENTITIES, NamingStrategy.SNAKE_CASE);

    assertThat(table(models, "people"))
        .isEqualTo(
            new Schema.Table(
                "people",
                List.of(
                    column("created_at", ColumnType.TIMESTAMP_TZ, true),
                    column("version", ColumnType.INTEGER, false),
                    new Schema.Column("id", ColumnType.BIGINT, false, null, true),
                    column("full_name", ColumnType.varchar(100), false),
                    column("email", ColumnType.varchar(255), true),
                    column("street", ColumnType.varchar(255), true),
                    column("post_code", ColumnType.varchar(10), false),
                    column("floor", ColumnType.INTEGER, false),
                    column("active", ColumnType.BOOLEAN, false)),
                new Schema.PrimaryKey(null, List.of("id")),
                List.of(),
                List.of(new Schema.UniqueConstraint("uq_people_email", List.of("email"))),
                List.of(),
                List.of()));
  }

  @Test
  void taskItemMapsEveryBasicTypeRelationIndexAndConstraint() {
    LoadedModels models = JpaModels.read(ENTITIES, NamingStrategy.SNAKE_CASE);

    Schema.Table task = table(models, "task_item");
    assertThat(task.name()).isEqualTo("task_item");
    assertThat(task.columns())
        .containsExactly(
            column("created_at", ColumnType.TIMESTAMP_TZ, true),
            column("version", ColumnType.INTEGER, false),
            new Schema.Column("id", ColumnType.BIGINT, false, null, true),
            column("title", ColumnType.varchar(255), false),
            column("summary", ColumnType.varchar(255), false),
            column("due_date", ColumnType.DATE, true),
            column("due_time", ColumnType.TIME, true),
            column("remind_at", ColumnType.timestamp(3), true),
            column("completed_at", ColumnType.TIMESTAMP_TZ, true),
            column("legacy_day", ColumnType.DATE, true),
            column("estimate", ColumnType.decimal(10, 3), true),
            column("cost", ColumnType.decimal(38, 2), true),
            column("status", ColumnType.varchar(255), true),
            column("previous_status", ColumnType.INTEGER, true),
            column("default_status", ColumnType.INTEGER, true),
            column("notes", ColumnType.TEXT, true),
            column("attachment", ColumnType.BLOB, true),
            column("thumbnail", ColumnType.BLOB, true),
            column("external_id", ColumnType.UUID, true),
            column("code", ColumnType.varchar(20), true),
            column("payload", ColumnType.custom("jsonb"), true),
            column("position", ColumnType.INTEGER, false),
            column("weight", ColumnType.INTEGER, true),
            column("urgent", ColumnType.BOOLEAN, true),
            column("score", ColumnType.DOUBLE, false),
            column("ratio", ColumnType.REAL, false),
            column("rank", ColumnType.SMALLINT, false),
            column("grade", ColumnType.fixedChar(1), false),
            column("owner_id", ColumnType.BIGINT, false),
            column("reviewer_id", ColumnType.BIGINT, true),
            column("detail_ref", ColumnType.UUID, true));
    assertThat(task.primaryKey()).isEqualTo(new Schema.PrimaryKey(null, List.of("id")));
    assertThat(task.indexes())
        .containsExactly(
            new Schema.Index("ix_task_item_due", List.of("due_date"), false),
            new Schema.Index("ux_task_item_owner_title", List.of("owner_id", "title"), true),
            new Schema.Index(null, List.of("status"), false));
    assertThat(task.uniqueConstraints())
        .containsExactly(
            new Schema.UniqueConstraint(null, List.of("code")),
            new Schema.UniqueConstraint(null, List.of("detail_ref")));
    assertThat(task.foreignKeys())
        .containsExactly(
            new Schema.ForeignKey(
                "fk_task_owner", List.of("owner_id"), "people", List.of("id"), null, null),
            new Schema.ForeignKey(
                null, List.of("reviewer_id"), "people", List.of("id"), null, null),
            new Schema.ForeignKey(
                null, List.of("detail_ref"), "detail", List.of("id"), null, null));
    assertThat(task.checks()).isEmpty();
  }

  @Test
  void entityNameInverseSidesAndNonIdentityGenerators() {
    LoadedModels models = JpaModels.read(ENTITIES, NamingStrategy.SNAKE_CASE);

    assertThat(table(models, "detail").columns())
        .containsExactly(
            column("id", ColumnType.UUID, false), column("body", ColumnType.varchar(255), true));
    Schema.Table tag = table(models, "tag");
    assertThat(tag.columns())
        .containsExactly(
            column("id", ColumnType.INTEGER, false), column("task_id", ColumnType.BIGINT, true));
    assertThat(tag.foreignKeys())
        .containsExactly(
            new Schema.ForeignKey(
                null, List.of("task_id"), "task_item", List.of("id"), null, null));
    assertThat(models.schema().tables())
        .extracting(Schema.Table::name)
        .containsExactly("detail", "people", "tag", "task_item");
  }

  @Test
  void skippedCollectionsAreWarnings() {
    LoadedModels models = JpaModels.read(ENTITIES, NamingStrategy.SNAKE_CASE);

    assertThat(models.warnings())
        .containsExactly(
            Tag.class.getName()
                + ", field followers: @ManyToMany without mappedBy is skipped; its join table or"
                + " join column is not in the models",
            Tag.class.getName()
                + ", field aliases: @ElementCollection is skipped; its collection table is not"
                + " modelled");
  }

  @Test
  void identityNamingKeepsNamesAsWritten() {
    LoadedModels models = JpaModels.read(ENTITIES, NamingStrategy.IDENTITY);

    Schema.Table task = table(models, "TaskItem");
    assertThat(task.name()).isEqualTo("TaskItem");
    assertThat(task.column("dueDate")).map(Schema.Column::name).contains("dueDate");
    assertThat(task.column("reviewer_id")).isPresent();
    assertThat(task.indexes().get(0).columns()).containsExactly("dueDate");
    assertThat(table(models, "people").column("postCode")).isPresent();
    assertThat(table(models, "Detail").name()).isEqualTo("Detail");
    assertThat(table(models, "Tag").column("task_id")).isPresent();
  }

  @Test
  void snakeCaseFollowsSpringRules() {
    NamingStrategy snake = NamingStrategy.SNAKE_CASE;
    assertThat(snake.physicalName("dueDate")).isEqualTo("due_date");
    assertThat(snake.physicalName("TaskItem")).isEqualTo("task_item");
    assertThat(snake.physicalName("URLValue")).isEqualTo("urlvalue");
    assertThat(snake.physicalName("addressLine1")).isEqualTo("address_line1");
    assertThat(snake.physicalName("home.street")).isEqualTo("home_street");
    assertThat(snake.physicalName("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void packageScanFindsTheEntities() {
    LoadedModels models =
        JpaModels.read(
            "dev.migrate.engine.model.entities",
            getClass().getClassLoader(),
            NamingStrategy.SNAKE_CASE);

    assertThat(models.schema())
        .isEqualTo(JpaModels.read(ENTITIES, NamingStrategy.SNAKE_CASE).schema());
  }

  @Test
  void packageScanOfAMissingPackageSaysSo() {
    assertThatThrownBy(
            () ->
                JpaModels.read(
                    "com.example.nothing", getClass().getClassLoader(), NamingStrategy.SNAKE_CASE))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "Package 'com.example.nothing' is not on the classpath (looking for JPA entities);"
                + " check the package name and the classpath");
  }

  // Entities the reader rejects, each with the message it gives.

  @Entity
  @Inheritance
  static class WithInheritance {
    @Id Long id;
  }

  @Entity
  static class Child extends Person {}

  @Entity
  @SecondaryTable(name = "extra")
  static class WithSecondaryTable {
    @Id Long id;
  }

  @Entity
  static class WithColumnDefinitions {
    @Id Long id;

    @jakarta.persistence.Column(columnDefinition = "BOOLEAN DEFAULT FALSE")
    boolean done;

    @jakarta.persistence.Column(columnDefinition = "varchar(20) not null default 'a b'")
    String code;

    @jakarta.persistence.Column(columnDefinition = "numeric(10, 2) DEFAULT NULL")
    java.math.BigDecimal price;

    @jakarta.persistence.Column(columnDefinition = "jsonb")
    String data;
  }

  @Entity
  static class WithBadColumnDefinition {
    @Id Long id;

    @jakarta.persistence.Column(columnDefinition = "INTEGER NOT NULL UNIQUE")
    Integer rank;
  }

  @Entity
  @org.hibernate.annotations.Check(constraints = "rank > 0")
  static class WithHibernateAnnotations {
    @Id Long id;

    @org.hibernate.annotations.ColumnDefault("1")
    Integer rank;

    String plain;
  }

  @Test
  void hibernateOwnAnnotationsAreNamedInWarningsAsIgnored() {
    LoadedModels models =
        JpaModels.read(List.of(WithHibernateAnnotations.class), NamingStrategy.SNAKE_CASE);

    String name = WithHibernateAnnotations.class.getName();
    assertThat(models.warnings())
        .containsExactly(
            name
                + ": @Check is Hibernate's own and is ignored by the JPA reflection reader; read"
                + " the models with Hibernate ORM 6 or 7 (models=hibernate:<package>) to have it"
                + " count",
            name
                + ", field rank: @ColumnDefault is Hibernate's own and is ignored by the JPA"
                + " reflection reader; read the models with Hibernate ORM 6 or 7"
                + " (models=hibernate:<package>) to have it count");
    assertThat(
            table(models, "with_hibernate_annotations").column("rank").orElseThrow().defaultValue())
        .isNull();
  }

  @Test
  void columnDefinitionSplitsTypeDefaultAndNotNull() {
    Schema.Table table =
        table(
            JpaModels.read(List.of(WithColumnDefinitions.class), NamingStrategy.SNAKE_CASE),
            "with_column_definitions");

    assertThat(table.column("done").orElseThrow())
        .isEqualTo(new Schema.Column("done", ColumnType.custom("BOOLEAN"), false, "FALSE", false));
    assertThat(table.column("code").orElseThrow())
        .isEqualTo(
            new Schema.Column("code", ColumnType.custom("varchar(20)"), false, "'a b'", false));
    assertThat(table.column("price").orElseThrow())
        .isEqualTo(
            new Schema.Column("price", ColumnType.custom("numeric(10, 2)"), true, null, false));
    assertThat(table.column("data").orElseThrow())
        .isEqualTo(new Schema.Column("data", ColumnType.custom("jsonb"), true, null, false));
    assertThatThrownBy(
            () -> JpaModels.read(List.of(WithBadColumnDefinition.class), NamingStrategy.SNAKE_CASE))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(
            "field rank: @Column(columnDefinition = \"INTEGER NOT NULL UNIQUE\") has 'UNIQUE'"
                + " after NOT NULL");
  }

  @Entity
  static class WithConvert {
    @Id Long id;

    @Convert String secret;
  }

  @Entity
  static class WithTooFineSeconds {
    @Id Long id;

    @jakarta.persistence.Column(secondPrecision = 9)
    java.time.Instant at;
  }

  @Entity
  static class WithUnknownType {
    @Id Long id;

    URI homepage;
  }

  @Entity
  static class WithGetterId {
    Long id;

    @Id
    Long getId() {
      return id;
    }
  }

  @Entity
  static class WithoutId {
    String name;
  }

  @Entity
  static class RefersToUnknown {
    @Id Long id;

    @ManyToOne WithoutId other;
  }

  @Entity
  static class RefersToOtherColumn {
    @Id Long id;

    @ManyToOne
    @JoinColumn(referencedColumnName = "email")
    Person person;
  }

  @Entity
  static class DuplicateColumn {
    @Id Long id;

    String name;

    @jakarta.persistence.Column(name = "name")
    String other;
  }

  static class NotAnEntity {}

  private static void assertRejected(Class<?> type, String message) {
    assertThatThrownBy(() -> JpaModels.read(List.of(type, Person.class), NamingStrategy.SNAKE_CASE))
        .isInstanceOf(MigrateException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void unsupportedMappingsFailNamingClassAndField() {
    String prefix = "JPA entity " + JpaModelsTest.class.getName() + "$";
    assertRejected(
        WithInheritance.class,
        prefix
            + "WithInheritance uses @Inheritance; entity inheritance is not supported by the"
            + " models");
    assertRejected(
        Child.class,
        prefix
            + "Child extends the entity "
            + Person.class.getName()
            + "; entity inheritance is not supported by the models (a @MappedSuperclass is)");
    assertRejected(
        WithTooFineSeconds.class,
        prefix + "WithTooFineSeconds, field at: @Column(secondPrecision = 9) must be 0 to 6");
    assertRejected(
        WithSecondaryTable.class,
        prefix + "WithSecondaryTable uses @SecondaryTable, which the models do not support");
    assertRejected(
        WithConvert.class,
        prefix
            + "WithConvert, field secret: @Convert hides the database type; give"
            + " @Column(columnDefinition = \"...\") or mark it @Transient");
    assertRejected(
        WithUnknownType.class,
        prefix
            + "WithUnknownType, field homepage: no default column type for java.net.URI; give"
            + " @Column(columnDefinition = \"...\") or mark it @Transient");
    assertRejected(
        WithGetterId.class,
        prefix
            + "WithGetterId puts @Id on a getter; property access is not supported, annotate the"
            + " fields");
    assertRejected(
        WithoutId.class, prefix + "WithoutId has no @Id field; the models need exactly one");
    assertRejected(
        RefersToOtherColumn.class,
        prefix
            + "RefersToOtherColumn, field person: @JoinColumn references column email; the models"
            + " support references to the target's id only");
    assertRejected(
        DuplicateColumn.class,
        prefix
            + "DuplicateColumn maps column name of table duplicate_column twice (fields name and"
            + " other); rename one with @Column(name = ...)");
    assertRejected(
        NotAnEntity.class,
        prefix + "NotAnEntity is not annotated @Entity; list only entity classes");
  }

  @Test
  void relationToAClassOutsideTheEntitiesFails() {
    assertThatThrownBy(
            () -> JpaModels.read(List.of(RefersToUnknown.class), NamingStrategy.SNAKE_CASE))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "JPA entity "
                + RefersToUnknown.class.getName()
                + ", field other refers to "
                + WithoutId.class.getName()
                + ", which is not among the entities read; add it to the models");
  }
}
