package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.FindingCode;
import dev.migrate.engine.verify.VerificationResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --format json}: the document, read back by a strict parser and compared field by field.
 */
class JsonReportTest {

  @Test
  void everyFindingWithAllItsFieldsInOrder() {
    Map<String, Object> doc = parse(Samples.branchAndMerge());
    assertThat(doc.keySet()).containsExactly("findings", "summary");
    List<?> findings = (List<?>) doc.get("findings");
    assertThat(findings).hasSize(7);
    assertThat(findings.get(2))
        .isEqualTo(
            Map.of(
                "code", "DOWNGRADE_LEAVES_TRACE",
                "severity", "error",
                "backend", "postgresql",
                "revision", Samples.B,
                "message", "the schema after down differs from the schema before up",
                "details",
                    List.of(
                        "index ix_account_email on account is still there after down",
                        "column account.email is still there after down")));
    assertThat(List.copyOf(((Map<?, ?>) findings.get(0)).keySet()))
        .isEqualTo(List.of("code", "severity", "backend", "revision", "message", "details"));
    assertThat(findings.stream().map(f -> ((Map<?, ?>) f).get("severity")).toList())
        .isEqualTo(List.of("warning", "info", "error", "error", "info", "warning", "info"));
  }

  @Test
  void summaryCountsBackendsChecksSeedAndVerdict() {
    Map<?, ?> summary = (Map<?, ?>) parse(Samples.branchAndMerge()).get("summary");
    assertThat(List.copyOf(summary.keySet()))
        .isEqualTo(
            List.of("ok", "counts", "backends", "revisions", "heads", "checks", "seed", "seconds"));
    assertThat(summary.get("ok")).isEqualTo(false);
    assertThat(summary.get("counts"))
        .isEqualTo(Map.of("error", num("2"), "warning", num("2"), "info", num("3")));
    assertThat(summary.get("backends"))
        .isEqualTo(
            List.of(
                backend("sqlite", true, null, "2.100"),
                backend("postgresql", true, null, "7.900"),
                backend("mysql", false, "MIGRATE_TEST_MYSQL_URL is not set", "0.000")));
    assertThat(summary.get("revisions")).isEqualTo(num("5"));
    assertThat(summary.get("heads")).isEqualTo(List.of(Samples.E));
    assertThat(summary.get("checks"))
        .isEqualTo(
            Map.of(
                "total", num("74"), "passed", num("61"), "failed", num("4"), "skipped", num("9")));
    assertThat(summary.get("seed")).isEqualTo(num("42"));
    assertThat(summary.get("seconds")).isEqualTo(num("12.345"));
  }

  @Test
  void okWhenOnlyWarningsAndNullForAGraphFinding() {
    List<Finding> findings =
        List.of(Finding.of(FindingCode.DESTRUCTIVE_CHANGE, null, null, "drops a table", List.of()));
    VerificationResult result =
        new VerificationResult(
            List.of(),
            List.of(),
            List.of(new BackendRun("sqlite", null, Duration.ofMillis(5))),
            List.of(),
            findings,
            -9,
            Duration.ofMillis(5));
    assertThat(JsonReport.render(result))
        .isEqualTo(
            """
            {
              "findings": [
                {
                  "code": "DESTRUCTIVE_CHANGE",
                  "severity": "warning",
                  "backend": null,
                  "revision": null,
                  "message": "drops a table",
                  "details": []
                }
              ],
              "summary": {
                "ok": true,
                "counts": {
                  "error": 0,
                  "warning": 1,
                  "info": 0
                },
                "backends": [
                  {
                    "id": "sqlite",
                    "ran": true,
                    "reason": null,
                    "seconds": 0.005
                  }
                ],
                "revisions": 0,
                "heads": [],
                "checks": {
                  "total": 0,
                  "passed": 0,
                  "failed": 0,
                  "skipped": 0
                },
                "seed": -9,
                "seconds": 0.005
              }
            }
            """);
  }

  @Test
  void quotesBackslashesAndControlCharactersEscapedNonAsciiKept() {
    String json = JsonReport.render(Samples.tricky());
    assertThat(json)
        .contains("\"<b>\\\"q\\\" & 'a' | *x* `c` \\\\ [l](u) \\u0007 é ✓ 😀\"")
        .contains("\"line\\nbreak\\ttab\"");
    Map<?, ?> finding = (Map<?, ?>) ((List<?>) parse(Samples.tricky()).get("findings")).get(0);
    assertThat(finding.get("message")).isEqualTo(Samples.TRICKY);
    assertThat(finding.get("details")).isEqualTo(List.of(Samples.TRICKY, "line\nbreak\ttab"));
  }

  @Test
  void writerEscapesEveryControlCharacterAndLoneSurrogates() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    all.append('\u007f').append('\ud800').append("x");
    StringBuilder out = new StringBuilder();
    Json.string(out, all.toString());
    assertThat(
            out.chars().allMatch(c -> c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c)))
        .isTrue();
    assertThat(StrictJson.parse(out.toString())).isEqualTo(all.toString());
  }

  @Test
  void theStrictReaderRejectsWhatJsonForbids() {
    assertThatThrownBy(() -> StrictJson.parse("[1,]")).hasMessageContaining("value expected");
    assertThatThrownBy(() -> StrictJson.parse("\"a\nb\"")).hasMessageContaining("control");
    assertThatThrownBy(() -> StrictJson.parse("01")).hasMessageContaining("trailing");
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("dup");
    assertThatThrownBy(() -> StrictJson.parse("\"\\x\"")).hasMessageContaining("escape");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(VerificationResult result) {
    return (Map<String, Object>) StrictJson.parse(JsonReport.render(result));
  }

  private static BigDecimal num(String n) {
    return new BigDecimal(n);
  }

  private static Map<String, Object> backend(String id, boolean ran, String reason, String secs) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", id);
    m.put("ran", ran);
    m.put("reason", reason);
    m.put("seconds", num(secs));
    return m;
  }
}
