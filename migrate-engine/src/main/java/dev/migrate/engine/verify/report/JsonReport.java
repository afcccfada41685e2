package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.CheckResult.Outcome;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.Severity;
import dev.migrate.engine.verify.VerificationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code migrate verify --format json} [contract]: one UTF-8 document, keys always present (null
 * where a finding has no backend or revision, or a backend ran), seconds with three decimals.
 *
 * <pre>
 * {
 *   "findings": [
 *     {"code": "DATA_LOSS", "severity": "error", "backend": "mysql", "revision": "3f2a9c1d7b10",
 *      "message": "…", "details": ["…"]}
 *   ],
 *   "summary": {
 *     "ok": false,
 *     "counts": {"error": 1, "warning": 0, "info": 0},
 *     "backends": [{"id": "mysql", "ran": true, "reason": null, "seconds": 3.210}],
 *     "revisions": 5,
 *     "heads": ["…"],
 *     "checks": {"total": 84, "passed": 80, "failed": 3, "skipped": 1},
 *     "seed": 42,
 *     "seconds": 12.345
 *   }
 * }
 * </pre>
 *
 * {@code ok} is true when no finding is an error.
 */
public final class JsonReport {
  private JsonReport() {}

  public static String render(VerificationResult result) {
    Map<String, Object> document = new LinkedHashMap<>();
    List<Object> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      Map<String, Object> finding = new LinkedHashMap<>();
      finding.put("code", f.code().name());
      finding.put("severity", f.severity().id());
      finding.put("backend", f.backend());
      finding.put("revision", f.revision());
      finding.put("message", f.message());
      finding.put("details", f.details());
      findings.add(finding);
    }
    document.put("findings", findings);
    document.put("summary", summary(result));
    return Json.write(document);
  }

  private static Map<String, Object> summary(VerificationResult result) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("ok", !result.hasErrors());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      counts.put(severity.id(), result.count(severity));
    }
    summary.put("counts", counts);
    List<Object> backends = new ArrayList<>();
    for (BackendRun run : result.backends()) {
      Map<String, Object> backend = new LinkedHashMap<>();
      backend.put("id", run.backend());
      backend.put("ran", run.ran());
      backend.put("reason", run.skippedBecause());
      backend.put("seconds", Facts.exactSeconds(run.took()));
      backends.add(backend);
    }
    summary.put("backends", backends);
    summary.put("revisions", result.revisions().size());
    summary.put("heads", result.heads());
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("total", result.checks().size());
    checks.put("passed", Facts.count(result.checks(), Outcome.PASSED));
    checks.put("failed", Facts.count(result.checks(), Outcome.FAILED));
    checks.put("skipped", Facts.count(result.checks(), Outcome.SKIPPED));
    summary.put("checks", checks);
    summary.put("seed", result.seed());
    summary.put("seconds", Facts.exactSeconds(result.took()));
    return summary;
  }
}
