package dev.migrate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.ConfigLoader;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.entities.Person;
import dev.migrate.engine.model.entities.Tag;
import dev.migrate.engine.model.entities.TaskDetail;
import dev.migrate.engine.model.entities.TaskItem;
import dev.migrate.engine.model.fixtures.AppModels;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.testing.WithoutHibernate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourceTest {
  @TempDir Path dir;

  private final ClassLoader loader = getClass().getClassLoader();

  private MigrateConfig config(String models) {
    return ConfigLoader.load(
        dir, null, Map.of(), models == null ? Map.of() : Map.of(ConfigKey.MODELS, models));
  }

  private static void assertBadInput(Runnable action, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(MigrateException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void modelsKeyInThePropertiesFileResolvesAFileAgainstItsDirectory() throws IOException {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("migrate.properties"), "models=db/models.sql\n");

    MigrateConfig config =
        ConfigLoader.load(dir, Path.of("conf/migrate.properties"), Map.of(), Map.of());

    assertThat(config.models()).isEqualTo(conf.resolve("db/models.sql").toString());
  }

  @Test
  void jpaAndDslValuesAreKeptAsGivenAndTheOptionWins() throws IOException {
    Files.writeString(dir.resolve("migrate.properties"), "models=jpa:com.example.domain\n");

    assertThat(ConfigLoader.load(dir, null, Map.of(), Map.of()).models())
        .isEqualTo("jpa:com.example.domain");
    assertThat(
            ConfigLoader.load(dir, null, Map.of("MIGRATE_MODELS", "dsl:com.example.App"), Map.of())
                .models())
        .isEqualTo("dsl:com.example.App");
    assertThat(
            ConfigLoader.load(
                    dir,
                    null,
                    Map.of("MIGRATE_MODELS", "dsl:com.example.App"),
                    Map.of(ConfigKey.MODELS, "models.sql"))
                .models())
        .isEqualTo(dir.resolve("models.sql").toString());
    Files.delete(dir.resolve("migrate.properties"));
    assertThat(config(null).models()).isNull();
  }

  @Test
  void modelsKeyHasItsThreeSpellings() {
    assertThat(ConfigKey.fromProperty("models")).contains(ConfigKey.MODELS);
    assertThat(ConfigKey.MODELS.howToSet("migrate.properties"))
        .isEqualTo("--models, 'models' in migrate.properties or MIGRATE_MODELS");
  }

  @Test
  void parsesEachKindOfValue() throws IOException {
    Path file = Files.writeString(dir.resolve("models.sql"), "CREATE TABLE a (id INT);");

    assertThat(ModelSource.parse(file.toString(), "migrate.properties"))
        .isEqualTo(new ModelSource.Spec.SqlFile(file));
    assertThat(ModelSource.parse("jpa:com.example.domain", "f"))
        .isEqualTo(new ModelSource.Spec.Jpa("com.example.domain", NamingStrategy.SNAKE_CASE));
    assertThat(ModelSource.parse("jpa:com.example.domain?naming=identity", "f"))
        .isEqualTo(new ModelSource.Spec.Jpa("com.example.domain", NamingStrategy.IDENTITY));
    assertThat(ModelSource.parse("dsl:com.example.AppModels", "f"))
        .isEqualTo(new ModelSource.Spec.Dsl("com.example.AppModels"));
  }

  @Test
  void badValuesSayHowToFixThem() {
    String howToSet = "--models, 'models' in migrate.properties or MIGRATE_MODELS";
    assertBadInput(
        () -> ModelSource.parse(null, "migrate.properties"),
        "No models configured; set "
            + howToSet
            + " to a .sql file, jpa:<package>, hibernate:<package>[,<package>...] or"
            + " dsl:<fully.qualified.Class>");
    assertBadInput(
        () -> ModelSource.parse("models.txt", "migrate.properties"),
        "Models 'models.txt' is not a .sql file, jpa:<package>, hibernate:<package>[,<package>...]"
            + " or dsl:<fully.qualified.Class>; fix "
            + howToSet);
    Path missing = dir.resolve("missing.sql");
    assertBadInput(
        () -> ModelSource.parse(missing.toString(), "migrate.properties"),
        "Models file " + missing + " does not exist; create it or fix " + howToSet);
    assertBadInput(
        () -> ModelSource.parse("jpa:com..example", "f"),
        "Models 'jpa:com..example' does not name a Java package; e.g. jpa:com.example.domain");
    assertBadInput(
        () -> ModelSource.parse("dsl:", "f"),
        "Models 'dsl:' does not name a Java class; e.g. dsl:com.example.AppModels");
    assertBadInput(
        () -> ModelSource.parse("jpa:com.example?naming=kebab", "f"),
        "Unknown option 'naming=kebab' in models 'jpa:com.example?naming=kebab'; expected"
            + " naming=snake_case or naming=identity");
  }

  @Test
  void dslProviderIsAskedForTheDatabase() {
    MigrateConfig config = config("dsl:" + AppModels.class.getName());

    Schema sqlite = ModelSource.load(config, DatabaseKind.SQLITE, loader);
    Schema postgres = ModelSource.load(config, DatabaseKind.POSTGRESQL, loader);

    assertThat(sqlite).isEqualTo(new AppModels().models(DatabaseKind.SQLITE));
    assertThat(sqlite.table("task").orElseThrow().column("payload").orElseThrow().type())
        .isEqualTo(ColumnType.TEXT);
    assertThat(postgres.table("task").orElseThrow().column("payload").orElseThrow().type())
        .isEqualTo(ColumnType.JSON);
  }

  @Test
  void dslClassErrorsNameTheClass() {
    String fixtures = "dev.migrate.engine.model.fixtures.";
    assertBadInput(
        () ->
            ModelSource.load(
                config("dsl:" + fixtures + "BrokenModels"), DatabaseKind.SQLITE, loader),
        "Models class " + fixtures + "BrokenModels: column task.id is declared twice");
    assertBadInput(
        () ->
            ModelSource.load(
                config("dsl:" + fixtures + "NotAProvider"), DatabaseKind.SQLITE, loader),
        "Models class "
            + fixtures
            + "NotAProvider does not implement dev.migrate.engine.model.ModelsProvider; add"
            + " 'implements ModelsProvider'");
    assertThatThrownBy(
            () ->
                ModelSource.load(
                    config("dsl:" + fixtures + "Missing"), DatabaseKind.SQLITE, loader))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Models class " + fixtures + "Missing cannot be loaded (")
        .hasMessageEndingWith("); check the name and the classpath");
  }

  /**
   * Without Hibernate on the classpath, jpa: is the reflection reader (else see HibernateModels).
   */
  @Test
  void jpaPackageIsScannedWithTheChosenNaming() {
    ClassLoader withoutHibernate = new WithoutHibernate(loader);
    LoadedModels snake =
        ModelSource.read(
            config("jpa:dev.migrate.engine.model.entities"), DatabaseKind.MYSQL, withoutHibernate);
    LoadedModels identity =
        ModelSource.read(
            config("jpa:dev.migrate.engine.model.entities?naming=identity"),
            DatabaseKind.MYSQL,
            withoutHibernate);

    List<Class<?>> entities = List.of(Person.class, TaskItem.class, TaskDetail.class, Tag.class);
    LoadedModels expected = JpaModels.read(entities, NamingStrategy.SNAKE_CASE);
    assertThat(snake.schema()).isEqualTo(expected.schema());
    assertThat(snake.warnings()).isEqualTo(expected.warnings());
    assertThat(identity.schema())
        .isEqualTo(JpaModels.read(entities, NamingStrategy.IDENTITY).schema());
    assertThat(snake.warnings()).hasSize(2);
  }

  @Test
  void sqlFileIsAppliedToAScratchDatabase() throws IOException {
    Files.writeString(
        dir.resolve("models.sql"), "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);");

    LoadedModels models =
        ModelSource.read(
            config("models.sql"), DatabaseKind.SQLITE, loader, SqlModelsTest::tablesOf);

    assertThat(models.schema().tables()).extracting(Schema.Table::name).containsExactly("a", "b");
    assertThat(models.warnings()).isEmpty();
  }
}
