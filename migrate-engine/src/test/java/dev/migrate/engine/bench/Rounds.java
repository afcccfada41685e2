package dev.migrate.engine.bench;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the hand-run benchmarks share: which backends to run, and how rounds are summed up. */
final class Rounds {
  private Rounds() {}

  /**
   * The backends named by {@code -Dbench.backends} (all by default) that can run here: SQLite
   * always, the servers when their URL is set; the others are reported as skipped.
   */
  static List<DatabaseKind> backends() {
    String only = System.getProperty("bench.backends", "");
    List<DatabaseKind> kinds = new ArrayList<>();
    for (DatabaseKind kind : DatabaseKind.values()) {
      if (!only.isEmpty() && !List.of(only.split(",")).contains(kind.id())) {
        continue;
      }
      if (kind == DatabaseKind.SQLITE || TestDatabases.adminUrl(kind) != null) {
        kinds.add(kind);
      } else {
        System.out.printf(
            "%-10s skipped: MIGRATE_TEST_%s_URL is not set%n", kind.id(), kind.name());
      }
    }
    return kinds;
  }

  static double medianMillis(long[] nanos) {
    return median(Arrays.stream(nanos).asDoubleStream().toArray()) / 1e6;
  }

  /**
   * Each round's two runs share the machine's state at that moment (disk, caches, load), so the
   * median of the per-round ratios is the steadier figure: "1.16x 0.80..1.65x".
   */
  static String ratio(long[] ours, long[] baseline) {
    double[] ratios = new double[ours.length];
    for (int i = 0; i < ours.length; i++) {
      ratios[i] = (double) ours[i] / baseline[i];
    }
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT, "%7.2fx %7.2f..%.2fx", median(ratios), sorted[0], sorted[sorted.length - 1]);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** One timed run, in nanoseconds. */
  interface Timed {
    long nanos() throws Exception;
  }

  /**
   * Runs the baseline and ours alternately, one warm-up round then {@code rounds} measured, and
   * prints the row: backend, both medians, the ratio of the rounds.
   */
  static void compare(String backend, int rounds, Timed baseline, Timed ours) throws Exception {
    long[] base = new long[rounds];
    long[] our = new long[rounds];
    for (int round = -1; round < rounds; round++) {
      long b = baseline.nanos();
      long o = ours.nanos();
      if (round >= 0) {
        base[round] = b;
        our[round] = o;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-10s %9.1f ms %9.1f ms %s%n",
        backend,
        medianMillis(base),
        medianMillis(our),
        ratio(our, base));
  }
}
