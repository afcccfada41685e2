package dev.migrate.engine.testing;

import dev.migrate.engine.ClassScan;
import dev.migrate.engine.dialect.DatabaseKind;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate itself creates the schema of a package's entities in a database, as a Spring Boot
 * application with {@code ddl-auto=create} does: Hibernate's snake-case physical naming (Spring
 * Boot 4's default) and Spring Boot's implicit naming, against the live connection.
 */
public final class HibernateCreates {
  private HibernateCreates() {}

  public static void schema(DatabaseKind kind, String url, String packageName) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySettings(
                Map.of(
                    "jakarta.persistence.jdbc.url",
                    url,
                    "hibernate.hbm2ddl.auto",
                    "create",
                    "hibernate.dialect",
                    dialect(kind),
                    // SQLite: the HT_/HTE_ tables of bulk mutations are Hibernate's working tables,
                    // made when the application starts, not part of its schema
                    "hibernate.query.mutation_strategy.persistent.create_tables",
                    "false",
                    "hibernate.query.mutation_strategy.global_temporary.create_tables",
                    "false"))
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      ClassScan.classes(packageName, HibernateCreates.class.getClassLoader(), "entities")
          .forEach(sources::addAnnotatedClass);
      try (SessionFactory ignored =
          sources
              .getMetadataBuilder()
              .applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
              .applyImplicitNamingStrategy(new SpringBootImplicitNaming())
              .build()
              .buildSessionFactory()) {
        // building the session factory ran the create
      }
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static String dialect(DatabaseKind kind) {
    return switch (kind) {
      case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
      case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
      case MYSQL -> "org.hibernate.dialect.MariaDBDialect";
    };
  }

  /**
   * As Spring Boot documents its SpringImplicitNamingStrategy: {@code <owning table>_<attribute>}.
   */
  private static final class SpringBootImplicitNaming
      extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
      return toIdentifier(
          source.getOwningPhysicalTableName()
              + "_"
              + source.getAssociationOwningAttributePath().getProperty(),
          source.getBuildingContext());
    }
  }
}
