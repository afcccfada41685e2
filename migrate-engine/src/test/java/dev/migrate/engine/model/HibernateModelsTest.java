package dev.migrate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.ConfigLoader;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.HibernateCreates;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import dev.migrate.engine.testing.WithoutHibernate;
import dev.migrate.engine.verify.ModelsAtHead;
import dev.migrate.engine.verify.Verifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code models=hibernate:} against the schema Hibernate itself creates ({@code ddl-auto=create})
 * on every backend: no difference, then each planted drift reported exactly.
 */
class HibernateModelsTest {
  static final String STORE = "dev.migrate.engine.model.store";

  /**
   * What Hibernate's SQLite dialect leaves out of its own schema and the models take from its
   * metadata: every foreign key, and the unique keys it cannot write inline.
   */
  private static final int SQLITE_FOREIGN_KEYS = 16;

  private static final String SQLITE_ELEMENT_COLLECTION_UNIQUE =
      "unique constraint UK1mimjvycekvui16gqyg02xr4f on customer_phone(customer_id, phone_number)"
          + " is in the models but not in the database";
  private static final String SQLITE_NAMED_UNIQUE =
      "unique constraint uq_product_sku on product(sku) is in the models but not in the database";

  /** Hibernate 7 makes a set's collection table unique over its row; Hibernate 6 does not. */
  private static final List<String> SQLITE_UNIQUES_NOT_WRITTEN =
      org.hibernate.Version.getVersionString().startsWith("6.")
          ? List.of(SQLITE_NAMED_UNIQUE)
          : List.of(SQLITE_ELEMENT_COLLECTION_UNIQUE, SQLITE_NAMED_UNIQUE);

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void modelsMatchTheSchemaHibernateCreates(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      HibernateCreates.schema(kind, db.url(), STORE);

      List<String> differences = differences(kind, db, "hibernate:" + STORE);

      if (kind != DatabaseKind.SQLITE) {
        assertThat(differences).isEmpty();
        return;
      }
      List<String> foreignKeys =
          differences.stream().filter(d -> d.startsWith("foreign key ")).toList();
      assertThat(foreignKeys)
          .hasSize(SQLITE_FOREIGN_KEYS)
          .allMatch(d -> d.endsWith(" is in the models but not in the database"));
      assertThat(differences.stream().filter(d -> !d.startsWith("foreign key ")))
          .containsExactlyElementsOf(SQLITE_UNIQUES_NOT_WRITTEN);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void eachPlantedDriftIsReportedExactly(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      HibernateCreates.schema(kind, db.url(), STORE);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE customer DROP COLUMN created_by");
        switch (kind) {
          case POSTGRESQL -> {
            s.execute("ALTER TABLE product ALTER COLUMN sku TYPE VARCHAR(50)");
            s.execute("DROP INDEX ix_product_name");
            s.execute("ALTER TABLE order_line DROP CONSTRAINT FK7yrmqn07gn80k15tfs34428x6");
            s.execute("ALTER TABLE warehouse ALTER COLUMN name DROP NOT NULL");
            s.execute("DROP SEQUENCE category_seq");
          }
          case MYSQL -> {
            s.execute("ALTER TABLE product MODIFY sku VARCHAR(50) NOT NULL");
            s.execute("DROP INDEX ix_product_name ON product");
            s.execute("ALTER TABLE order_line DROP FOREIGN KEY FK7yrmqn07gn80k15tfs34428x6");
            s.execute("ALTER TABLE warehouse MODIFY name VARCHAR(80) NULL");
            s.execute("DROP SEQUENCE category_seq");
          }
          case SQLITE -> {
            rebuild(s, "product", "sku varchar(40) not null", "sku varchar(50) not null");
            s.execute("DROP INDEX IF EXISTS ix_product_name");
            rebuild(s, "warehouse", "name varchar(80) not null", "name varchar(80)");
          }
        }
      }

      List<String> differences = differences(kind, db, "hibernate:" + STORE);

      String fk =
          kind == DatabaseKind.POSTGRESQL
              ? "fk7yrmqn07gn80k15tfs34428x6"
              : "FK7yrmqn07gn80k15tfs34428x6";
      List<String> expected = new ArrayList<>();
      expected.add("column customer.created_by is in the models but not in the database");
      if (kind == DatabaseKind.MYSQL) {
        // MariaDB keeps the index it made for the foreign key
        expected.add(
            "index " + fk + " on order_line(order_id) is in the database but not in the models");
      }
      if (kind != DatabaseKind.SQLITE) {
        expected.add(
            "foreign key "
                + fk
                + " on order_line(order_id) -> purchase_order(id) ON DELETE CASCADE is in the"
                + " models but not in the database");
      }
      expected.add(
          "column product.sku: type VARCHAR(50) in the database, VARCHAR(40) in the models");
      expected.add(
          "index ix_product_name on product(name) is in the models but not in the database");
      expected.add("column warehouse.name: NULL in the database, NOT NULL in the models");
      if (kind == DatabaseKind.POSTGRESQL) {
        expected.add(
            "sequence category_seq (AS bigint START 1 INCREMENT 10 MINVALUE 1 MAXVALUE"
                + " 9223372036854775807 CACHE 1 NO CYCLE) is in the models but not in the"
                + " database");
      }
      if (kind == DatabaseKind.MYSQL) {
        expected.add(
            "sequence category_seq (START 1 INCREMENT 10 MINVALUE 1 MAXVALUE 9223372036854775806"
                + " CACHE 0 NO CYCLE) is in the models but not in the database");
      }
      List<String> planted =
          kind == DatabaseKind.SQLITE
              ? differences.stream()
                  .filter(d -> !d.startsWith("foreign key "))
                  .filter(d -> !SQLITE_UNIQUES_NOT_WRITTEN.contains(d))
                  .toList()
              : differences;
      assertThat(planted).containsExactlyElementsOf(expected);
    }
  }

  /**
   * Hibernate writes {@code bit} and {@code datetime(6)} on MariaDB; a revision writing BOOLEAN or
   * TIMESTAMP makes other columns, so they are differences (docs/hibernate.md says why).
   */
  @Test
  void mariaDbBooleanAndTimestampInsteadOfBitAndDatetimeAreTypeDifferences() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL)) {
      HibernateCreates.schema(DatabaseKind.MYSQL, db.url(), STORE);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE customer MODIFY active BOOLEAN NOT NULL");
        s.execute("ALTER TABLE customer MODIFY updated_at TIMESTAMP(6) NULL");
      }

      assertThat(differences(DatabaseKind.MYSQL, db, "hibernate:" + STORE))
          .containsExactly(
              "column customer.active: type BOOLEAN in the database, bit(1) in the models",
              "column customer.updated_at: type TIMESTAMP WITH TIME ZONE in the database,"
                  + " TIMESTAMP in the models");
    }
  }

  /** migrate verify and the JUnit checks take the models through ModelsAtHead: the same route. */
  @Test
  void verificationReadsHibernateModelsWithTheirSequences() {
    Verifier.ExpectedModels models =
        ModelsAtHead.of(
            "hibernate:" + STORE, null, getClass().getClassLoader(), TestDatabases::adminUrl);

    StoredChecks checks =
        models.load(DatabaseKind.POSTGRESQL, TestDatabases.sandbox(DatabaseKind.POSTGRESQL));

    assertThat(checks.stored().catalog()).isTrue();
    assertThat(checks.stored().tables()).hasSize(15);
    assertThat(checks.stored().sequences())
        .extracting(Schema.Sequence::name)
        .containsExactly("category_seq", "document_seq", "product_seq");
  }

  @Test
  void jpaIsReadByHibernateWhenHibernateIsOnTheClasspathAndSaysSo() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      LoadedModels jpa = read("jpa:" + STORE, db, getClass().getClassLoader());
      LoadedModels hibernate = read("hibernate:" + STORE, db, getClass().getClassLoader());

      assertThat(jpa.reader())
          .startsWith("Hibernate ORM " + org.hibernate.Version.getVersionString())
          .contains("SQLiteDialect")
          .endsWith("chosen for jpa: because Hibernate ORM is on the classpath");
      assertThat(jpa.schema()).isEqualTo(hibernate.schema());
    }
  }

  @Test
  void withoutHibernateJpaIsReadByReflectionAndHibernateIsAClearError() throws Exception {
    ClassLoader withoutHibernate = new WithoutHibernate(getClass().getClassLoader());
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      LoadedModels jpa = read("jpa:dev.migrate.engine.model.entities", db, withoutHibernate);
      assertThat(jpa.reader()).startsWith("the JPA reflection reader");
      assertThat(jpa.schema().tables()).isNotEmpty();

      assertThatThrownBy(() -> read("hibernate:" + STORE, db, withoutHibernate))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("need Hibernate ORM 6.x or 7.x on the application's classpath")
          .hasMessageContaining("add org.hibernate.orm:hibernate-core");
    }
  }

  @Test
  void packagesAndNamingAreParsed() {
    assertThat(ModelSource.parse("hibernate:com.a.domain, com.b.domain?naming=identity", null))
        .isEqualTo(
            new ModelSource.Spec.Hibernate(
                List.of("com.a.domain", "com.b.domain"), NamingStrategy.IDENTITY));
    assertThat(ModelSource.parse("hibernate:com.a.domain", null))
        .isEqualTo(
            new ModelSource.Spec.Hibernate(List.of("com.a.domain"), NamingStrategy.SNAKE_CASE));
    assertThatThrownBy(() -> ModelSource.parse("hibernate:com.a.domain,", null))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("does not name a Java package");
  }

  private static LoadedModels read(String models, TestDatabase db, ClassLoader loader) {
    return ModelSource.read(
        ModelSource.parse(models, null),
        db.kind(),
        loader,
        db.url(),
        null,
        null,
        c -> new SchemaReader().read(c));
  }

  /** Recreates an SQLite table with one piece of its CREATE TABLE text replaced. */
  private static void rebuild(Statement s, String table, String from, String to) throws Exception {
    String sql;
    try (ResultSet rs =
        s.executeQuery(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
      rs.next();
      sql = rs.getString(1);
    }
    assertThat(sql).contains(from);
    s.execute("ALTER TABLE " + table + " RENAME TO " + table + "_old");
    s.execute(sql.replace(from, to));
    s.execute("INSERT INTO " + table + " SELECT * FROM " + table + "_old");
    s.execute("DROP TABLE " + table + "_old");
  }

  static List<String> differences(DatabaseKind kind, TestDatabase db, String models)
      throws Exception {
    MigrateConfig config =
        ConfigLoader.load(
            Path.of("."),
            null,
            Map.of(),
            Map.of(ConfigKey.MODELS, models, ConfigKey.URL, db.url()));
    LoadedModels loaded =
        ModelSource.read(config, kind, HibernateModelsTest.class.getClassLoader());
    try (Connection c = db.connect()) {
      Schema actual = new SchemaReader().read(c);
      return SchemaDiff.compare(SchemaReader.asStored(kind, loaded.schema()), actual).stream()
          .map(Difference::describe)
          .toList();
    }
  }
}
