package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.VerificationResult;
import java.util.List;
import java.util.Map;

/**
 * What the terminal shows at the end of {@code migrate verify} [contract]:
 *
 * <pre>
 * postgresql
 *   ERROR DOWNGRADE_LEAVES_TRACE postgresql 3f2a9c1d7b10: the schema after down differs
 *       index ix_account_email is still there
 * mysql skipped: MIGRATE_TEST_MYSQL_URL is not set
 * verify: 2 errors, 1 warning, 3 info on sqlite, postgresql (84 checks, 12.3 s, seed 42)
 * </pre>
 *
 * Findings are grouped under {@code graph} (no backend) and then each backend in the order asked
 * for; a group without findings is left out. Every line ends with {@code \n}.
 */
public final class TextReport {
  private TextReport() {}

  public static String render(VerificationResult result) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Finding>> group : Facts.findingsByGroup(result).entrySet()) {
      out.append(group.getKey()).append('\n');
      for (Finding f : group.getValue()) {
        out.append("  ").append(f.describe().replace("\n", "\n  ")).append('\n');
      }
    }
    for (BackendRun run : result.backends()) {
      if (!run.ran()) {
        out.append(run.backend()).append(" skipped: ").append(run.skippedBecause()).append('\n');
      }
    }
    return out.append(summaryLine(result)).append('\n').toString();
  }

  /**
   * {@code verify: 2 errors, 1 warning, 3 info on sqlite, postgresql (84 checks, 12.3 s, seed 42)}.
   */
  public static String summaryLine(VerificationResult result) {
    List<String> ran = Facts.ranBackends(result);
    return "verify: "
        + Facts.counts(result)
        + " on "
        + (ran.isEmpty() ? "no backend" : String.join(", ", ran))
        + " ("
        + Facts.plural(result.checks().size(), "check")
        + ", "
        + Facts.seconds(result.took())
        + " s, seed "
        + result.seed()
        + ")";
  }
}
