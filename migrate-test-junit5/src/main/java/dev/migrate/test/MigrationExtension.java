package dev.migrate.test;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.verify.ModelsAtHead;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Verifies the revisions of a {@link MigrationTest} class once, when a test first asks for the
 * {@link VerificationResult}, and keeps it in the class's store; the throwaway databases are
 * dropped when the verification ends.
 */
public final class MigrationExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MigrationExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == VerificationResult.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(testClass, c -> verify(testClass), VerificationResult.class);
  }

  private static VerificationResult verify(Class<?> testClass) {
    MigrationTest settings = testClass.getAnnotation(MigrationTest.class);
    if (settings == null) {
      throw new ExtensionConfigurationException(
          testClass.getName() + " needs @MigrationTest to say where its revisions are");
    }
    if (settings.revisions().isBlank() && settings.javaPackage().isBlank()) {
      throw new ExtensionConfigurationException(
          "@MigrationTest on "
              + testClass.getName()
              + " names no revisions; give revisions = \"<dir>\" or javaPackage = \"<package>\"");
    }
    ClassLoader loader = testClass.getClassLoader();
    List<DatabaseKind> kinds = List.of(settings.backends());
    RevisionGraph graph;
    try {
      graph =
          RevisionGraph.of(
              RevisionLoader.load(
                  settings.revisions().isBlank() ? null : Path.of(settings.revisions()),
                  settings.javaPackage().isBlank() ? null : settings.javaPackage(),
                  loader));
    } catch (MigrateException e) {
      return Verifier.graphInvalid(e.getMessage(), kinds, settings.seed());
    }
    Verifier verifier =
        Verifier.of(
            graph,
            settings.models().isBlank()
                ? null
                : ModelsAtHead.of(
                    settings.models(), "@MigrationTest(models)", loader, ServerUrls::adminUrl),
            VerifyOptions.defaults().withSeed(settings.seed()));
    List<Sandbox> sandboxes = new ArrayList<>();
    try {
      List<Verifier.Backend> backends = new ArrayList<>();
      for (DatabaseKind kind : kinds) {
        Verifier.Backend backend = ServerUrls.backend(kind);
        if (backend.sandbox() != null) {
          sandboxes.add(backend.sandbox());
        }
        backends.add(backend);
      }
      return verifier.run(backends);
    } finally {
      sandboxes.forEach(Sandbox::close);
    }
  }

  /** Where PostgreSQL and MySQL throwaway databases are made, and which backends must run. */
  static final class ServerUrls {
    private ServerUrls() {}

    static String adminUrl(DatabaseKind kind) {
      String name = "MIGRATE_TEST_" + kind.id().toUpperCase(Locale.ROOT) + "_URL";
      String value = System.getProperty(name, System.getenv(name));
      return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean required(DatabaseKind kind) {
      String value =
          System.getProperty("MIGRATE_TEST_REQUIRE", System.getenv("MIGRATE_TEST_REQUIRE"));
      return value != null
          && Arrays.stream(value.split(","))
              .map(s -> s.strip().toLowerCase(Locale.ROOT))
              .anyMatch(kind.id()::equals);
    }

    static Verifier.Backend backend(DatabaseKind kind) {
      if (kind == DatabaseKind.SQLITE) {
        return Verifier.Backend.ready(Sandbox.sqlite());
      }
      String url = adminUrl(kind);
      if (url == null) {
        return Verifier.Backend.unavailable(
            kind, "MIGRATE_TEST_" + kind.id().toUpperCase(Locale.ROOT) + "_URL is not set");
      }
      try {
        return Verifier.Backend.ready(Sandbox.of(kind, url, null, null));
      } catch (MigrateException e) {
        return Verifier.Backend.unavailable(kind, "unreachable: " + e.getMessage());
      }
    }
  }
}
