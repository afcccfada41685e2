package dev.migrate.engine.model.internal;

import dev.migrate.engine.model.NamingStrategy;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Version;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Boots Hibernate's metadata for the entity classes, without a connection, and exports the create
 * script Hibernate's schema tool writes for the dialect and database version. The only class of
 * migrate that refers to Hibernate; it uses entry points Hibernate 6 and 7 both have.
 */
public final class HibernateAdapter implements HibernateExport {
  @Override
  public String version() {
    return Version.getVersionString();
  }

  @Override
  public Ddl export(Request request) {
    ClassLoader loader = request.classes().get(0).getClassLoader();
    BootstrapServiceRegistry bootstrap =
        new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder(bootstrap).applySettings(settings(request)).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      request.classes().forEach(sources::addAnnotatedClass);
      MetadataBuilder builder = sources.getMetadataBuilder();
      if (request.physical() == NamingStrategy.IDENTITY) {
        builder.applyPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.INSTANCE);
      } else {
        builder.applyPhysicalNamingStrategy(new Physical(request.physical()));
      }
      builder.applyImplicitNamingStrategy(
          request.springImplicit()
              ? new SpringImplicit()
              : ImplicitNamingStrategyJpaCompliantImpl.INSTANCE);
      Metadata metadata = builder.build();
      // as building a session factory for ddl-auto=create does: Hibernate 6.2+ orders the
      // columns of tables and keys (by type size, then name)
      ((MetadataImplementor) metadata).orderColumns(true);
      return new Ddl(script(metadata, registry), foreignKeys(metadata), uniqueKeys(metadata));
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static Map<String, Object> settings(Request request) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.dialect", request.dialect());
    settings.put("jakarta.persistence.database-product-name", request.product());
    settings.put("jakarta.persistence.database-product-version", request.productVersion());
    settings.put(
        "jakarta.persistence.database-major-version", String.valueOf(request.majorVersion()));
    settings.put(
        "jakarta.persistence.database-minor-version", String.valueOf(request.minorVersion()));
    // the dialect and version above stand for the database: Hibernate opens no connection
    settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    return settings;
  }

  private static String script(Metadata metadata, StandardServiceRegistry registry) {
    StringWriter out = new StringWriter();
    Map<String, Object> values =
        new HashMap<>(registry.getService(ConfigurationService.class).getSettings());
    // the script only, whatever hibernate.hbm2ddl.auto the application's properties say
    values.put("jakarta.persistence.schema-generation.database.action", "none");
    values.put("jakarta.persistence.schema-generation.scripts.action", "create");
    values.put("jakarta.persistence.schema-generation.create-source", "metadata");
    values.put("jakarta.persistence.schema-generation.scripts.create-target", out);
    values.put("hibernate.hbm2ddl.delimiter", ";");
    values.put("hibernate.format_sql", "false");
    values.put("hibernate.hbm2ddl.halt_on_error", "true");
    SchemaManagementToolCoordinator.process(metadata, registry, values, action -> {});
    return out.toString();
  }

  private static List<HibernateExport.MappedForeignKey> foreignKeys(Metadata metadata) {
    List<HibernateExport.MappedForeignKey> keys = new ArrayList<>();
    for (Table table : metadata.collectTableMappings()) {
      if (!table.isPhysicalTable()) {
        continue;
      }
      for (ForeignKey key : table.getForeignKeys().values()) {
        if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
          continue;
        }
        List<Column> referenced =
            key.isReferenceToPrimaryKey()
                ? key.getReferencedTable().getPrimaryKey().getColumns()
                : key.getReferencedColumns();
        OnDeleteAction onDelete = key.getOnDeleteAction();
        keys.add(
            new HibernateExport.MappedForeignKey(
                table.getName(),
                key.getName(),
                names(key.getColumns()),
                key.getReferencedTable().getName(),
                names(referenced),
                onDelete == null || onDelete == OnDeleteAction.NO_ACTION
                    ? null
                    : onDelete.name().replace('_', ' ')));
      }
    }
    return keys;
  }

  private static List<HibernateExport.MappedUniqueKey> uniqueKeys(Metadata metadata) {
    List<HibernateExport.MappedUniqueKey> keys = new ArrayList<>();
    for (Table table : metadata.collectTableMappings()) {
      if (table.isPhysicalTable()) {
        for (UniqueKey key : table.getUniqueKeys().values()) {
          keys.add(
              new HibernateExport.MappedUniqueKey(
                  table.getName(), key.getName(), names(key.getColumns())));
        }
      }
    }
    return keys;
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::getName).toList();
  }

  /** Table, column and sequence names through migrate's {@link NamingStrategy}. */
  private static final class Physical implements PhysicalNamingStrategy {
    private final NamingStrategy naming;

    Physical(NamingStrategy naming) {
      this.naming = naming;
    }

    private Identifier apply(Identifier name) {
      return name == null
          ? null
          : new Identifier(naming.physicalName(name.getText()), name.isQuoted());
    }

    @Override
    public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
      return apply(name);
    }

    @Override
    public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
      return apply(name);
    }

    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
      return apply(name);
    }

    @Override
    public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment environment) {
      return apply(name);
    }

    @Override
    public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
      return apply(name);
    }
  }

  /**
   * Spring Boot's implicit naming: JPA's, except that a join table is named after the owning table
   * and the attribute ({@code product_categories}), not after both entities.
   */
  private static final class SpringImplicit extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
      String name =
          source.getOwningPhysicalTableName()
              + "_"
              + source.getAssociationOwningAttributePath().getProperty();
      return toIdentifier(name, source.getBuildingContext());
    }
  }
}
