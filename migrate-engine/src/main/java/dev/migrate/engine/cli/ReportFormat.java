package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.VerificationResult;
import java.nio.file.Path;
import java.util.Locale;

/** The output formats of {@code migrate verify} [contract]. */
enum ReportFormat {
  TEXT,
  JSON,
  JUNIT,
  MARKDOWN;

  static ReportFormat of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw MigrateException.badInput(
          "Unknown --format '" + name + "'; expected text, json, junit or markdown");
    }
  }

  String render(VerificationResult result) {
    StringBuilder s = new StringBuilder();
    for (Finding f : result.findings()) {
      s.append(f.describe()).append('\n');
    }
    s.append(result.hasErrors() ? "verify found errors\n" : "verify passed\n");
    return s.toString();
  }

  static Path writeHtml(Path dir, VerificationResult result) {
    throw MigrateException.badInput("--report is not available yet");
  }
}
