package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.Check;
import dev.migrate.engine.verify.CheckResult;
import dev.migrate.engine.verify.CheckResult.Outcome;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.FindingCode;
import dev.migrate.engine.verify.Severity;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.VerifiedRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Verification results built by hand, as the verifier would report them. */
final class Samples {
  static final String A = "3f2a9c1d7b10";
  static final String B = "8b41e0c2d9a7";
  static final String C = "c05d7e9f1a22";
  static final String D = "d9e8f7a6b5c4";
  static final String E = "e1f2a3b4c5d6";

  private static final Set<Check> STEP_CHECKS =
      EnumSet.of(
          Check.UPGRADE,
          Check.REVERSIBLE,
          Check.DOWNGRADE,
          Check.DOWN_RESTORES_SCHEMA,
          Check.UP_REPEATABLE,
          Check.DATA_KEPT,
          Check.NOT_DESTRUCTIVE);
  private static final Set<Check> NEED_A_DOWNGRADE =
      EnumSet.of(Check.DOWNGRADE, Check.DOWN_RESTORES_SCHEMA, Check.UP_REPEATABLE, Check.DATA_KEPT);

  private Samples() {}

  /**
   * A branch (B and C from A), their merge D, and E after the merge depending on C; checked on
   * SQLite and PostgreSQL, MySQL skipped. B's down leaves an index on PostgreSQL, E drops a column
   * (declared irreversible), C's data check is opted out on PostgreSQL.
   */
  static VerificationResult branchAndMerge() {
    List<VerifiedRevision> revisions =
        List.of(
            new VerifiedRevision(A, "Create account table", List.of(), List.of(), "versions/a.sql"),
            new VerifiedRevision(
                B, "Add email to account", List.of(A), List.of(), "versions/b.sql"),
            new VerifiedRevision(C, "Create task table", List.of(A), List.of(), "versions/c.sql"),
            new VerifiedRevision(
                D, "Merge email and task", List.of(B, C), List.of(), "versions/d.sql"),
            new VerifiedRevision(
                E, "Drop legacy <note> & \"flags\"", List.of(D), List.of(C), "versions/e.sql"));
    List<Finding> findings =
        List.of(
            Finding.of(
                FindingCode.DESTRUCTIVE_CHANGE,
                "sqlite",
                E,
                "the up drops a column",
                List.of("- column account.legacy_note TEXT")),
            new Finding(
                FindingCode.IRREVERSIBLE,
                Severity.INFO,
                "sqlite",
                E,
                "declared irreversible: legacy notes are dropped for good",
                List.of()),
            Finding.of(
                FindingCode.DOWNGRADE_LEAVES_TRACE,
                "postgresql",
                B,
                "the schema after down differs from the schema before up",
                List.of(
                    "index ix_account_email on account is still there after down",
                    "column account.email is still there after down")),
            Finding.of(
                FindingCode.UPGRADE_NOT_REPEATABLE,
                "postgresql",
                B,
                "up again fails: relation \"ix_account_email\" already exists",
                List.of()),
            new Finding(
                FindingCode.DATA_LOSS,
                Severity.INFO,
                "postgresql",
                C,
                "check opted out: task rows come from a trigger",
                List.of()),
            Finding.of(
                FindingCode.DESTRUCTIVE_CHANGE,
                "postgresql",
                E,
                "the up drops a column",
                List.of("- column account.legacy_note text")),
            new Finding(
                FindingCode.IRREVERSIBLE,
                Severity.INFO,
                "postgresql",
                E,
                "declared irreversible: legacy notes are dropped for good",
                List.of()));
    List<BackendRun> backends =
        List.of(
            new BackendRun("sqlite", null, Duration.ofMillis(2_100)),
            new BackendRun("postgresql", null, Duration.ofMillis(7_900)),
            new BackendRun("mysql", "MIGRATE_TEST_MYSQL_URL is not set", Duration.ZERO));
    return new VerificationResult(
        revisions,
        List.of(E),
        backends,
        checks(revisions, List.of(E), backends, findings, Set.of(E)),
        findings,
        42,
        Duration.ofMillis(12_345));
  }

  /** The checks as the verifier would record them for these findings. */
  static List<CheckResult> checks(
      List<VerifiedRevision> revisions,
      List<String> heads,
      List<BackendRun> backends,
      List<Finding> findings,
      Set<String> declaredIrreversible) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(check(null, null, Check.GRAPH_VALID, findings));
    checks.add(check(null, null, Check.SINGLE_HEAD, findings));
    for (BackendRun run : backends) {
      if (!run.ran()) {
        continue;
      }
      for (VerifiedRevision revision : revisions) {
        for (Check check : STEP_CHECKS) {
          if (declaredIrreversible.contains(revision.id()) && NEED_A_DOWNGRADE.contains(check)) {
            checks.add(
                new CheckResult(
                    run.backend(),
                    revision.id(),
                    check,
                    Outcome.SKIPPED,
                    "declared irreversible",
                    List.of()));
          } else {
            checks.add(check(run.backend(), revision.id(), check, findings));
          }
        }
      }
      for (String head : heads) {
        checks.add(check(run.backend(), head, Check.MODELS_MATCH, findings));
      }
    }
    return checks;
  }

  private static CheckResult check(
      String backend, String revision, Check check, List<Finding> findings) {
    List<Finding> found =
        findings.stream()
            .filter(
                f ->
                    f.code() == check.code()
                        && Objects.equals(f.backend(), backend)
                        && Objects.equals(f.revision(), revision))
            .toList();
    if (found.stream().anyMatch(f -> f.severity() != Severity.INFO)) {
      return new CheckResult(backend, revision, check, Outcome.FAILED, null, found);
    }
    if (check == Check.DATA_KEPT && !found.isEmpty()) {
      return new CheckResult(
          backend, revision, check, Outcome.SKIPPED, found.get(0).message(), found);
    }
    return new CheckResult(backend, revision, check, Outcome.PASSED, null, found);
  }

  /** Text that needs escaping in every format: markup, quotes, a control character, non-ASCII. */
  static final String TRICKY = "<b>\"q\" & 'a' | *x* `c` \\ [l](u) \u0007 é ✓ 😀";

  /** One revision on SQLite whose message, finding and details are all {@link #TRICKY}. */
  static VerificationResult tricky() {
    List<VerifiedRevision> revisions =
        List.of(new VerifiedRevision("r1", TRICKY, List.of(), List.of(), "versions/r1.sql"));
    List<Finding> findings =
        List.of(
            Finding.of(
                FindingCode.DATA_LOSS,
                "sqlite",
                "r1",
                TRICKY,
                List.of(TRICKY, "line\nbreak\ttab")));
    List<BackendRun> backends = List.of(new BackendRun("sqlite", null, Duration.ofMillis(250)));
    return new VerificationResult(
        revisions,
        List.of("r1"),
        backends,
        List.of(new CheckResult("sqlite", "r1", Check.DATA_KEPT, Outcome.FAILED, null, findings)),
        findings,
        7,
        Duration.ofMillis(300));
  }
}
