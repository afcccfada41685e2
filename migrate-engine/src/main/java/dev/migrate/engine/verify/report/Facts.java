package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.CheckResult;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.Severity;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.VerifiedRevision;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What several reports say the same way: counts, seconds, groups of findings. */
final class Facts {
  /** The name of the group of findings and checks about the graph itself (no backend). */
  static final String GRAPH = "graph";

  private Facts() {}

  /** {@code 2 errors, 1 warning, 3 info}. */
  static String counts(VerificationResult result) {
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    return plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + ", "
        + result.count(Severity.INFO)
        + " info";
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** {@code 12.3}: seconds with one decimal, for people. */
  static String seconds(Duration d) {
    d = d == null ? Duration.ZERO : d;
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  /** {@code 12.345}: seconds with three decimals, for machines. */
  static BigDecimal exactSeconds(Duration d) {
    d = d == null ? Duration.ZERO : d;
    return BigDecimal.valueOf(d.toMillis()).movePointLeft(3);
  }

  static List<String> ranBackends(VerificationResult result) {
    return result.backends().stream().filter(BackendRun::ran).map(BackendRun::backend).toList();
  }

  static long count(List<CheckResult> checks, CheckResult.Outcome outcome) {
    return checks.stream().filter(c -> c.outcome() == outcome).count();
  }

  /**
   * The findings per group: the graph's (no backend) first, then each backend in the order asked
   * for, then any backend the result names only in its findings. Empty groups are left out.
   */
  static Map<String, List<Finding>> findingsByGroup(VerificationResult result) {
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    groups.put(GRAPH, new ArrayList<>());
    for (BackendRun run : result.backends()) {
      groups.put(run.backend(), new ArrayList<>());
    }
    for (Finding f : result.findings()) {
      groups.computeIfAbsent(groupOf(f.backend()), k -> new ArrayList<>()).add(f);
    }
    groups.values().removeIf(List::isEmpty);
    return groups;
  }

  /** The checks per group, in the same order as {@link #findingsByGroup}; empty groups left out. */
  static Map<String, List<CheckResult>> checksByGroup(VerificationResult result) {
    Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
    groups.put(GRAPH, new ArrayList<>());
    for (BackendRun run : result.backends()) {
      groups.put(run.backend(), new ArrayList<>());
    }
    for (CheckResult c : result.checks()) {
      groups.computeIfAbsent(groupOf(c.backend()), k -> new ArrayList<>()).add(c);
    }
    groups.values().removeIf(List::isEmpty);
    return groups;
  }

  static String groupOf(String backend) {
    return backend == null ? GRAPH : backend;
  }

  /** {@code 3f2a9c1d7b10 Create account table}, or the bare id of a revision the graph lacks. */
  static String revisionTitle(VerificationResult result, String id) {
    for (VerifiedRevision r : result.revisions()) {
      if (r.id().equals(id)) {
        return r.message() == null || r.message().isBlank() ? id : id + " " + r.message();
      }
    }
    return id;
  }

  /**
   * A backend × revision cell: the worst severity found there, {@link Cell#CLEAN}, or {@link
   * Cell#NOT_RUN} when the backend was skipped or every check of that revision on it was.
   */
  static Cell cell(VerificationResult result, BackendRun run, String revision) {
    if (!run.ran()) {
      return Cell.NOT_RUN;
    }
    Severity worst = result.worst(run.backend(), revision);
    if (worst != null) {
      return Cell.of(worst);
    }
    boolean anyRan =
        result.checks().stream()
            .anyMatch(
                c ->
                    Objects.equals(c.backend(), run.backend())
                        && Objects.equals(c.revision(), revision)
                        && c.outcome() != CheckResult.Outcome.SKIPPED);
    return anyRan ? Cell.CLEAN : Cell.NOT_RUN;
  }

  /** The worst severity over all backends and the graph, as the HTML graph colours a node. */
  static Cell overall(VerificationResult result, String revision) {
    Severity worst = result.worst(null, revision);
    return worst == null ? Cell.CLEAN : Cell.of(worst);
  }

  enum Cell {
    ERROR,
    WARNING,
    INFO,
    CLEAN,
    NOT_RUN;

    static Cell of(Severity severity) {
      return switch (severity) {
        case ERROR -> ERROR;
        case WARNING -> WARNING;
        case INFO -> INFO;
      };
    }

    /**
     * The CSS class: {@code error}, {@code warning}, {@code info}, {@code clean}, {@code not-run}.
     */
    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
