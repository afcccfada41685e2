package dev.migrate.engine.model;

import dev.migrate.engine.ClassScan;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.internal.HibernateExport;
import dev.migrate.engine.revision.source.SqlSplitter;
import dev.migrate.engine.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Models from Hibernate's own metadata ({@code models=hibernate:<package>[,<package>...]}): the
 * application's Hibernate maps the entity classes of those packages, exports the create DDL for the
 * backend's dialect and the server's real version, and that DDL is applied to a throwaway database
 * and read back as a SQL models file is ({@link SqlModels}).
 *
 * <p>Hibernate comes from the application's class loader, never from migrate: the one class that
 * refers to it ({@link dev.migrate.engine.model.internal.HibernateAdapter}) is defined next to the
 * application's classes, and only when Hibernate is among them.
 */
final class HibernateModels {
  private static final String ADAPTER = "dev.migrate.engine.model.internal.HibernateAdapter";
  private static final String METADATA_SOURCES = "org/hibernate/boot/MetadataSources.class";
  // Hibernate 6 and later; Hibernate 5 (javax.persistence) has MetadataSources but not this
  private static final String HIBERNATE_6 = "org/hibernate/dialect/DatabaseVersion.class";
  private static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";
  private static final Set<String> MAPPED =
      Set.of(
          "jakarta.persistence.Entity",
          "jakarta.persistence.Embeddable",
          "jakarta.persistence.MappedSuperclass",
          "jakarta.persistence.Converter");

  private HibernateModels() {}

  /** Whether Hibernate ORM 6 or later is on {@code loader}'s classpath. */
  static boolean present(ClassLoader loader) {
    return loader.getResource(METADATA_SOURCES) != null && loader.getResource(HIBERNATE_6) != null;
  }

  /**
   * The models of the entities in {@code packages}, read back from a throwaway database of {@code
   * kind} on the server of {@code url} (SQLite needs none) with {@code reader}.
   */
  static LoadedModels load(
      List<String> packages,
      NamingStrategy naming,
      DatabaseKind kind,
      ClassLoader loader,
      String url,
      String user,
      String password,
      Function<Connection, Schema> reader) {
    HibernateExport hibernate = adapter(loader);
    String version = hibernate.version();
    if (!version.startsWith("6.") && !version.startsWith("7.")) {
      throw MigrateException.badInput(
          "Hibernate models need Hibernate ORM 6.x or 7.x; the classpath has "
              + version
              + ". Use an org.hibernate.orm:hibernate-core of 6.x or 7.x");
    }
    List<Class<?>> classes = mappedClasses(packages, loader);
    NamingStrategy physical =
        naming == NamingStrategy.SNAKE_CASE && version.startsWith("6.")
            ? NamingStrategy.SNAKE_CASE_HIBERNATE_6
            : naming;
    String source = "Hibernate's DDL of " + String.join(", ", packages);
    return SqlModels.inScratch(
        "Hibernate models",
        source,
        kind,
        url,
        user,
        password,
        connection -> {
          HibernateExport.Request request = request(classes, kind, physical, connection, loader);
          HibernateExport.Ddl ddl = export(hibernate, request, packages);
          List<String> statements = SqlSplitter.split(ddl.script(), kind);
          String readBy =
              "Hibernate ORM "
                  + version
                  + "'s own metadata ("
                  + request.dialect().substring(request.dialect().lastIndexOf('.') + 1)
                  + " for "
                  + request.product()
                  + " "
                  + request.productVersion()
                  + ")";
          Schema schema = SqlModels.apply(source, statements, connection, reader);
          if (kind == DatabaseKind.SQLITE) {
            schema = SqliteConstraints.withMapped(schema, ddl);
          }
          return new LoadedModels(schema, List.of(), readBy);
        });
  }

  private static HibernateExport.Ddl export(
      HibernateExport hibernate, HibernateExport.Request request, List<String> packages) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(request.classes().get(0).getClassLoader());
    try {
      return hibernate.export(request);
    } catch (RuntimeException e) {
      throw MigrateException.badInput(
          "Hibernate cannot map the entities of "
              + String.join(", ", packages)
              + ": "
              + rootMessage(e)
              + "; fix the mapping (Hibernate says the same when the application starts)");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static String rootMessage(Throwable e) {
    String message = e.toString();
    for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
      message = message + " (caused by " + cause + ")";
      e = cause;
    }
    return message;
  }

