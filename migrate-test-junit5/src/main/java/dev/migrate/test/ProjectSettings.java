package dev.migrate.test;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.ConfigLoader;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.source.FlywayRevisions;
import dev.migrate.engine.verify.VerifyOptions;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a {@link MigrationTest} class verifies: its annotation's attributes, else the keys of {@code
 * migrate.properties} on the test classpath, else the defaults. A relative path in the file is
 * relative to the file, or else a classpath resource ({@code revisions=db/versions} finds {@code
 * src/main/resources/db/versions} as built). {@code flyway:<dir>} names a Flyway directory, found
 * the same way (an annotation's relative to the working directory, else on the classpath), with
 * {@code flyway.missing_undo} from the file.
 */
record ProjectSettings(
    Path revisions,
    Optional<FlywayRevisions.MissingUndo> flyway,
    String javaPackage,
    String models,
    List<DatabaseKind> backends,
    long seed) {

  static final String FILE = "migrate.properties";

  static ProjectSettings of(Class<?> testClass) {
    MigrationTest annotation = testClass.getAnnotation(MigrationTest.class);
    if (annotation == null) {
      throw new ExtensionConfigurationException(
          testClass.getName() + " needs @MigrationTest to say where its revisions are");
    }
    ClassLoader loader = testClass.getClassLoader();
    Path file = propertiesFile(loader);
    Map<ConfigKey, String> values = file == null ? Map.of() : ConfigLoader.readFile(file);
    String revisionsValue =
        !annotation.revisions().isBlank()
            ? annotation.revisions()
            : values.get(ConfigKey.REVISIONS);
    Optional<String> flywayDir =
        revisionsValue == null ? Optional.empty() : FlywayRevisions.directory(revisionsValue);
    Path revisions =
        revisionsValue == null
            ? null
            : !annotation.revisions().isBlank()
                ? flywayDir.map(dir -> locate(dir, loader)).orElse(Path.of(revisionsValue))
                : resolve(file, flywayDir.orElse(revisionsValue), loader);
    Optional<FlywayRevisions.MissingUndo> flyway =
        flywayDir.map(
            dir ->
                FlywayRevisions.MissingUndo.of(
                    values.get(ConfigKey.FLYWAY_MISSING_UNDO),
                    "'" + ConfigKey.FLYWAY_MISSING_UNDO.property() + "' in " + file));
    String javaPackage =
        !annotation.javaPackage().isBlank()
            ? annotation.javaPackage()
            : values.get(ConfigKey.JAVA_PACKAGE);
    if (revisions == null && javaPackage == null) {
      throw new ExtensionConfigurationException(
          "@MigrationTest on "
              + testClass.getName()
              + " names no revisions; give revisions = \"<dir>\" or javaPackage = \"<package>\","
              + " or set revisions / java.package in "
              + FILE
              + " on the test classpath");
    }
    if (flyway.isPresent() && javaPackage != null) {
      throw new ExtensionConfigurationException(
          "@MigrationTest on "
              + testClass.getName()
              + " reads the Flyway directory "
              + revisions
              + " and a Java package ("
              + javaPackage
              + "); a Flyway directory's versions form the whole chain, so leave java.package"
              + " unset");
    }
    String models =
        !annotation.models().isBlank() ? annotation.models() : values.get(ConfigKey.MODELS);
    if (models != null
        && models.endsWith(".sql")
        && annotation.models().isBlank()
        && file != null) {
      models = resolve(file, models, loader).toString();
    }
    List<DatabaseKind> backends = new ArrayList<>(List.of(annotation.backends()));
    if (backends.isEmpty() && values.containsKey(ConfigKey.VERIFY_BACKENDS)) {
      for (String name : values.get(ConfigKey.VERIFY_BACKENDS).split(",")) {
        if (!name.isBlank()) {
          backends.add(DatabaseKind.fromId(name.strip()));
        }
      }
    }
    if (backends.isEmpty()) {
      backends.add(DatabaseKind.SQLITE);
    }
    long seed = annotation.seed();
    if (seed == MigrationTest.UNSET_SEED) {
      String fromFile = values.get(ConfigKey.VERIFY_SEED);
      try {
        seed = fromFile == null ? VerifyOptions.DEFAULT_SEED : Long.parseLong(fromFile.strip());
      } catch (NumberFormatException e) {
        throw MigrateException.badInput(
            "verify.seed '" + fromFile + "' in " + file + " is not a whole number; fix it");
      }
    }
    return new ProjectSettings(revisions, flyway, javaPackage, models, List.copyOf(backends), seed);
  }

  private static Path propertiesFile(ClassLoader loader) {
    URL resource = loader.getResource(FILE);
    if (resource == null || !"file".equals(resource.getProtocol())) {
      return null;
    }
    try {
      return Path.of(resource.toURI());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Path resolve(Path file, String value, ClassLoader loader) {
    return existingOrResource(file.getParent().resolve(value).normalize(), value, loader);
  }

  /**
   * A Flyway directory of the annotation: relative to the working directory, else a classpath
   * resource as Flyway's own {@code db/migration} is.
   */
  private static Path locate(String value, ClassLoader loader) {
    return existingOrResource(Path.of(value), value, loader);
  }

  private static Path existingOrResource(Path path, String value, ClassLoader loader) {
    if (Files.exists(path)) {
      return path;
    }
    URL resource = loader.getResource(value);
    if (resource != null && "file".equals(resource.getProtocol())) {
      try {
        return Path.of(resource.toURI());
      } catch (URISyntaxException e) {
        return path;
      }
    }
    return path;
  }
}
