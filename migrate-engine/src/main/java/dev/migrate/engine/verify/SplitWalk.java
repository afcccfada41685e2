package dev.migrate.engine.verify;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.schema.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One backend's walk split into parts walked at the same time, each on databases of its own. A part
 * starts from a replay of the revisions before it. Its results stand when the part before it left
 * its database as that replay would: nothing failed that changes state, and the schema is the same.
 * Otherwise they are dropped and the part before walks on through its revisions, as one walk would.
 * Either way the results are those of one walk, in the same order; the parts only use more cores.
 */
final class SplitWalk {
  /**
   * What replaying a revision costs beside walking it (one up against up, down, up, four snapshots
   * and the generated rows), measured on a chain of 100 with the replay's database made: about 0.3
   * on the servers, 0.07-0.08 on SQLite, whose replay commits without waiting for the disk.
   */
  static double replayCost(DatabaseKind kind) {
    return switch (kind) {
      case SQLITE -> 0.08;
      case POSTGRESQL -> 0.3;
      case MYSQL -> 0.33;
    };
  }

  /** A part of fewer revisions saves less than its own database and replay cost. */
  static final int MIN_PART = 20;

  private SplitWalk() {}

  /**
   * Where the parts of a walk of {@code revisions} begin and end, for at most {@code walkers}
   * parts: positions {@code 0 = b0 < b1 < ... < bk = revisions}, each inner one a position in
   * {@code starts}. Part j replays {@code bj} revisions before walking its own, each at {@code
   * replayCost} of a walked one, so the parts are sized to take the same time: {@code bj = n (1 -
   * q^j) / (1 - q^k)} with {@code q = 1 - replayCost}. Fewer parts where some would be shorter than
   * {@link #MIN_PART}; just {@code [0, revisions]} when the walk is not split.
   */
  static List<Integer> bounds(int revisions, List<Integer> starts, int walkers, double replayCost) {
    double q = 1 - replayCost;
    for (int parts = Math.min(walkers, revisions / MIN_PART); parts > 1; parts--) {
      List<Integer> bounds = new ArrayList<>();
      bounds.add(0);
      for (int j = 1; j < parts; j++) {
        double ideal = revisions * (1 - Math.pow(q, j)) / (1 - Math.pow(q, parts));
        Integer nearest = null;
        for (int start : starts) {
          if (nearest == null || Math.abs(start - ideal) < Math.abs(nearest - ideal)) {
            nearest = start;
          }
        }
        if (nearest == null) {
          return List.of(0, revisions);
        }
        bounds.add(nearest);
      }
      bounds.add(revisions);
      boolean fits = true;
      for (int j = 1; j < bounds.size(); j++) {
        fits &= bounds.get(j) - bounds.get(j - 1) >= MIN_PART;
      }
      if (fits) {
        return List.copyOf(bounds);
      }
    }
    return List.of(0, revisions);
  }

  /** A later part as walked: its walk, the schema it started from, and its progress held back. */
  private record Part(Stairway walk, Schema start, List<Progress> progress) {}

  /** The joined walk, and how many of its parts' results stood (1 when every later one fell). */
  record Walked(Stairway.Outcome outcome, int partsKept) {}

  /**
   * Walks the parts {@code bounds} gives (see {@link #bounds}), the first on this thread, each
   * later one on a thread of its own, then joins them; the models at the heads are compared last.
   */
  static Walked walk(Supplier<Stairway> walks, List<Integer> bounds, Consumer<Progress> progress) {
    long started = System.nanoTime();
    List<Stairway> made = new ArrayList<>();
    List<Future<Part>> later = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            bounds.size() - 2,
            r -> {
              Thread t = new Thread(r, "migrate-verify-part");
              t.setDaemon(true);
              return t;
            });
    try {
      Stairway current = walks.get();
      made.add(current);
      for (int j = 1; j < bounds.size() - 1; j++) {
        Stairway walk = walks.get();
        made.add(walk);
        List<Progress> held = Collections.synchronizedList(new ArrayList<>());
        walk.reportTo(held::add);
        int from = bounds.get(j);
        int to = bounds.get(j + 1);
        later.add(
            pool.submit(
                () -> {
                  Schema start = walk.startAt(from);
                  walk.walk(from, to);
                  return new Part(walk, start, held);
                }));
      }
      current.walk(0, bounds.get(1));
      List<CheckResult> results = new ArrayList<>();
      int kept = 1;
      for (int j = 1; j < bounds.size() - 1; j++) {
        Part part = awaited(later.get(j - 1));
        Schema left = current.leftAsReplayed();
        if (part != null && left != null && SchemaDiff.compare(left, part.start()).isEmpty()) {
          results.addAll(current.results());
          current.close();
          current = part.walk();
          kept++;
          part.progress().forEach(progress);
          current.reportTo(progress);
        } else {
          if (part != null) {
            part.walk().close();
          }
          current.walk(bounds.get(j), bounds.get(j + 1));
        }
      }
      current.modelsAtHead();
      results.addAll(current.results());
      return new Walked(
          new Stairway.Outcome(List.copyOf(results), Duration.ofNanos(System.nanoTime() - started)),
          kept);
    } finally {
      pool.shutdownNow(); // a part still walking stops at its next revision
      later.forEach(SplitWalk::finished);
      made.forEach(Stairway::close);
    }
  }

  /** A part once it is done, or null when it failed: its revisions are then walked again. */
  private static Part awaited(Future<Part> part) {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw dev.migrate.engine.MigrateException.failed("Verification was interrupted", e);
    } catch (ExecutionException e) {
      return null;
    }
  }

  /** Waits for a part to end, however it ends, before its databases are dropped. */
  private static Part finished(Future<Part> part) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return part.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      return null;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
