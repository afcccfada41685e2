package dev.migrate.engine.model.internal;

import dev.migrate.engine.model.NamingStrategy;
import java.util.List;

/**
 * What migrate asks of Hibernate, in types both sides know: the create DDL Hibernate exports for
 * some entity classes and a dialect. Implemented by {@link HibernateAdapter}.
 */
public interface HibernateExport {
  /** Hibernate's version, e.g. {@code 7.4.16.Final}. */
  String version();

  Ddl export(Request request);

  /**
   * @param classes the entity, embeddable, mapped superclass and converter classes
   * @param dialect the dialect's class name
   * @param product the database product as JPA names it ("PostgreSQL", "MariaDB", "MySQL",
   *     "SQLite") and its version, from our own connection
   * @param physical the physical naming: table, column and sequence names as in the database
   * @param springImplicit Spring Boot's implicit naming (join tables named after the owning table
   *     and the attribute) instead of JPA's
   */
  record Request(
      List<Class<?>> classes,
      String dialect,
      String product,
      String productVersion,
      int majorVersion,
      int minorVersion,
      NamingStrategy physical,
      boolean springImplicit) {
    public Request {
      classes = List.copyOf(classes);
    }
  }

  /**
   * @param script the create script, statements ending with {@code ;}
   * @param foreignKeys the foreign keys of the mapping, whether or not the dialect writes them
   * @param uniqueKeys the unique keys of the mapping (named), whether or not the dialect writes
   *     them
   */
  record Ddl(String script, List<MappedForeignKey> foreignKeys, List<MappedUniqueKey> uniqueKeys) {
    public Ddl {
      foreignKeys = List.copyOf(foreignKeys);
      uniqueKeys = List.copyOf(uniqueKeys);
    }
  }

  /**
   * @param onDelete {@code CASCADE}, {@code SET NULL}, ... or null for none
   */
  record MappedForeignKey(
      String table,
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      String onDelete) {}

  record MappedUniqueKey(String table, String name, List<String> columns) {}
}
