package dev.migrate.test;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ServerSettings;
import dev.migrate.engine.verify.ModelsAtHead;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Verifies the revisions of a {@link MigrationTest} class once, when a test first asks for the
 * {@link VerificationResult}, and keeps it in the class's store; the throwaway databases are
 * dropped when the verification ends.
 */
public final class MigrationExtension
    implements ParameterResolver, TestTemplateInvocationContextProvider {
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

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(MigrationBackends.class);
  }

  /** One invocation per backend, each with a {@link MigrationRunner} on a fresh database. */
  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ProjectSettings settings = ProjectSettings.of(testClass);
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    RevisionGraph graph =
        root.getOrComputeIfAbsent(
            "graph:" + testClass.getName(), k -> graph(testClass, settings), RevisionGraph.class);
    Verifier.ExpectedModels models = models(settings, testClass.getClassLoader());
    return settings.backends().stream().map(kind -> invocation(kind, graph, models, root));
  }

  private static Verifier.ExpectedModels models(ProjectSettings settings, ClassLoader loader) {
    return settings.models() == null
        ? null
        : ModelsAtHead.of(
            settings.models(), "@MigrationTest(models)", loader, ServerSettings::adminUrl);
  }

  private static TestTemplateInvocationContext invocation(
      DatabaseKind kind,
      RevisionGraph graph,
      Verifier.ExpectedModels models,
      ExtensionContext.Store root) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return kind.id();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new RunnerResolver(kind, graph, models, root));
      }
    };
  }

  /** Gives the test its runner, made on the backend's shared sandbox and dropped after it. */
  private record RunnerResolver(
      DatabaseKind kind,
      RevisionGraph graph,
      Verifier.ExpectedModels models,
      ExtensionContext.Store root)
      implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == MigrationRunner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      Sandboxes sandboxes =
          root.getOrComputeIfAbsent(Sandboxes.class, k -> new Sandboxes(), Sandboxes.class);
      Sandbox sandbox = sandboxes.of(kind);
      MigrationRunner runner = new MigrationRunner(graph, sandbox.create(), models, sandbox);
      context.getStore(NAMESPACE).put(MigrationRunner.class, (CloseableResource) runner::close);
      return runner;
    }
  }

  /** One sandbox per backend for the whole run, closed (dropping what is left) at its end. */
  private static final class Sandboxes implements CloseableResource {
    private final java.util.Map<DatabaseKind, Sandbox> made =
        new java.util.EnumMap<>(DatabaseKind.class);

    synchronized Sandbox of(DatabaseKind kind) {
      Sandbox sandbox = made.get(kind);
      if (sandbox == null) {
        Verifier.Backend backend = backend(kind);
        if (backend.sandbox() == null) {
          if (ServerSettings.required(kind)) {
            throw new AssertionError(
                kind.id()
                    + " is required by MIGRATE_TEST_REQUIRE but unavailable: "
                    + backend.unavailable());
          }
          Assumptions.abort(kind.id() + " skipped: " + backend.unavailable());
        }
        sandbox = backend.sandbox();
        made.put(kind, sandbox);
      }
      return sandbox;
    }

    @Override
    public synchronized void close() {
      made.values().forEach(Sandbox::close);
    }
  }

  private static RevisionGraph graph(Class<?> testClass, ProjectSettings settings) {
    return RevisionGraph.of(
        RevisionLoader.load(
            settings.revisions(), settings.javaPackage(), testClass.getClassLoader()));
  }

  private static VerificationResult verify(Class<?> testClass) {
    ProjectSettings settings = ProjectSettings.of(testClass);
    ClassLoader loader = testClass.getClassLoader();
    List<DatabaseKind> kinds = settings.backends();
    RevisionGraph graph;
    try {
      graph = graph(testClass, settings);
    } catch (MigrateException e) {
      return Verifier.graphInvalid(e.getMessage(), kinds, settings.seed());
    }
    Verifier verifier =
        Verifier.of(
            graph, models(settings, loader), VerifyOptions.defaults().withSeed(settings.seed()));
    List<Sandbox> sandboxes = new ArrayList<>();
    try {
      List<Verifier.Backend> backends = new ArrayList<>();
      for (DatabaseKind kind : kinds) {
        Verifier.Backend backend = backend(kind);
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

  /** A backend's throwaway databases, from {@link ServerSettings}. */
  static Verifier.Backend backend(DatabaseKind kind) {
    return Verifier.Backend.on(
        kind, ServerSettings.adminUrl(kind), ServerSettings.urlVariable(kind) + " is not set");
  }
}
