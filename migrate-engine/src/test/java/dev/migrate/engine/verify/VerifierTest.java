package dev.migrate.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What findings and check results say, beyond their codes. */
class VerifierTest {

  private static VerificationResult verify(DatabaseKind kind, String fixture, VerifyOptions options)
      throws Exception {
    Path dir = Path.of(VerifierTest.class.getResource("/verify/" + fixture).toURI());
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    return Verifier.of(graph, null, options)
        .run(List.of(Verifier.Backend.ready(TestDatabases.sandbox(kind))));
  }

  private static Finding only(VerificationResult result, FindingCode code) {
    List<Finding> found = result.findings().stream().filter(f -> f.code() == code).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static CheckResult check(VerificationResult result, String revision, Check check) {
    return result.checks().stream()
        .filter(c -> revision.equals(c.revision()) && c.check() == check)
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aForgottenIndexIsNamedInPlainWords(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "leaves_trace", VerifyOptions.defaults());
    Finding trace = only(result, FindingCode.DOWNGRADE_LEAVES_TRACE);
    assertThat(trace.backend()).isEqualTo(kind.id());
    assertThat(trace.details())
        .containsExactly(
            "index ix_account_nickname on account(full_name) is there after the downgrade but not"
                + " before the upgrade");
    Finding again = only(result, FindingCode.UPGRADE_NOT_REPEATABLE);
    assertThat(again.message())
        .startsWith("the upgrade fails after the downgrade: statement 2 of 2");
    assertThat(again.details()).anyMatch(d -> d.startsWith("statement 2: CREATE INDEX"));
  }

  /** Rows the generator cannot make valid are said once each, as information, never a loss. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void rowsThatCannotBeMadeValidAreSaidOnceEach(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "unfillable", VerifyOptions.defaults());
    assertThat(result.hasErrors()).isFalse();
    List<Finding> notes =
        result.findings().stream()
            .filter(f -> f.code() == FindingCode.DATA_LOSS && "f00000000002".equals(f.revision()))
            .toList();
    assertThat(notes)
        .hasSize(dev.migrate.engine.verify.rows.RowGenerator.ROWS_PER_TABLE)
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message())
                  .startsWith("task: a row could not be made to satisfy check ck_task_never");
            });
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void javaRevisionsDeclareIrreversibilityAndOptOutsWithAnnotations(DatabaseKind kind) {
    RevisionGraph graph =
        RevisionGraph.of(
            RevisionLoader.load(
                null,
                "dev.migrate.engine.verify.javarevisions",
                VerifierTest.class.getClassLoader()));
    VerificationResult result =
        Verifier.of(graph, null, VerifyOptions.defaults())
            .run(List.of(Verifier.Backend.ready(TestDatabases.sandbox(kind))));
    assertThat(
            result.findings().stream().map(f -> f.severity() + " " + f.code() + " " + f.revision()))
        .containsExactly("INFO IRREVERSIBLE b10000000002");
    assertThat(only(result, FindingCode.IRREVERSIBLE).message())
        .isEqualTo("declared irreversible (DropLegacyCode): the legacy codes are gone for good");
    assertThat(check(result, "b10000000002", Check.NOT_DESTRUCTIVE).reason())
        .isEqualTo("the legacy code was unused since 2024");
    assertThat(check(result, "b10000000003", Check.DOWN_RESTORES_SCHEMA).reason())
        .isEqualTo("the nickname column is kept on purpose");
    assertThat(check(result, "b10000000003", Check.UPGRADE).outcome())
        .isEqualTo(CheckResult.Outcome.PASSED);
  }

  @Test
  void aJavaRevisionWhoseChecksumChangesFromOneLoadToTheNextIsAChecksumMismatch() {
    RevisionGraph graph =
        RevisionGraph.of(
            RevisionLoader.load(
                null, "dev.migrate.engine.verify.unstable", VerifierTest.class.getClassLoader()));
    VerificationResult result =
        Verifier.of(graph, null, VerifyOptions.defaults())
            .run(List.of(Verifier.Backend.ready(TestDatabases.sandbox(DatabaseKind.SQLITE))));
    assertThat(
            result.findings().stream().map(f -> f.severity() + " " + f.code() + " " + f.revision()))
        .containsExactly("ERROR CHECKSUM_MISMATCH c20000000002");
    Finding unstable = only(result, FindingCode.CHECKSUM_MISMATCH);
    assertThat(unstable.message())
        .startsWith("SeedInstallId renders a different upgrade each time it is loaded")
        .contains(
            "its checksum changes from one load to the next, so every database that applied it"
                + " will read as edited");
    assertThat(unstable.details())
        .hasSize(2)
        .allMatch(d -> d.startsWith("checksum of the") && d.contains("v2:"));
    assertThat(check(result, "c20000000002", Check.CHECKSUM_UNCHANGED).outcome())
        .isEqualTo(CheckResult.Outcome.FAILED);

    VerificationResult skipped =
        Verifier.of(
                graph,
                null,
                VerifyOptions.defaults()
                    .withSkips(java.util.Map.of(Check.CHECKSUM_UNCHANGED, "ids are random")))
            .run(List.of(Verifier.Backend.ready(TestDatabases.sandbox(DatabaseKind.SQLITE))));
    assertThat(skipped.findings()).isEmpty();
  }

  @Test
  void irreversibleRevisionsAreNamedOnceByTheirPathUnderTheRevisionsDirectory() throws Exception {
    VerificationResult result =
        verify(DatabaseKind.SQLITE, "irreversible", VerifyOptions.defaults());
    assertThat(result.findings().stream().map(f -> f.severity() + " " + f.message()))
        .containsExactly(
            "ERROR no downgrade for sqlite and none declared irreversible: 002.sql has no '--"
                + " migrate:down' section; add one, or write '-- migrate:down irreversible' if it"
                + " cannot be undone",
            "INFO declared irreversible: 003.sql says '-- migrate:down irreversible'");
    for (Check check : List.of(Check.REVERSIBLE, Check.DOWNGRADE, Check.DATA_KEPT)) {
      assertThat(check(result, "e00000000003", check).reason())
          .as(check.label())
          .isEqualTo("declared irreversible: 003.sql says '-- migrate:down irreversible'");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void everyObjectADownForgetsIsNamed(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "forgets_objects", VerifyOptions.defaults());
    List<String> details = only(result, FindingCode.DOWNGRADE_LEAVES_TRACE).details();
    List<String> expected =
        switch (kind) {
          case POSTGRESQL ->
              List.of(
                  "view active_account",
                  "trigger trg_account_touch on account",
                  "sequence invoice_no",
                  "enum type mood",
                  "index ix_account_active on account(email) WHERE",
                  "index ix_account_lower on account(");
          case MYSQL -> List.of("view active_account", "trigger trg_account_touch on account");
          case SQLITE ->
              List.of(
                  "view active_account",
                  "trigger trg_account_touch on account",
                  "index ix_account_active on account(email) WHERE");
        };
    for (String object : expected) {
      assertThat(details).as(details.toString()).anyMatch(d -> d.startsWith(object));
    }
    assertThat(details).allMatch(d -> d.contains("there after the downgrade but not before"));
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void aForgottenCommentAndARoutineAreNamedInPlainWords(DatabaseKind kind) throws Exception {
    assertThat(
            only(
                    verify(kind, "forgets_comment", VerifyOptions.defaults()),
                    FindingCode.DOWNGRADE_LEAVES_TRACE)
                .details())
        .containsExactly(
            "column account.email: comment 'login' after the downgrade, no comment before the"
                + " upgrade");

    VerificationResult routines = verify(kind, "forgets_routine", VerifyOptions.defaults());
    List<String> traces =
        routines.findings().stream()
            .filter(f -> f.code() == FindingCode.DOWNGRADE_LEAVES_TRACE)
            .flatMap(f -> f.details().stream().map(d -> f.revision() + " " + d))
            .toList();
    String routine =
        kind == DatabaseKind.POSTGRESQL
            ? "function close_account(integer)"
            : "procedure close_account";
    assertThat(traces)
        .as(traces.toString())
        .hasSize(2)
        .anyMatch(
            d ->
                d.startsWith("a91000000002 " + routine + " (")
                    && d.endsWith("is there after the downgrade but not before the upgrade"))
        .anyMatch(
            d ->
                d.startsWith("a91000000003 " + routine + ": ")
                    && d.contains("'by_user'")
                    && d.endsWith("before the upgrade"));
    assertThat(only(routines, FindingCode.UPGRADE_NOT_REPEATABLE).message())
        .startsWith("the upgrade fails after the downgrade: statement 1 of 1");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRevisionDependingOnAnotherBranchIsCheckedOnBoth(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "depends_on", VerifyOptions.defaults());
    for (String revision :
        List.of("a80000000001", "a80000000002", "a80000000003", "a80000000004")) {
      assertThat(check(result, revision, Check.UP_REPEATABLE).outcome())
          .as(revision)
          .isEqualTo(CheckResult.Outcome.PASSED);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailedUpgradeNamesTheStatementAndStopsWhatStandsOnIt(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "upgrade_fails", VerifyOptions.defaults());
    Finding failed = only(result, FindingCode.UPGRADE_FAILED);
    assertThat(failed.revision()).isEqualTo("a10000000002");
    assertThat(failed.message()).startsWith("statement 1 of 1 failed: ").contains("no_such_table");
    assertThat(failed.details())
        .contains("statement 1: ALTER TABLE no_such_table ADD COLUMN x INTEGER");
    CheckResult above = check(result, "a10000000003", Check.UPGRADE);
    assertThat(above.outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
    assertThat(above.reason()).isEqualTo("revision a10000000002 below it failed to upgrade");
    assertThat(check(result, "a10000000001", Check.DOWN_RESTORES_SCHEMA).outcome())
        .isEqualTo(CheckResult.Outcome.PASSED);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void bothBranchesOfTwoHeadsAreWalked(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "two_heads", VerifyOptions.defaults());
    for (String revision : List.of("c00000000001", "c00000000002", "c00000000003")) {
      for (Check c : List.of(Check.UPGRADE, Check.DOWN_RESTORES_SCHEMA, Check.UP_REPEATABLE)) {
        assertThat(check(result, revision, c).outcome())
            .as(revision + " " + c)
            .isEqualTo(CheckResult.Outcome.PASSED);
      }
    }
    assertThat(only(result, FindingCode.MULTIPLE_HEADS).message())
        .startsWith("2 heads and no merge: ");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anOptOutIsASkipWithItsReason(DatabaseKind kind) throws Exception {
    VerificationResult result = verify(kind, "opted_out", VerifyOptions.defaults());
    CheckResult trace = check(result, "a40000000002", Check.DOWN_RESTORES_SCHEMA);
    assertThat(trace.outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
    assertThat(trace.reason()).isEqualTo("the index is shared with the reporting job and stays");
    assertThat(check(result, "a40000000002", Check.UP_REPEATABLE).outcome())
        .isEqualTo(CheckResult.Outcome.SKIPPED);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDroppedColumnIsDestructiveAndAnErrorWhenAskedFor(DatabaseKind kind) throws Exception {
    VerificationResult result =
        verify(kind, "destructive", VerifyOptions.defaults().withFailOnDestructive(true));
    Finding destructive = only(result, FindingCode.DESTRUCTIVE_CHANGE);
    assertThat(destructive.severity()).isEqualTo(Severity.ERROR);
    assertThat(destructive.details()).containsExactly("column account.full_name is dropped");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void belowTheMinimumDowngradeRevisionNothingIsWalkedDown(DatabaseKind kind) throws Exception {
    List<String> progress = new ArrayList<>();
    VerificationResult result =
        verify(
            kind,
            "downgrade_fails",
            VerifyOptions.defaults()
                .withMinimumDowngrade("f00000000002")
                .withProgress(step -> progress.add(step.line())));
    assertThat(result.findings()).noneMatch(Finding::isError);
    assertThat(check(result, "f00000000002", Check.DOWNGRADE).reason())
        .isEqualTo("at or below the minimum downgrade revision f00000000002; not walked down");
    assertThat(check(result, "f00000000003", Check.DOWNGRADE).outcome())
        .isEqualTo(CheckResult.Outcome.PASSED);
    assertThat(progress).hasSize(3).allMatch(line -> line.startsWith(kind.id() + " f0000000000"));
  }
}
