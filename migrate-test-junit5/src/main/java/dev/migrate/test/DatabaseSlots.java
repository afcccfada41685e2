package dev.migrate.test;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bound on live throwaway databases per backend in one test run ({@value #PARAMETER}, default
 * {@value #DEFAULT}): a runner takes a slot for its database, a verification as many as it holds at
 * once, and each waits until its slots are free instead of making more.
 */
final class DatabaseSlots {
  /** A JUnit configuration parameter: a system property or a line of junit-platform.properties. */
  static final String PARAMETER = "migrate.test.max_databases";

  static final int DEFAULT = 8;
  private final int max;
  private final Map<DatabaseKind, Semaphore> slots = new EnumMap<>(DatabaseKind.class);

  private DatabaseSlots(int max) {
    this.max = max;
    for (DatabaseKind kind : DatabaseKind.values()) {
      slots.put(kind, new Semaphore(max, true));
    }
  }

  /** The slots of the run {@code context} belongs to. */
  static DatabaseSlots of(ExtensionContext context, ExtensionContext.Store root) {
    return root.getOrComputeIfAbsent(
        DatabaseSlots.class,
        k -> new DatabaseSlots(max(context.getConfigurationParameter(PARAMETER).orElse(null))),
        DatabaseSlots.class);
  }

  static int max(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    try {
      int max = Integer.parseInt(value.strip());
      if (max >= 2) {
        return max;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExtensionConfigurationException(
        PARAMETER
            + " is '"
            + value
            + "': give a whole number of 2 or more (live throwaway databases per backend)");
  }

  /** Slots taken, given back by {@link #close()}. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits for {@code wanted} slots of {@code kind} (at most the bound less one). */
  Held take(DatabaseKind kind, int wanted) {
    int count = Math.max(1, Math.min(wanted, max - 1));
    Semaphore semaphore = slots.get(kind);
    try {
      semaphore.acquire(count);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a " + kind.id() + " slot", e);
    }
    return new Held() {
      private boolean released;

      @Override
      public synchronized void close() {
        if (!released) {
          released = true;
          semaphore.release(count);
        }
      }
    };
  }

  /**
   * The databases a verification on {@code kind} holds at once: per part of its walk (see {@link
   * dev.migrate.engine.verify.Verifier#parts}) the working one and a copy per branch point (kept to
   * clone the other branches from), a scratch database for the models, and on PostgreSQL the
   * sandbox's spare.
   */
  static int verification(RevisionGraph graph, DatabaseKind kind, boolean models, int parts) {
    long branchPoints =
        graph.revisions().stream()
            .map(RevisionScript::id)
            .filter(id -> graph.children(id).size() > 1 || !graph.dependents(id).isEmpty())
            .count();
    return parts * (1 + (int) branchPoints)
        + (models ? 1 : 0)
        + (kind == DatabaseKind.POSTGRESQL ? 1 : 0);
  }
}
