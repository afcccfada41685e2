package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.VerificationResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal's text, exactly. */
class TextReportTest {

  @Test
  void findingsGroupedPerBackendThenSkippedBackendsThenTheSummaryLine() {
    assertThat(TextReport.render(Samples.branchAndMerge()))
        .isEqualTo(
            """
            sqlite
              WARNING DESTRUCTIVE_CHANGE sqlite e1f2a3b4c5d6: the up drops a column
                  - column account.legacy_note TEXT
              INFO IRREVERSIBLE sqlite e1f2a3b4c5d6: declared irreversible: legacy notes are dropped for good
            postgresql
              ERROR DOWNGRADE_LEAVES_TRACE postgresql 8b41e0c2d9a7: the schema after down differs from the schema before up
                  index ix_account_email on account is still there after down
                  column account.email is still there after down
              ERROR UPGRADE_NOT_REPEATABLE postgresql 8b41e0c2d9a7: up again fails: relation "ix_account_email" already exists
              INFO DATA_LOSS postgresql c05d7e9f1a22: check opted out: task rows come from a trigger
              WARNING DESTRUCTIVE_CHANGE postgresql e1f2a3b4c5d6: the up drops a column
                  - column account.legacy_note text
              INFO IRREVERSIBLE postgresql e1f2a3b4c5d6: declared irreversible: legacy notes are dropped for good
            mysql skipped: MIGRATE_TEST_MYSQL_URL is not set
            verify: 2 errors, 2 warnings, 3 info on sqlite, postgresql (74 checks, 12.3 s, seed 42)
            """);
  }

  @Test
  void aCleanRunIsTheSummaryLineAlone() {
    VerificationResult clean =
        new VerificationResult(
            List.of(),
            List.of(),
            List.of(new BackendRun("sqlite", null, Duration.ofMillis(40))),
            List.of(),
            List.of(),
            1,
            Duration.ofMillis(1_050));
    assertThat(TextReport.render(clean))
        .isEqualTo("verify: 0 errors, 0 warnings, 0 info on sqlite (0 checks, 1.1 s, seed 1)\n");
  }

  @Test
  void noBackendRanSaysSo() {
    VerificationResult none =
        new VerificationResult(
            List.of(),
            List.of(),
            List.of(new BackendRun("mysql", "server unreachable", Duration.ZERO)),
            List.of(),
            List.of(),
            3,
            Duration.ZERO);
    assertThat(TextReport.render(none))
        .isEqualTo(
            "mysql skipped: server unreachable\n"
                + "verify: 0 errors, 0 warnings, 0 info on no backend (0 checks, 0.0 s, seed 3)\n");
  }
}
