package dev.migrate.test;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.Check;
import dev.migrate.engine.verify.CheckResult;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.VerifiedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Every built-in check as a test of its own, named so that the IDE's tree reads like the report:
 * {@code postgresql › 3f2a9c1d7b10 Create account table › down restores the schema}. A failure's
 * message is the finding in the words of {@code migrate verify}; an opted-out check, or one not run
 * because a revision below failed, is skipped with its reason. Implement it on a {@link
 * MigrationTest} class.
 */
public interface MigrationChecks {

  @TestFactory
  default Stream<DynamicNode> migrationChecks(VerificationResult result) {
    List<DynamicNode> nodes = new ArrayList<>();
    result.checks().stream()
        .filter(c -> c.backend() == null)
        .forEach(c -> nodes.add(dynamicTest(c.check().label(), () -> outcome(c))));
    for (BackendRun run : result.backends()) {
      List<DynamicNode> perBackend = new ArrayList<>();
      if (!run.ran()) {
        DatabaseKind kind = DatabaseKind.fromId(run.backend());
        perBackend.add(
            dynamicTest(
                "available", () -> MigrationExtension.unavailable(kind, run.skippedBecause())));
      }
      for (VerifiedRevision revision : result.revisions()) {
        List<DynamicNode> tests =
            checksOf(result, run.backend(), revision.id()).stream()
                .filter(c -> c.check() != Check.MODELS_MATCH)
                .map(c -> (DynamicNode) dynamicTest(c.check().label(), () -> outcome(c)))
                .toList();
        if (!tests.isEmpty()) {
          perBackend.add(dynamicContainer(revision.id() + " " + revision.message(), tests));
        }
      }
      result.checks().stream()
          .filter(c -> run.backend().equals(c.backend()) && c.check() == Check.MODELS_MATCH)
          .forEach(c -> perBackend.add(dynamicTest(c.check().label(), () -> outcome(c))));
      nodes.add(dynamicContainer(run.backend(), perBackend));
    }
    return nodes.stream();
  }

  private static List<CheckResult> checksOf(
      VerificationResult result, String backend, String revision) {
    return result.checks().stream()
        .filter(c -> backend.equals(c.backend()) && Objects.equals(revision, c.revision()))
        .toList();
  }

  private static void outcome(CheckResult check) {
    switch (check.outcome()) {
      case PASSED -> {}
      case SKIPPED -> Assumptions.abort(check.reason());
      case FAILED ->
          throw new AssertionFailedError(
              check.findings().stream()
                  .filter(f -> f.severity() != dev.migrate.engine.verify.Severity.INFO)
                  .map(Finding::describe)
                  .collect(Collectors.joining("\n")));
    }
  }
}
