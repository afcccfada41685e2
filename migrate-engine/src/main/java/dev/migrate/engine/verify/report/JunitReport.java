package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.CheckResult;
import dev.migrate.engine.verify.CheckResult.Outcome;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML in the Ant schema that GitHub, GitLab and Jenkins read [contract]: a {@code
 * <testsuites>} holding one {@code <testsuite>} for the graph checks ({@code migrate.verify.graph})
 * and one per backend ({@code migrate.verify.postgresql}), one {@code <testcase>} per {@link
 * CheckResult} named {@code 3f2a9c1d7b10 Create account table › down restores the schema} (the
 * graph's checks by their label alone). A failed check has a {@code <failure>} whose message is the
 * findings' messages and whose text is their {@link Finding#describe()}; a skipped one has {@code
 * <skipped message="reason"/>}; info findings of a check that did not fail go to its {@code
 * <system-out>}. A skipped backend is one skipped test case named after the backend. A suite's time
 * is its backend's; the graph suite's is the time not spent on any backend. Test cases carry no
 * time: the result does not measure single checks.
 */
public final class JunitReport {
  private static final String PREFIX = "migrate.verify.";

  private JunitReport() {}

  public static String render(VerificationResult result) {
    List<String> suites = new ArrayList<>();
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    for (Map.Entry<String, List<CheckResult>> group : Facts.checksByGroup(result).entrySet()) {
      List<CheckResult> checks = group.getValue();
      BackendRun run = runOf(result, group.getKey());
      Duration time = run != null ? run.took() : graphTime(result);
      suites.add(suite(result, group.getKey(), checks, time));
      tests += checks.size();
      failures += (int) Facts.count(checks, Outcome.FAILED);
      skipped += (int) Facts.count(checks, Outcome.SKIPPED);
    }
    for (BackendRun run : result.backends()) {
      if (!run.ran()
          && result.checks().stream().noneMatch(c -> run.backend().equals(c.backend()))) {
        suites.add(skippedSuite(run));
        tests++;
        skipped++;
      }
    }
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"migrate verify\"")
        .append(counts(tests, failures, skipped, result.took()))
        .append(">\n");
    suites.forEach(out::append);
    return out.append("</testsuites>\n").toString();
  }

  /** Writes {@link #render} to a file (UTF-8), creating its directory; returns the file. */
  public static Path write(VerificationResult result, Path file) throws java.io.IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  private static String suite(
      VerificationResult result, String group, List<CheckResult> checks, Duration time) {
    String classname = PREFIX + group;
    StringBuilder out = new StringBuilder();
    out.append("  <testsuite name=\"")
        .append(Markup.attr(classname))
        .append('"')
        .append(
            counts(
                checks.size(),
                Facts.count(checks, Outcome.FAILED),
                Facts.count(checks, Outcome.SKIPPED),
                time))
        .append(">\n");
    for (CheckResult check : checks) {
      out.append("    <testcase classname=\"")
          .append(Markup.attr(classname))
          .append("\" name=\"")
          .append(Markup.attr(name(result, check)))
          .append('"');
      String body = body(check);
      if (body.isEmpty()) {
        out.append("/>\n");
      } else {
        out.append(">\n").append(body).append("    </testcase>\n");
      }
    }
    return out.append("  </testsuite>\n").toString();
  }

  private static String skippedSuite(BackendRun run) {
    String classname = Markup.attr(PREFIX + run.backend());
    return "  <testsuite name=\""
        + classname
        + "\""
        + counts(1, 0, 1, run.took())
        + ">\n    <testcase classname=\""
        + classname
        + "\" name=\""
        + Markup.attr(run.backend())
        + "\">\n      <skipped message=\""
        + Markup.attr(run.skippedBecause())
        + "\"/>\n    </testcase>\n  </testsuite>\n";
  }

  /** {@code 3f2a9c1d7b10 Create account table › down restores the schema}. */
  static String name(VerificationResult result, CheckResult check) {
    if (check.revision() == null) {
      return check.check().label();
    }
    return Facts.revisionTitle(result, check.revision()) + " › " + check.check().label();
  }

  private static String body(CheckResult check) {
    StringBuilder out = new StringBuilder();
    switch (check.outcome()) {
      case FAILED -> {
        List<Finding> findings = check.findings();
        String message =
            findings.isEmpty()
                ? check.check().label() + " failed"
                : findings.stream().map(Finding::message).collect(Collectors.joining("; "));
        String type =
            findings.isEmpty() ? check.check().code().name() : findings.get(0).code().name();
        out.append("      <failure message=\"")
            .append(Markup.attr(message))
            .append("\" type=\"")
            .append(type)
            .append("\">")
            .append(Markup.text(describe(findings)))
            .append("</failure>\n");
      }
      case SKIPPED -> {
        out.append("      <skipped");
        if (check.reason() != null) {
          out.append(" message=\"").append(Markup.attr(check.reason())).append('"');
        }
        out.append("/>\n");
      }
      case PASSED -> {}
    }
    if (check.outcome() != Outcome.FAILED && !check.findings().isEmpty()) {
      out.append("      <system-out>")
          .append(Markup.text(describe(check.findings())))
          .append("</system-out>\n");
    }
    return out.toString();
  }

  private static String describe(List<Finding> findings) {
    return findings.stream().map(Finding::describe).collect(Collectors.joining("\n"));
  }

  private static String counts(long tests, long failures, long skipped, Duration time) {
    return " tests=\""
        + tests
        + "\" failures=\""
        + failures
        + "\" errors=\"0\" skipped=\""
        + skipped
        + "\" time=\""
        + Facts.exactSeconds(time).toPlainString()
        + "\"";
  }

  private static BackendRun runOf(VerificationResult result, String group) {
    return result.backends().stream()
        .filter(r -> r.backend().equals(group))
        .findFirst()
        .orElse(null);
  }

  private static Duration graphTime(VerificationResult result) {
    Duration rest = result.took();
    for (BackendRun run : result.backends()) {
      if (run.took() != null) {
        rest = rest.minus(run.took());
      }
    }
    return rest.isNegative() ? Duration.ZERO : rest;
  }
}
