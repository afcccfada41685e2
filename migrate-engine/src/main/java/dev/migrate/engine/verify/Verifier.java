package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Verifies a revision graph on throwaway databases: every revision up, down and up again with the
 * schema compared at each step, generated rows pushed through, destructive changes linted, and the
 * schema at the heads compared with the models. The one entry point behind {@code migrate verify}
 * and the JUnit extension:
 *
 * <pre>{@code
 * Verifier verifier = Verifier.of(graph, models, VerifyOptions.defaults());
 * VerificationResult result = verifier.run(List.of(Backend.ready(Sandbox.sqlite())));
 * }</pre>
 */
public final class Verifier {
  private final RevisionGraph graph;
  private final ExpectedModels models;
  private final VerifyOptions options;
  private final List<String> order;
  private List<Integer> starts; // made when a walk may be split: a traversal per revision

  /** More parts than this gain little: each replays a larger share of the chain. */
  private static final int MAX_WALKERS = 4;

  /** The models at head on a backend, with each check as that backend stores it. */
  @FunctionalInterface
  public interface ExpectedModels {
    /** The models for {@code kind}; {@code sandbox} makes any scratch database that needs. */
    StoredChecks load(DatabaseKind kind, Sandbox sandbox);
  }

  /**
   * A backend to verify on: its throwaway databases, or why it cannot run.
   *
   * @param kind the backend
   * @param sandbox where its throwaway databases are made, or null when it is unavailable
   * @param unavailable why it is unavailable (no URL, unreachable), or null
   */
  public record Backend(DatabaseKind kind, Sandbox sandbox, String unavailable) {
    public Backend {
      Objects.requireNonNull(kind, "kind");
    }

    public static Backend ready(Sandbox sandbox) {
      return new Backend(sandbox.kind(), sandbox, null);
    }

    public static Backend unavailable(DatabaseKind kind, String why) {
      return new Backend(kind, null, why);
    }

    /**
     * SQLite, or a server backend whose throwaway databases are made on the server of {@code
     * adminUrl}; unavailable with {@code whenNoUrl} when that is null, or saying why the server
     * cannot be reached (its URL masked).
     */
    public static Backend on(DatabaseKind kind, String adminUrl, String whenNoUrl) {
      if (kind == DatabaseKind.SQLITE) {
        return ready(Sandbox.sqlite());
      }
      if (adminUrl == null) {
        return unavailable(kind, whenNoUrl);
      }
      try {
        return ready(Sandbox.of(kind, adminUrl, null, null));
      } catch (MigrateException e) {
        return unavailable(kind, "server unreachable: " + e.getMessage());
      }
    }
  }

  private Verifier(RevisionGraph graph, ExpectedModels models, VerifyOptions options) {
    this.graph = graph;
    this.models = models;
    this.options = options;
    this.order = Stairway.walkOrder(graph);
    if (options.minimumDowngrade() != null) {
      graph.resolve(options.minimumDowngrade());
    }
    for (String stamped : options.stamped()) {
      if (graph.find(stamped).isEmpty()) {
        throw MigrateException.badInput(
            "Revision "
                + stamped
                + " to stamp instead of run is not in the graph; give its full id");
      }
    }
    for (Fixture fixture : options.fixtures()) {
      if (graph.find(fixture.revision()).isEmpty()) {
        throw MigrateException.badInput(
            "Fixture "
                + fixture.file()
                + " names revision "
                + fixture.revision()
                + ", which is not in the graph; rename the file after a revision id");
      }
    }
  }

  /**
   * @param models the models at head, or null to skip {@code MODEL_DRIFT}
   * @throws MigrateException when the minimum downgrade revision names no revision
   */
  public static Verifier of(RevisionGraph graph, ExpectedModels models, VerifyOptions options) {
    return new Verifier(graph, models, options);
  }

  /** The result when the revisions could not be read into a graph: the one finding that says so. */
  public static VerificationResult graphInvalid(
      String message, List<DatabaseKind> backends, long seed) {
    Finding finding = Finding.of(FindingCode.GRAPH_INVALID, null, null, message, List.of());
    return new VerificationResult(
        List.of(),
        List.of(),
        backends.stream()
            .map(kind -> new BackendRun(kind.id(), "the revision graph is invalid", Duration.ZERO))
            .toList(),
        List.of(
            new CheckResult(
                null, null, Check.GRAPH_VALID, CheckResult.Outcome.FAILED, null, List.of(finding))),
        List.of(finding),
        seed,
        Duration.ZERO);
  }

