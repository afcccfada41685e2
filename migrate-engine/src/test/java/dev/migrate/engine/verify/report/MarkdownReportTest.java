package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.FindingCode;
import dev.migrate.engine.verify.VerificationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pull-request summary: headline, facts, matrix, findings; Markdown specials escaped. */
class MarkdownReportTest {

  @Test
  void headlineFactsSkippedBackendAndTheMatrix() {
    String md = MarkdownReport.render(Samples.branchAndMerge());
    assertThat(md)
        .startsWith(
            """
            ### ❌ migrate verify: 2 errors, 2 warnings, 3 info

            5 revisions on sqlite, postgresql · 74 checks: 61 passed, 4 failed, 9 skipped · 12.3 s · seed 42

            - mysql skipped: MIGRATE\\_TEST\\_MYSQL\\_URL is not set

            | revision | message | sqlite | postgresql | mysql |
            |---|---|:-:|:-:|:-:|
            | 3f2a9c1d7b10 | Create account table | ✓ | ✓ | — |
            | 8b41e0c2d9a7 | Add email to account | ✓ | ❌ error | — |
            | c05d7e9f1a22 | Create task table | ✓ | ℹ️ info | — |
            | d9e8f7a6b5c4 | Merge email and task | ✓ | ✓ | — |
            | e1f2a3b4c5d6 | Drop legacy \\<note\\> \\& "flags" | ⚠️ warning | ⚠️ warning | — |

            #### Findings

            """);
    assertThat(md.split("<details>", -1)).hasSize(8);
    assertThat(md)
        .contains(
            """
            <details><summary>❌ <b>DOWNGRADE_LEAVES_TRACE</b> · postgresql · 8b41e0c2d9a7: \
            the schema after down differs from the schema before up</summary>

            ```
            index ix_account_email on account is still there after down
            column account.email is still there after down
            ```

            </details>
            """);
  }

  @Test
  void everythingEscapedInItsPlace() {
    assertThat(MarkdownReport.render(Samples.tricky()))
        .isEqualTo(
            """
            ### ❌ migrate verify: 1 error, 0 warnings, 0 info

            1 revision on sqlite · 1 check: 0 passed, 1 failed, 0 skipped · 0.3 s · seed 7

            | revision | message | sqlite |
            |---|---|:-:|
            | r1 | \\<b\\>"q" \\& 'a' \\| \\*x\\* \\`c\\` \\\\ \\[l\\](u) \\u0007 é ✓ 😀 | ❌ error |

            #### Findings

            <details><summary>❌ <b>DATA_LOSS</b> · sqlite · r1: &lt;b&gt;&quot;q&quot; &amp; \
            &#39;a&#39; | *x* `c` \\ [l](u) \\u0007 é ✓ 😀</summary>

            ```
            <b>"q" & 'a' | *x* `c` \\ [l](u) \\u0007 é ✓ 😀
            line
            break\ttab
            ```

            </details>

            """);
  }

  @Test
  void aFenceLongerThanAnyBacktickRunInTheDetails() {
    VerificationResult result =
        withFindings(
            List.of(
                Finding.of(FindingCode.MODEL_DRIFT, "sqlite", null, "drift", List.of("a ```` b"))));
    assertThat(MarkdownReport.render(result)).contains("\n`````\na ```` b\n`````\n");
  }

  @Test
  void aCleanRunHasACheckMarkAndNoFindingsSection() {
    String md = MarkdownReport.render(withFindings(List.of()));
    assertThat(md).startsWith("### ✅ migrate verify: 0 errors, 0 warnings, 0 info\n");
    assertThat(md).doesNotContain("Findings");
  }

  @Test
  void findingsStopBeforeGitHubsCommentLimitAndSayHowManyAreLeft() {
    List<Finding> many = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      many.add(
          Finding.of(
              FindingCode.DATA_LOSS, "sqlite", "r" + i, "rows lost", List.of("x".repeat(100))));
    }
    String md = MarkdownReport.render(withFindings(many));
    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.LIMIT + 100);
    int shown = md.split("<details>", -1).length - 1;
    assertThat(shown).isBetween(100, 999);
    assertThat(md).endsWith("… and " + (1_000 - shown) + " more findings, see the full report.\n");
  }

  private static VerificationResult withFindings(List<Finding> findings) {
    return new VerificationResult(
        List.of(),
        List.of(),
        List.of(new BackendRun("sqlite", null, Duration.ofMillis(10))),
        List.of(),
        findings,
        1,
        Duration.ofMillis(10));
  }
}
