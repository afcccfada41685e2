package dev.migrate.maven;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.command.VerifyRun;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.Severity;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.report.HtmlReport;
import dev.migrate.engine.verify.report.JsonReport;
import dev.migrate.engine.verify.report.JunitReport;
import dev.migrate.engine.verify.report.MarkdownReport;
import dev.migrate.engine.verify.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrate verify} inside the build: every revision up, down and up again on throwaway
 * databases, with the same checks and verdicts. An error finding fails the build; the reports are
 * written to {@code target/migrate/} either way.
 */
@Mojo(
    name = "verify",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class VerifyMojo extends MigrateMojo {
  /** The JSON report, in the report directory. */
  static final String JSON_FILE = "verify.json";

  /** The JUnit XML report, named as Surefire names its reports so CI servers pick it up. */
  static final String JUNIT_FILE = "TEST-migrate-verify.xml";

  static final String MARKDOWN_FILE = "verify.md";

  /** Backends to verify on, separated by commas: sqlite, postgresql, mysql (default: sqlite). */
  @Parameter(property = "migrate.backends")
  String backends;

  /**
   * Administrative URL of a PostgreSQL server for throwaway databases (default: {@code
   * MIGRATE_TEST_POSTGRESQL_URL}).
   */
  @Parameter(property = "migrate.postgresqlUrl")
  String postgresqlUrl;

  /**
   * Administrative URL of a MySQL server for throwaway databases (default: {@code
   * MIGRATE_TEST_MYSQL_URL}).
   */
  @Parameter(property = "migrate.mysqlUrl")
  String mysqlUrl;

  /** {@code destructive} makes DESTRUCTIVE_CHANGE an error, failing the build. */
  @Parameter(property = "migrate.failOn")
  String failOn;

  /** Seed of the generated rows. */
  @Parameter(property = "migrate.seed")
  String seed;

  /** Only these checks run, separated by commas (finding codes in lower case). */
  @Parameter(property = "migrate.checks")
  String checks;

  /** Checks skipped for every revision, each {@code check: reason}. */
  @Parameter List<String> skipChecks;

  /** Directory of {@code <revision>.before.sql} and {@code <revision>.at.sql} data. */
  @Parameter(property = "migrate.fixtures")
  String fixtures;

  /** Revisions stamped instead of run, separated by commas. */
  @Parameter(property = "migrate.stamp")
  String stamp;

  /**
   * A database {@code upgrade} ran on, read and never written: each applied revision edited since
   * is a CHECKSUM_MISMATCH, failing the build.
   */
  @Parameter(property = "migrate.againstUrl")
  String againstUrl;

  /** History below this revision is not walked down. */
  @Parameter(property = "migrate.minimumDowngrade")
  String minimumDowngrade;

  /**
   * At most how many parts of a long history are walked at the same time, each on databases of its
   * own; {@code 1} walks it in one, default {@code auto} (as many as the cores allow).
   */
  @Parameter(property = "migrate.walkers")
  String walkers;

  /** Where the reports go. */
  @Parameter(
      property = "migrate.reportDirectory",
      defaultValue = "${project.build.directory}/migrate")
  File reportDirectory;

  @Override
  String goal() {
    return "verify";
  }

  @Override
  Map<ConfigKey, String> goalValues() {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    put(values, ConfigKey.VERIFY_BACKENDS, backends);
    put(values, ConfigKey.VERIFY_POSTGRESQL_URL, postgresqlUrl);
    put(values, ConfigKey.VERIFY_MYSQL_URL, mysqlUrl);
    put(values, ConfigKey.VERIFY_FAIL_ON, failOn);
    put(values, ConfigKey.VERIFY_SEED, seed);
    put(values, ConfigKey.VERIFY_CHECKS, checks);
    if (skipChecks != null && !skipChecks.isEmpty()) {
      put(values, ConfigKey.VERIFY_SKIP, String.join(";", skipChecks));
    }
    put(values, ConfigKey.VERIFY_FIXTURES, fixtures);
    put(values, ConfigKey.VERIFY_STAMP, stamp);
    put(values, ConfigKey.VERIFY_MINIMUM_DOWNGRADE, minimumDowngrade);
    put(values, ConfigKey.VERIFY_AGAINST_URL, againstUrl);
    put(values, ConfigKey.VERIFY_WALKERS, walkers);
    return values;
  }

  @Override
  void run(ClassLoader loader) throws MojoExecutionException, MojoFailureException {
    VerifyRun run = VerifyRun.of(config());
    RevisionGraph graph;
    try {
      graph = graph(loader);
    } catch (BadInputException e) {
      report(run.graphInvalid(e.getMessage()));
      throw e;
    }
    VerificationResult result =
        run.run(
            graph,
            loader,
            MigrateMojo::setting,
            line -> {
              synchronized (this) {
                getLog().info(shown(line));
              }
            });
    report(result);
    if (result.hasErrors()) {
      List<String> errors =
          result.findings().stream().filter(Finding::isError).map(Finding::describe).toList();
      throw new MojoFailureException(
          shown(
              TextReport.summaryLine(result)
                  + "\n"
                  + errors.stream().collect(Collectors.joining("\n"))
                  + "\nReports: "
                  + reportDirectory));
    }
  }

  /**
   * Logs the text report, each finding at its severity's level (its detail lines with it), and
   * writes the four report files.
   */
  private void report(VerificationResult result) throws MojoExecutionException {
    Consumer<CharSequence> level = getLog()::info;
    for (String line : TextReport.render(result).split("\n")) {
      String text = line.strip();
      if (text.startsWith(Severity.ERROR.name() + " ")) {
        level = getLog()::error;
      } else if (text.startsWith(Severity.WARNING.name() + " ")) {
        level = getLog()::warn;
      } else if (!line.startsWith("    ")) {
        level = getLog()::info;
      }
      level.accept(shown(line));
    }
    Path dir = reportDirectory.toPath();
    List<String> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      written.add(write(dir.resolve(JSON_FILE), JsonReport.render(result)));
      written.add(write(dir.resolve(JUNIT_FILE), JunitReport.render(result)));
      written.add(write(dir.resolve(MARKDOWN_FILE), MarkdownReport.render(result)));
      written.add(write(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(result)));
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write the verify reports to " + dir + ": " + e + "; check reportDirectory", e);
    }
    getLog().info("Reports in " + dir + ": " + String.join(", ", written));
  }

  /**
   * Writes {@code text}, passwords hidden and otherwise as the engine wrote it (each format escapes
   * its own text); returns the file's name.
   */
  private String write(Path file, String text) throws IOException {
    Files.writeString(file, masked(text), StandardCharsets.UTF_8);
    return file.getFileName().toString();
  }
}