  private static List<Class<?>> mappedClasses(List<String> packages, ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : packages) {
      List<Class<?>> found =
          ClassScan.classes(name, loader, "Hibernate entities").stream()
              .filter(HibernateModels::mapped)
              .toList();
      if (found.stream().noneMatch(type -> annotated(type, "jakarta.persistence.Entity"))) {
        throw MigrateException.badInput(
            "Package '" + name + "' holds no @Entity classes; check the models setting");
      }
      classes.addAll(found);
    }
    return classes;
  }

  private static boolean mapped(Class<?> type) {
    return MAPPED.stream().anyMatch(annotation -> annotated(type, annotation));
  }

  private static boolean annotated(Class<?> type, String annotation) {
    for (Annotation present : type.getAnnotations()) {
      if (present.annotationType().getName().equals(annotation)) {
        return true;
      }
    }
    return false;
  }

  private static HibernateExport.Request request(
      List<Class<?>> classes,
      DatabaseKind kind,
      NamingStrategy naming,
      Connection connection,
      ClassLoader loader) {
    try {
      DatabaseMetaData meta = connection.getMetaData();
      String productVersion = meta.getDatabaseProductVersion();
      String product;
      String dialect;
      switch (kind) {
        case POSTGRESQL -> {
          product = "PostgreSQL";
          dialect = "org.hibernate.dialect.PostgreSQLDialect";
        }
        case MYSQL -> {
          boolean mariaDb = productVersion.contains("MariaDB");
          product = mariaDb ? "MariaDB" : "MySQL";
          dialect = "org.hibernate.dialect." + (mariaDb ? "MariaDBDialect" : "MySQLDialect");
        }
        default -> {
          product = "SQLite";
          dialect = SQLITE_DIALECT;
          if (loader.getResource(SQLITE_DIALECT.replace('.', '/') + ".class") == null) {
            throw MigrateException.badInput(
                "Hibernate models on SQLite need Hibernate's community dialects: add"
                    + " org.hibernate.orm:hibernate-community-dialects (the version of your"
                    + " hibernate-core) to the classpath");
          }
        }
      }
      return new HibernateExport.Request(
          classes,
          dialect,
          product,
          productVersion,
          meta.getDatabaseMajorVersion(),
          meta.getDatabaseMinorVersion(),
          naming,
          naming != NamingStrategy.IDENTITY);
    } catch (SQLException e) {
      throw MigrateException.failed(
          "Cannot read the server version of the scratch database: " + e.getMessage(), e);
    }
  }

  /** The adapter, defined in a class loader that sees the application's Hibernate. */
  private static HibernateExport adapter(ClassLoader loader) {
    if (loader.getResource(METADATA_SOURCES) == null) {
      throw MigrateException.badInput(
          "Hibernate models need Hibernate ORM 6.x or 7.x on the application's classpath, and it"
              + " is not there: add org.hibernate.orm:hibernate-core (and, for SQLite,"
              + " org.hibernate.orm:hibernate-community-dialects) to the classpath setting, or use"
              + " jpa:<package> for the reflection reader");
    }
    try {
      return (HibernateExport)
          Class.forName(ADAPTER, true, new AdapterLoader(loader)).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw MigrateException.failed(
          "Cannot start Hibernate from the application's classpath: " + cause, cause);
    }
  }

  /**
   * Defines the adapter classes itself, with the application's loader as parent (so Hibernate
   * resolves there) and migrate's own loader for migrate's classes (so the adapter's interface is
   * the one this class knows).
   */
  private static final class AdapterLoader extends ClassLoader {
    private final ClassLoader migrate = HibernateModels.class.getClassLoader();

    AdapterLoader(ClassLoader application) {
      super(application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(ADAPTER) && !name.startsWith(ADAPTER + "$")) {
        return name.startsWith("dev.migrate.engine.")
            ? migrate.loadClass(name)
            : super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> defined = findLoadedClass(name);
        if (defined == null) {
          byte[] bytes;
          try (InputStream in = migrate.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            bytes = in.readAllBytes();
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
          defined = defineClass(name, bytes, 0, bytes.length);
        }
        return defined;
      }
    }
  }
}
