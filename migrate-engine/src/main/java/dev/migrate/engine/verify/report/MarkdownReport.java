package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.CheckResult.Outcome;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.Severity;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.VerifiedRevision;
import java.util.List;

/**
 * A GitHub-flavoured Markdown summary for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}
 * [contract]: a headline with ✅ (no error) or ❌, a line of facts, a revision × backend table (a
 * cell is the worst severity found, ✓ when clean, — when the backend was skipped or the revision
 * not checked on it), then each finding in a {@code <details>} block with its details in a code
 * block. Findings stop, with a note saying how many were left out, before the text would pass
 * {@link #LIMIT} characters (GitHub refuses longer comments).
 */
public final class MarkdownReport {
  /** Characters the findings may fill up to; GitHub's comment limit is 65 536. */
  public static final int LIMIT = 60_000;

  private MarkdownReport() {}

  public static String render(VerificationResult result) {
    StringBuilder out = new StringBuilder();
    out.append("### ")
        .append(result.hasErrors() ? "❌" : "✅")
        .append(" migrate verify: ")
        .append(Facts.counts(result))
        .append("\n\n");
    out.append(facts(result)).append("\n\n");
    for (BackendRun run : result.backends()) {
      if (!run.ran()) {
        out.append("- ")
            .append(escape(run.backend()))
            .append(" skipped: ")
            .append(escape(run.skippedBecause()))
            .append('\n');
      }
    }
    if (result.backends().stream().anyMatch(r -> !r.ran())) {
      out.append('\n');
    }
    table(result, out);
    if (!result.findings().isEmpty()) {
      out.append("\n#### Findings\n\n");
      List<Finding> findings = result.findings();
      for (int i = 0; i < findings.size(); i++) {
        String block = finding(findings.get(i));
        if (out.length() + block.length() > LIMIT) {
          out.append("… and ")
              .append(Facts.plural(findings.size() - i, "more finding"))
              .append(", see the full report.\n");
          break;
        }
        out.append(block);
      }
    }
    return out.toString();
  }

  private static String facts(VerificationResult result) {
    List<String> ran = Facts.ranBackends(result);
    return Facts.plural(result.revisions().size(), "revision")
        + " on "
        + (ran.isEmpty() ? "no backend" : escape(String.join(", ", ran)))
        + " · "
        + Facts.plural(result.checks().size(), "check")
        + ": "
        + Facts.count(result.checks(), Outcome.PASSED)
        + " passed, "
        + Facts.count(result.checks(), Outcome.FAILED)
        + " failed, "
        + Facts.count(result.checks(), Outcome.SKIPPED)
        + " skipped · "
        + Facts.seconds(result.took())
        + " s · seed "
        + result.seed();
  }

  private static void table(VerificationResult result, StringBuilder out) {
    if (result.revisions().isEmpty() || result.backends().isEmpty()) {
      return;
    }
    out.append("| revision | message |");
    for (BackendRun run : result.backends()) {
      out.append(' ').append(escape(run.backend())).append(" |");
    }
    out.append("\n|---|---|");
    out.append(":-:|".repeat(result.backends().size()));
    out.append('\n');
    for (VerifiedRevision revision : result.revisions()) {
      out.append("| ")
          .append(escape(revision.id()))
          .append(" | ")
          .append(escape(revision.message()))
          .append(" |");
      for (BackendRun run : result.backends()) {
        out.append(' ').append(cell(Facts.cell(result, run, revision.id()))).append(" |");
      }
      out.append('\n');
    }
  }

  private static String cell(Facts.Cell cell) {
    return switch (cell) {
      case ERROR -> "❌ error";
      case WARNING -> "⚠️ warning";
      case INFO -> "ℹ️ info";
      case CLEAN -> "✓";
      case NOT_RUN -> "—";
    };
  }

  private static String finding(Finding f) {
    StringBuilder out = new StringBuilder("<details><summary>");
    out.append(icon(f.severity())).append(" <b>").append(f.code().name()).append("</b>");
    if (f.backend() != null) {
      out.append(" · ").append(Markup.text(f.backend()));
    }
    if (f.revision() != null) {
      out.append(" · ").append(Markup.text(f.revision()));
    }
    out.append(": ").append(Markup.text(oneLine(f.message()))).append("</summary>\n\n");
    if (f.details().isEmpty()) {
      out.append("No further details.\n");
    } else {
      String body = visibleControls(String.join("\n", f.details()));
      String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
      out.append(fence).append('\n').append(body).append('\n').append(fence).append('\n');
    }
    return out.append("\n</details>\n\n").toString();
  }

  private static String icon(Severity severity) {
    return switch (severity) {
      case ERROR -> "❌";
      case WARNING -> "⚠️";
      case INFO -> "ℹ️";
    };
  }

  /**
   * Text safe in a table cell or a paragraph: line breaks become spaces and Markdown's specials
   * (and {@code &}, which would start an entity) are backslash-escaped.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if ("\\`*_[]<>|~&#!".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Control characters other than line breaks and tabs as {@code \u0007} text. */
  private static String visibleControls(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.chars()
        .forEach(
            c -> {
              if (c < 0x20 && c != '\n' && c != '\t') {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }

  private static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  private static int longestRun(String s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
