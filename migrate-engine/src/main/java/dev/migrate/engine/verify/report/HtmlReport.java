package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.CheckResult.Outcome;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.VerifiedRevision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page ({@code --report DIR} writes {@code DIR/index.html}): inline CSS, no
 * network, no script. It holds a summary header, the revision graph as inline SVG, a revision ×
 * backend matrix and every finding with its details. The page is also well-formed XML.
 *
 * <p>Hooks a test or a script may rely on [contract]: each revision is one {@code <g class="node
 * SEVERITY" data-revision="ID">} (SEVERITY one of {@code error}, {@code warning}, {@code info},
 * {@code clean}) with a {@code <title>}; each edge a {@code <path class="edge parent">} or {@code
 * <path class="edge depends-on">} with {@code data-from} and {@code data-to}; the matrix is {@code
 * <table class="matrix">} with one {@code <tr data-revision="ID">} per revision and one {@code <td
 * class="cell SEVERITY" data-backend="B">} per backend (SEVERITY also {@code not-run}); each
 * finding is an {@code <article class="finding SEVERITY" data-code="CODE">}.
 */
public final class HtmlReport {
  /** The file {@link #write} creates in the report directory. */
  public static final String FILE_NAME = "index.html";

  private HtmlReport() {}

  /**
   * Writes the page to {@code dir/index.html} (UTF-8), creating the directory; returns the file.
   */
  public static Path write(VerificationResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(FILE_NAME), render(result), StandardCharsets.UTF_8);
  }

  public static String render(VerificationResult result) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>migrate verify: ")
        .append(Markup.text(Facts.counts(result)))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(result, out);
    out.append("<section class=\"graph\">\n<h2>Revision graph</h2>\n");
    out.append("<div class=\"canvas\">\n")
        .append(RevisionGraphSvg.render(result))
        .append("</div>\n");
    out.append(LEGEND);
    out.append("</section>\n");
    matrix(result, out);
    findings(result, out);
    return out.append("</body>\n</html>\n").toString();
  }

  private static void header(VerificationResult result, StringBuilder out) {
    boolean ok = !result.hasErrors();
    out.append("<header class=\"")
        .append(ok ? "ok" : "failed")
        .append("\">\n<h1><span class=\"verdict\">")
        .append(ok ? "✔ passed" : "✘ failed")
        .append("</span> migrate verify</h1>\n<p class=\"counts\">")
        .append(Markup.text(Facts.counts(result)))
        .append("</p>\n<dl class=\"facts\">\n");
    fact(out, "revisions", Integer.toString(result.revisions().size()));
    fact(out, "heads", String.join(", ", result.heads()));
    fact(
        out,
        "checks",
        result.checks().size()
            + ": "
            + Facts.count(result.checks(), Outcome.PASSED)
            + " passed, "
            + Facts.count(result.checks(), Outcome.FAILED)
            + " failed, "
            + Facts.count(result.checks(), Outcome.SKIPPED)
            + " skipped");
    fact(out, "time", Facts.seconds(result.took()) + " s");
    fact(out, "seed", Long.toString(result.seed()));
    out.append("</dl>\n<ul class=\"backends\">\n");
    for (BackendRun run : result.backends()) {
      out.append("<li class=\"")
          .append(run.ran() ? "ran" : "skipped")
          .append("\"><b>")
          .append(Markup.text(run.backend()))
          .append("</b> ")
          .append(
              Markup.text(
                  run.ran()
                      ? Facts.seconds(run.took()) + " s"
                      : "skipped: " + run.skippedBecause()))
          .append("</li>\n");
    }
    out.append("</ul>\n</header>\n");
  }

  private static void fact(StringBuilder out, String name, String value) {
    out.append("<div><dt>")
        .append(name)
        .append("</dt><dd>")
        .append(Markup.text(value))
        .append("</dd></div>\n");
  }

  private static void matrix(VerificationResult result, StringBuilder out) {
    out.append("<section>\n<h2>Revisions × backends</h2>\n<table class=\"matrix\">\n<thead><tr>")
        .append("<th>revision</th><th>message</th>");
    for (BackendRun run : result.backends()) {
      out.append("<th");
      if (!run.ran()) {
        out.append(" class=\"skipped\" title=\"")
            .append(Markup.attr("skipped: " + run.skippedBecause()))
            .append('"');
      }
      out.append('>').append(Markup.text(run.backend()));
      if (!run.ran()) {
        out.append(" <small>skipped</small>");
      }
      out.append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (VerifiedRevision revision : result.revisions()) {
      String id = Markup.attr(revision.id());
      out.append("<tr data-revision=\"")
          .append(id)
          .append("\" id=\"")
          .append(Markup.attr(anchor("rev", revision.id())))
          .append("\"><td class=\"id\">")
          .append(Markup.text(revision.id()))
          .append("</td><td>")
          .append(Markup.text(revision.message()))
          .append("</td>");
      for (BackendRun run : result.backends()) {
        Facts.Cell cell = Facts.cell(result, run, revision.id());
        out.append("<td class=\"cell ")
            .append(cell.id())
            .append("\" data-backend=\"")
            .append(Markup.attr(run.backend()))
            .append("\">")
            .append(cellText(cell))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static String cellText(Facts.Cell cell) {
    return switch (cell) {
      case ERROR -> "✘ error";
      case WARNING -> "▲ warning";
      case INFO -> "ℹ info";
      case CLEAN -> "✓";
      case NOT_RUN -> "—";
    };
  }

  private static void findings(VerificationResult result, StringBuilder out) {
    out.append("<section class=\"findings\">\n<h2>Findings</h2>\n");
    Map<String, List<Finding>> groups = Facts.findingsByGroup(result);
    if (groups.isEmpty()) {
      out.append("<p class=\"none\">No findings.</p>\n");
    }
    for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
      out.append("<h3>").append(Markup.text(group.getKey())).append("</h3>\n");
      for (Finding f : group.getValue()) {
        String severity = f.severity().id();
        out.append("<article class=\"finding ")
            .append(severity)
            .append("\" data-code=\"")
            .append(f.code().name())
            .append("\">\n<p><span class=\"badge ")
            .append(severity)
            .append("\">")
            .append(severity)
            .append("</span> <b class=\"code\">")
            .append(f.code().name())
            .append("</b>");
        if (f.revision() != null) {
          out.append(" <a class=\"revision\" href=\"#")
              .append(Markup.attr(anchor("rev", f.revision())))
              .append("\">")
              .append(Markup.text(Facts.revisionTitle(result, f.revision())))
              .append("</a>");
        }
        out.append("</p>\n<p class=\"message\">").append(Markup.text(f.message())).append("</p>\n");
        if (!f.details().isEmpty()) {
          out.append("<pre class=\"details\">");
          for (String detail : f.details()) {
            out.append("<span class=\"line")
                .append(lineKind(detail))
                .append("\">")
                .append(Markup.text(detail))
                .append("</span>\n");
          }
          out.append("</pre>\n");
        }
        out.append("</article>\n");
      }
    }
    out.append("</section>\n");
  }

  /** Diff-style details ({@code + added}, {@code - removed}) get the diff colours. */
  private static String lineKind(String detail) {
    if (detail.startsWith("+")) {
      return " added";
    }
    if (detail.startsWith("-")) {
      return " removed";
    }
    return "";
  }

  /** An element id for a revision: HTML ids may hold anything but white space. */
  static String anchor(String prefix, String revision) {
    return prefix + "-" + revision.replaceAll("\\s", "_");
  }

  private static final String LEGEND =
      """
      <p class="legend"><span class="swatch error"></span>error \
      <span class="swatch warning"></span>warning \
      <span class="swatch info"></span>info \
      <span class="swatch clean"></span>clean \
      <span class="dash"></span>depends on \
      · worst finding over all backends; a thick border marks a head</p>
      """;

  private static final String CSS =
      """
      :root { --error: #cf222e; --warning: #bf8700; --info: #0969da; --clean: #1a7f37;
        --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; }
      * { box-sizing: border-box; }
      body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
        color: #1f2328; margin: 0 auto; max-width: 1120px; padding: 24px; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 19px; border-bottom: 1px solid var(--line); padding-bottom: 4px;
        margin-top: 32px; }
      h3 { font-size: 16px; margin: 20px 0 8px; }
      header { border: 1px solid var(--line); border-left: 6px solid var(--clean);
        border-radius: 8px; padding: 16px 20px; background: var(--bg); }
      header.failed { border-left-color: var(--error); }
      .verdict { color: #fff; background: var(--clean); border-radius: 6px; padding: 1px 10px;
        font-size: 18px; vertical-align: middle; margin-right: 6px; }
      header.failed .verdict { background: var(--error); }
      .counts { font-size: 17px; margin: 6px 0; }
      .facts { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 8px 0; }
      .facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; }
      .facts dd { margin: 0; font-weight: 600; }
      .backends { list-style: none; padding: 0; margin: 8px 0 0; display: flex; gap: 8px;
        flex-wrap: wrap; }
      .backends li { border: 1px solid var(--line); border-radius: 20px; padding: 2px 12px;
        background: #fff; }
      .backends li.skipped { color: var(--muted); border-style: dashed; }
      .canvas { border: 1px solid var(--line); border-radius: 8px; padding: 12px;
        overflow-x: auto; background: #fbfcfd; }
      svg.revision-graph { display: block; max-width: 100%; height: auto; margin: 0 auto; }
      .node rect { stroke-width: 2; rx: 8; }
      .node.head rect { stroke-width: 4; }
      .node.error rect { fill: #ffebe9; stroke: var(--error); }
      .node.warning rect { fill: #fff8c5; stroke: var(--warning); }
      .node.info rect { fill: #ddf4ff; stroke: var(--info); }
      .node.clean rect { fill: #dafbe1; stroke: var(--clean); }
      .node .id { font: 600 13px ui-monospace, SFMono-Regular, Menlo, monospace; fill: #1f2328; }
      .node .message { font-size: 12px; fill: var(--muted); }
      .edge { fill: none; stroke: #8c959f; stroke-width: 1.6; }
      .edge.depends-on { stroke-dasharray: 6 4; }
      .legend { color: var(--muted); font-size: 13px; }
      .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px;
        margin: 0 4px 0 10px; vertical-align: -1px; border: 2px solid; }
      .swatch.error { background: #ffebe9; border-color: var(--error); }
      .swatch.warning { background: #fff8c5; border-color: var(--warning); }
      .swatch.info { background: #ddf4ff; border-color: var(--info); }
      .swatch.clean { background: #dafbe1; border-color: var(--clean); }
      .dash { display: inline-block; width: 26px; border-top: 2px dashed #8c959f;
        margin: 0 4px 0 10px; vertical-align: 3px; }
      table.matrix { border-collapse: collapse; width: 100%; }
      .matrix th, .matrix td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; }
      .matrix th { background: var(--bg); }
      .matrix th.skipped { color: var(--muted); }
      .matrix td.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
      .matrix td.cell { text-align: center; white-space: nowrap; font-weight: 600; }
      .cell.error { background: #ffebe9; color: var(--error); }
      .cell.warning { background: #fff8c5; color: #7d4e00; }
      .cell.info { background: #ddf4ff; color: var(--info); }
      .cell.clean { color: var(--clean); }
      .cell.not-run { color: var(--muted); background: var(--bg); font-weight: 400; }
      .finding { border: 1px solid var(--line); border-left: 5px solid; border-radius: 6px;
        padding: 8px 14px; margin: 10px 0; }
      .finding p { margin: 4px 0; }
      .finding.error { border-left-color: var(--error); }
      .finding.warning { border-left-color: var(--warning); }
      .finding.info { border-left-color: var(--info); }
      .badge { color: #fff; border-radius: 4px; padding: 0 7px; font-size: 12px;
        text-transform: uppercase; font-weight: 600; }
      .badge.error { background: var(--error); }
      .badge.warning { background: var(--warning); }
      .badge.info { background: var(--info); }
      .code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
      a.revision { color: var(--info); margin-left: 6px; }
      pre.details { background: var(--bg); border-radius: 6px; padding: 8px 12px; margin: 6px 0;
        overflow-x: auto; font-size: 13px; white-space: pre-wrap; }
      .line.added { color: var(--clean); }
      .line.removed { color: var(--error); }
      """;
}
