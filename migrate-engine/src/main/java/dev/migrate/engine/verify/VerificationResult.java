package dev.migrate.engine.verify;

import java.time.Duration;
import java.util.List;

/**
 * Everything a verification found: the one result type behind {@code migrate verify}'s output, its
 * reports and the JUnit extension's tests.
 *
 * @param revisions the graph's revisions in topological order (roots first)
 * @param heads the graph's heads
 * @param backends each backend, in the order asked for
 * @param checks every check run or skipped, per backend and revision
 * @param findings every finding, in the order found per backend (graph findings first)
 * @param seed the seed of the generated rows; the same seed gives the same rows
 * @param took the whole verification's wall time
 */
public record VerificationResult(
    List<VerifiedRevision> revisions,
    List<String> heads,
    List<BackendRun> backends,
    List<CheckResult> checks,
    List<Finding> findings,
    long seed,
    Duration took) {

  public VerificationResult {
    revisions = List.copyOf(revisions);
    heads = List.copyOf(heads);
    backends = List.copyOf(backends);
    checks = List.copyOf(checks);
    findings = List.copyOf(findings);
  }

  /** This result with {@code more} checks (and their findings) after its own. */
  public VerificationResult plus(List<CheckResult> more) {
    List<CheckResult> allChecks = new java.util.ArrayList<>(checks);
    allChecks.addAll(more);
    List<Finding> allFindings = new java.util.ArrayList<>(findings);
    more.forEach(c -> allFindings.addAll(c.findings()));
    return new VerificationResult(revisions, heads, backends, allChecks, allFindings, seed, took);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** The worst severity found for a revision on a backend (any backend when null), or null. */
  public Severity worst(String backend, String revision) {
    Severity worst = null;
    for (Finding f : findings) {
      if (revision.equals(f.revision()) && (backend == null || backend.equals(f.backend()))) {
        if (worst == null || f.severity().ordinal() < worst.ordinal()) {
          worst = f.severity();
        }
      }
    }
    return worst;
  }
}
