package dev.migrate.test;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ServerSettings;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.AssertionFailedError;

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
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    DatabaseSlots slots = DatabaseSlots.of(context, root);
    return root.getOrComputeIfAbsent(
        testClass, c -> verify(testClass, slots, context), VerificationResult.class);
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
    ClassLoader loader = testClass.getClassLoader();
    RevisionGraph graph = Projects.graph(settings, loader);
    Verifier.ExpectedModels models = Projects.models(settings, loader);
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    DatabaseSlots slots = DatabaseSlots.of(context, root);
    Sandboxes sandboxes =
        root.getOrComputeIfAbsent(Sandboxes.class, k -> new Sandboxes(slots), Sandboxes.class);
    return settings.backends().stream()
        .map(kind -> invocation(new RunnerResolver(kind, graph, models, sandboxes, slots)));
  }

  private static TestTemplateInvocationContext invocation(RunnerResolver resolver) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return resolver.kind().id();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(resolver);
      }
    };
  }

  /**
   * Gives the test its runner, made on the backend's shared sandbox once a slot is free, and drops
   * its database after the test, whatever the outcome.
   */
  private record RunnerResolver(
      DatabaseKind kind,
      RevisionGraph graph,
      Verifier.ExpectedModels models,
      Sandboxes sandboxes,
      DatabaseSlots slots)
      implements BeforeEachCallback, ParameterResolver {
    /** Skips (or fails) an unavailable backend here: a parameter resolver's abort would fail. */
    @Override
    public void beforeEach(ExtensionContext context) {
      sandboxes.of(kind);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == MigrationRunner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      Sandbox sandbox = sandboxes.of(kind);
      DatabaseSlots.Held slot = slots.take(kind, 1);
      MigrationRunner runner;
      try {
        runner = new MigrationRunner(graph, sandbox.create(), models, sandbox);
      } catch (RuntimeException e) {
        slot.close();
        throw e;
      }
      context
          .getStore(NAMESPACE)
          .put(
              MigrationRunner.class,
              (CloseableResource)
                  () -> {
                    try {
                      runner.close();
                    } finally {
                      slot.close();
                    }
                  });
      return runner;
    }
  }

  /**
   * One sandbox per backend for the runners of the whole run, closed (dropping what is left) at its
   * end. A PostgreSQL sandbox keeps a spare database ready, which holds a slot meanwhile.
   */
  private static final class Sandboxes implements CloseableResource {
    private final DatabaseSlots slots;
    private final Map<DatabaseKind, Sandbox> made = new EnumMap<>(DatabaseKind.class);
    private final List<DatabaseSlots.Held> spares = new ArrayList<>();

    Sandboxes(DatabaseSlots slots) {
      this.slots = slots;
    }

    synchronized Sandbox of(DatabaseKind kind) {
      Sandbox sandbox = made.get(kind);
      if (sandbox == null) {
        Verifier.Backend backend = Servers.backend(kind);
        if (backend.sandbox() == null) {
          unavailable(kind, backend.unavailable());
        }
        sandbox = backend.sandbox();
        made.put(kind, sandbox);
        if (kind == DatabaseKind.POSTGRESQL) {
          spares.add(slots.take(kind, 1));
        }
      }
      return sandbox;
    }

    @Override
    public synchronized void close() {
      made.values().forEach(Sandbox::close);
      spares.forEach(DatabaseSlots.Held::close);
    }
  }

  /** Skips the test, or fails it when {@code MIGRATE_TEST_REQUIRE} names {@code kind}. */
  static void unavailable(DatabaseKind kind, String why) {
    if (ServerSettings.required(kind)) {
      throw new AssertionFailedError(
          kind.id() + " is required by " + ServerSettings.REQUIRE + " but unavailable: " + why);
    }
    Assumptions.abort(kind.id() + " skipped: " + why);
  }

  private static VerificationResult verify(
      Class<?> testClass, DatabaseSlots slots, ExtensionContext context) {
    ProjectSettings settings = ProjectSettings.of(testClass);
    ClassLoader loader = testClass.getClassLoader();
    List<DatabaseKind> kinds = settings.backends();
    RevisionGraph graph;
    try {
      graph = Projects.graph(settings, loader);
    } catch (MigrateException e) {
      return Verifier.graphInvalid(e.getMessage(), kinds, settings.seed());
    }
    Projects.notices(settings, loader)
        .forEach(notice -> context.publishReportEntry("migrate", notice));
    Verifier.ExpectedModels models = Projects.models(settings, loader);
    Verifier verifier =
        Verifier.of(graph, models, VerifyOptions.defaults().withSeed(settings.seed()));
    List<Sandbox> sandboxes = new ArrayList<>();
    List<DatabaseSlots.Held> held = new ArrayList<>();
    try {
      List<Verifier.Backend> backends = new ArrayList<>();
      for (DatabaseKind kind : kinds.stream().sorted().toList()) {
        Verifier.Backend backend = Servers.backend(kind);
        if (backend.sandbox() != null) {
          sandboxes.add(backend.sandbox());
        }
        backends.add(backend);
      }
      int sharing = sandboxes.size();
      // slots taken in the order of the kinds, so that two verifications never wait on each other
      for (Verifier.Backend backend : backends) {
        if (backend.sandbox() != null) {
          int parts = verifier.parts(backend.kind(), sharing);
          held.add(
              slots.take(
                  backend.kind(),
                  DatabaseSlots.verification(graph, backend.kind(), models != null, parts)));
        }
      }
      backends.sort(java.util.Comparator.comparing(b -> kinds.indexOf(b.kind())));
      return verifier.run(backends);
    } finally {
      sandboxes.forEach(Sandbox::close);
      held.forEach(DatabaseSlots.Held::close);
    }
  }
}
