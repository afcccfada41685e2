package dev.migrate.engine.verify;

import java.util.List;
import java.util.Objects;

/**
 * How one check went on one backend and revision: a row of the JUnit XML report and a cell of the
 * HTML matrix.
 *
 * @param backend the backend id, or null for the graph checks
 * @param revision the revision id, or null for the graph checks; the head for {@link
 *     Check#MODELS_MATCH}
 * @param check which check
 * @param outcome passed, failed (findings of error or warning severity), or skipped
 * @param reason why it was skipped (an opt-out's reason, a failed revision it depends on), or null
 * @param findings what it found (declared facts and opt-outs too, as {@code info})
 */
public record CheckResult(
    String backend,
    String revision,
    Check check,
    Outcome outcome,
    String reason,
    List<Finding> findings) {

  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    findings = List.copyOf(findings);
  }
}
