package dev.migrate.engine.model;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the models named by the {@code models} setting ({@code models=} in {@code
 * migrate.properties}, {@code --models}, {@code MIGRATE_MODELS}):
 *
 * <ul>
 *   <li>{@code path/to/models.sql}: a SQL models file ({@link SqlModels}), applied to a scratch
 *       database of the same backend ({@link dev.migrate.engine.sandbox.Sandbox}) and read back. A
 *       relative path in the properties file is relative to that file.
 *   <li>{@code jpa:com.example.domain}: the {@code @Entity} classes of that package and its
 *       sub-packages ({@link JpaModels}), named with Spring's snake_case strategy; {@code
 *       jpa:com.example.domain?naming=identity} keeps names as written.
 *   <li>{@code hibernate:com.example.domain[,com.example.other]}: the entities of those packages as
 *       the application's own Hibernate ORM 6.x or 7.x maps them ({@link HibernateModels}), with
 *       Spring Boot's naming ({@code ?naming=identity}: Hibernate's own); its create DDL for the
 *       backend is applied to a scratch database and read back as a SQL models file is. {@code
 *       jpa:} is read this way too when Hibernate ORM is on the classpath.
 *   <li>{@code dsl:com.example.AppModels}: a class implementing {@link ModelsProvider}.
 * </ul>
 *
 * Classes are loaded with the given class loader (the one holding the application's classes).
 */
public final class ModelSource {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSource.class);

  /** What a {@code models} value names. */
  public sealed interface Spec {
    record SqlFile(Path file) implements Spec {}

    record Jpa(String packageName, NamingStrategy naming) implements Spec {}

    record Hibernate(List<String> packages, NamingStrategy naming) implements Spec {
      public Hibernate {
        packages = List.copyOf(packages);
      }
    }

    record Dsl(String className) implements Spec {}
  }

  private ModelSource() {}

  /** The models' schema; skipped mappings are logged as warnings. */
  public static Schema load(MigrateConfig config, DatabaseKind kind, ClassLoader loader) {
    LoadedModels models = read(config, kind, loader);
    models.warnings().forEach(LOG::warn);
    return models.schema();
  }

  /** The models' schema and what was skipped reading them. */
  public static LoadedModels read(MigrateConfig config, DatabaseKind kind, ClassLoader loader) {
    return read(config, kind, loader, connection -> new SchemaReader().read(connection));
  }

  /**
   * As {@link #read(MigrateConfig, DatabaseKind, ClassLoader)}, reading the scratch database of a
   * SQL models file or of Hibernate's DDL with {@code reader}.
   */
  public static LoadedModels read(
      MigrateConfig config,
      DatabaseKind kind,
      ClassLoader loader,
      Function<Connection, Schema> reader) {
    return read(
        parse(config.models(), config.fileName()),
        kind,
        loader,
        config.url(),
        config.user(),
        config.password(),
        reader);
  }

  /**
   * The models {@code spec} names for {@code kind}. A SQL file and Hibernate's DDL are applied to a
   * throwaway database on the server of {@code url} (null for SQLite) and read back with {@code
   * reader}; {@code jpa:} is read by Hibernate when Hibernate ORM is on {@code loader}'s classpath,
   * else by reflection ({@link JpaModels}).
   */
  public static LoadedModels read(
      Spec spec,
      DatabaseKind kind,
      ClassLoader loader,
      String url,
      String user,
      String password,
      Function<Connection, Schema> reader) {
    if (spec instanceof Spec.SqlFile sql) {
      Schema schema = SqlModels.load(sql.file(), kind, url, user, password, reader);
      return new LoadedModels(schema, List.of());
    }
    if (spec instanceof Spec.Hibernate hibernate) {
      return HibernateModels.load(
          hibernate.packages(), hibernate.naming(), kind, loader, url, user, password, reader);
    }
    if (spec instanceof Spec.Jpa jpa && HibernateModels.present(loader)) {
      LoadedModels models =
          HibernateModels.load(
              List.of(jpa.packageName()), jpa.naming(), kind, loader, url, user, password, reader);
      return new LoadedModels(
          models.schema(),
          models.warnings(),
          models.reader() + ", chosen for jpa: because Hibernate ORM is on the classpath");
    }
    LoadedModels models = readClasses(spec, kind, loader);
    if (spec instanceof Spec.Jpa) {
      return new LoadedModels(
          models.schema(),
          models.warnings(),
          "the JPA reflection reader (no Hibernate ORM on the classpath)");
    }
    return models;
  }

  /**
   * The models of a {@code jpa:} (by reflection, {@link JpaModels}) or {@code dsl:} spec for {@code
   * kind}, and what was skipped reading them; a SQL file and Hibernate's DDL need a database and
   * are read by {@link #read(Spec, DatabaseKind, ClassLoader, String, String, String, Function)}.
   */
  public static LoadedModels readClasses(Spec spec, DatabaseKind kind, ClassLoader loader) {
    if (spec instanceof Spec.SqlFile sql) {
      throw new IllegalArgumentException(
          sql.file() + " is a SQL models file; read it with SqlModels");
    }
    if (spec instanceof Spec.Hibernate) {
      throw new IllegalArgumentException("Hibernate models are read back from a database");
    }
    if (spec instanceof Spec.Jpa jpa) {
      try {
        return JpaModels.read(jpa.packageName(), loader, jpa.naming());
      } catch (NoClassDefFoundError e) {
        // jakarta.persistence-api is an optional dependency of the engine
        throw MigrateException.badInput(
            "JPA models need jakarta.persistence-api (3.x) on migrate's classpath ("
                + e.getMessage()
                + " is missing); add the jar next to migrate's");
      }
    }
    Spec.Dsl dsl = (Spec.Dsl) spec;
    return new LoadedModels(provide(dsl.className(), kind, loader), List.of());
  }

  /**
   * What a {@code models} value names; {@code fileName} is the properties file for messages. A
   * missing or malformed value, or a SQL file that does not exist, is a bad-input error saying how
   * to set it.
   */
  public static Spec parse(String value, String fileName) {
    String howToSet = ConfigKey.MODELS.howToSet(fileName);
    String expected =
        "a .sql file, jpa:<package>, hibernate:<package>[,<package>...] or"
            + " dsl:<fully.qualified.Class>";
    if (value == null || value.isBlank()) {
      throw MigrateException.badInput("No models configured; set " + howToSet + " to " + expected);
    }
    if (value.startsWith("jpa:") || value.startsWith("hibernate:")) {
      boolean jpa = value.startsWith("jpa:");
      String rest = value.substring(value.indexOf(':') + 1).strip();
      NamingStrategy naming = NamingStrategy.SNAKE_CASE;
      int query = rest.indexOf('?');
      if (query >= 0) {
        String option = rest.substring(query + 1).strip();
        rest = rest.substring(0, query).strip();
        naming =
            switch (option.toLowerCase(Locale.ROOT)) {
              case "naming=identity" -> NamingStrategy.IDENTITY;
              case "naming=snake_case" -> NamingStrategy.SNAKE_CASE;
              default ->
                  throw MigrateException.badInput(
                      "Unknown option '"
                          + option
                          + "' in models '"
                          + value
                          + "'; expected naming=snake_case or naming=identity");
            };
      }
      if (jpa) {
        return new Spec.Jpa(javaName(rest, value, "package"), naming);
      }
      List<String> packages = new ArrayList<>();
      for (String name : rest.split(",", -1)) {
        packages.add(javaName(name.strip(), value, "package"));
      }
      return new Spec.Hibernate(packages, naming);
    }
    if (value.startsWith("dsl:")) {
      return new Spec.Dsl(javaName(value.substring("dsl:".length()).strip(), value, "class"));
    }
    Path file = Path.of(value);
    if (!value.toLowerCase(Locale.ROOT).endsWith(".sql")) {
      throw MigrateException.badInput(
          "Models '" + value + "' is not " + expected + "; fix " + howToSet);
    }
    if (!Files.isRegularFile(file)) {
      throw MigrateException.badInput(
          "Models file " + file + " does not exist; create it or fix " + howToSet);
    }
    return new Spec.SqlFile(file);
  }

  private static String javaName(String name, String value, String what) {
    if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*")
        || name.endsWith(".")
        || name.contains("..")) {
      throw MigrateException.badInput(
          "Models '" + value + "' does not name a Java " + what + "; e.g. " + example(value));
    }
    return name;
  }

  private static String example(String value) {
    if (value.startsWith("hibernate:")) {
      return "hibernate:com.example.domain,com.example.billing";
    }
    return value.startsWith("jpa:") ? "jpa:com.example.domain" : "dsl:com.example.AppModels";
  }

  private static Schema provide(String className, DatabaseKind kind, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw MigrateException.badInput(
          "Models class "
              + className
              + " cannot be loaded ("
              + e
              + "); check the name and the classpath");
    }
    if (!ModelsProvider.class.isAssignableFrom(type)) {
      throw MigrateException.badInput(
          "Models class "
              + className
              + " does not implement "
              + ModelsProvider.class.getName()
              + "; add 'implements ModelsProvider'");
    }
    ModelsProvider provider;
    try {
      Constructor<? extends ModelsProvider> constructor =
          type.asSubclass(ModelsProvider.class).getConstructor();
      provider = constructor.newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw MigrateException.badInput(
          "Models class "
              + className
              + " cannot be instantiated; make it a public class with a public no-argument"
              + " constructor");
    } catch (InvocationTargetException e) {
      throw MigrateException.failed(
          "Models class " + className + " failed in its constructor: " + e.getCause(),
          e.getCause());
    }
    Schema schema;
    try {
      schema = provider.models(kind);
    } catch (IllegalArgumentException e) {
      throw MigrateException.badInput("Models class " + className + ": " + e.getMessage());
    }
    if (schema == null) {
      throw MigrateException.badInput("Models class " + className + " returned no schema (null)");
    }
    return schema;
  }
}