  /** Verifies on every backend, in parallel, and gathers the results in the order given. */
  public VerificationResult run(List<Backend> backends) {
    long started = System.nanoTime();
    List<CheckResult> checks = new ArrayList<>(graphChecks());
    List<Finding> findings = new ArrayList<>();
    checks.forEach(c -> findings.addAll(c.findings()));
    Map<Backend, Future<Stairway.Outcome>> running = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, backends.size()));
    try {
      int sharing = (int) backends.stream().filter(b -> b.sandbox() != null).count();
      for (Backend backend : backends) {
        if (backend.sandbox() != null) {
          running.put(backend, pool.submit(() -> verify(backend, sharing)));
        }
      }
      List<BackendRun> runs = new ArrayList<>();
      for (Backend backend : backends) {
        Future<Stairway.Outcome> outcome = running.get(backend);
        if (outcome == null) {
          runs.add(new BackendRun(backend.kind().id(), backend.unavailable(), Duration.ZERO));
          continue;
        }
        Stairway.Outcome done = await(outcome);
        runs.add(new BackendRun(backend.kind().id(), null, done.took()));
        checks.addAll(done.checks());
        done.checks().forEach(c -> findings.addAll(c.findings()));
      }
      return new VerificationResult(
          order.stream().map(this::describe).toList(),
          graph.heads(),
          runs,
          checks,
          findings,
          options.seed(),
          Duration.ofNanos(System.nanoTime() - started));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Verifies on one backend only. */
  public Stairway.Outcome verify(Backend backend) {
    return verify(backend, 1);
  }

  /**
   * Verifies on one backend while {@code sharing} backends run at once: its walk is split into as
   * many parts as {@link VerifyOptions#walkers} allows, by default as many as the cores left to it
   * (at most {@value #MAX_WALKERS}).
   */
  private Stairway.Outcome verify(Backend backend, int sharing) {
    List<Integer> bounds = bounds(backend.kind(), sharing);
    Supplier<Stairway> walks =
        () ->
            new Stairway(
                graph, order, backend.kind(), backend.sandbox(), models, options, new RowsProbe());
    Stairway.Outcome walked =
        bounds.size() == 2
            ? walks.get().walk()
            : SplitWalk.walk(walks, bounds, options.progress()).outcome();
    if (options.skips().containsKey(Check.CHECKSUM_UNCHANGED)) {
      return walked;
    }
    List<CheckResult> checks = new ArrayList<>(walked.checks());
    checks.addAll(
        AppliedChecksums.unstable(order.stream().map(graph::get).toList(), backend.kind()));
    return new Stairway.Outcome(checks, walked.took());
  }

  /**
   * How many parts a walk on {@code kind} is split into while {@code sharing} backends run at once
   * (each part holds databases of its own): 1 when it is walked in one.
   */
  public int parts(DatabaseKind kind, int sharing) {
    return bounds(kind, sharing).size() - 1;
  }

  private List<Integer> bounds(DatabaseKind kind, int sharing) {
    int walkers =
        options.walkers() > 0
            ? options.walkers()
            : Math.min(
                MAX_WALKERS, Runtime.getRuntime().availableProcessors() / Math.max(1, sharing));
    if (walkers < 2 || order.size() < 2 * SplitWalk.MIN_PART) {
      return List.of(0, order.size());
    }
    return SplitWalk.bounds(order.size(), starts(), walkers, SplitWalk.replayCost(kind));
  }

  private synchronized List<Integer> starts() {
    if (starts == null) {
      starts = Stairway.starts(graph, order);
    }
    return starts;
  }

  private static Stairway.Outcome await(Future<Stairway.Outcome> outcome) {
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigrateException.failed("Verification was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw MigrateException.failed("Verification failed: " + e.getCause(), e.getCause());
    }
  }

  private List<CheckResult> graphChecks() {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(
        new CheckResult(
            null, null, Check.GRAPH_VALID, CheckResult.Outcome.PASSED, null, List.of()));
    List<String> heads = graph.heads();
    if (heads.size() > 1) {
      Finding finding =
          Finding.of(
              FindingCode.MULTIPLE_HEADS,
              null,
              null,
              heads.size()
                  + " heads and no merge: "
                  + String.join(", ", heads)
                  + "; merge them with 'migrate merge heads' (the models are compared with"
                  + " all heads applied)",
              heads.stream().map(h -> "head " + h + " " + graph.get(h).message()).toList());
      checks.add(
          new CheckResult(
              null, null, Check.SINGLE_HEAD, CheckResult.Outcome.FAILED, null, List.of(finding)));
    } else {
      checks.add(
          new CheckResult(
              null, null, Check.SINGLE_HEAD, CheckResult.Outcome.PASSED, null, List.of()));
    }
    return checks;
  }

  private VerifiedRevision describe(String id) {
    RevisionScript script = graph.get(id);
    return new VerifiedRevision(
        id,
        script.message(),
        graph.normalizedDownRevisions(id),
        graph.resolvedDependencies(id),
        VerifiedRevision.originOf(script));
  }
}
