package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * What the sample builds of {@code src/it} printed and wrote. The invoker plugin ran them (in the
 * integration-test phase) and checked that each passed or failed as its {@code invoker.properties}
 * says; this reads their {@code build.log} and {@code target/migrate/}.
 */
class SampleBuildsIT {
  private static final Path IT_DIR = Path.of(System.getProperty("it.dir", "target/it"));

  @Test
  void verifyPassesWritesTheFourReportsAndRunsEveryBackendThatHasAServer() throws IOException {
    String log = buildLog("verify-passes");
    assertThat(log).contains("verify: 0 errors").contains("BUILD SUCCESS");
    assertThat(log).contains("sqlite 9e4b2f6a8c10 Index account emails: ok");
    assertBackends(log);
    Path reports = IT_DIR.resolve("verify-passes/target/migrate");
    assertThat(reports.resolve("verify.json")).content().contains("\"findings\"");
    assertThat(reports.resolve("TEST-migrate-verify.xml")).content().contains("<testsuites");
    assertThat(reports.resolve("verify.md")).content().contains("9e4b2f6a8c10");
    assertThat(reports.resolve("index.html")).content().contains("<!DOCTYPE html>");
  }

  @Test
  void aDownThatLeavesATraceFailsTheBuildWithTheFindingsMessage() throws IOException {
    String log = buildLog("verify-trace-fails");
    assertThat(log)
        .contains("BUILD FAILURE")
        .contains("ERROR DOWNGRADE_LEAVES_TRACE sqlite c4f8a1e6b2d9")
        .contains("ix_account_email");
    // the failure's own message names the finding, not only the report above it
    assertThat(log.substring(log.indexOf("BUILD FAILURE")))
        .contains("[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin")
        .contains("DOWNGRADE_LEAVES_TRACE");
    assertBackends(log);
    assertThat(IT_DIR.resolve("verify-trace-fails/target/migrate/verify.json"))
        .content()
        .contains("DOWNGRADE_LEAVES_TRACE");
  }

  @Test
  void javaRevisionsAndEntitiesComeFromTheProjectsTestClasspath() throws IOException {
    String log = buildLog("verify-jpa");
    assertThat(log)
        .contains("BUILD SUCCESS")
        .contains("sqlite 3d9a6c1f7e42 Create products: ok")
        .contains("verify: 0 errors");
    assertThat(IT_DIR.resolve("verify-jpa/target/migrate/TEST-migrate-verify.xml"))
        .content()
        .contains("3d9a6c1f7e42 Create products › models match at head\"/>");
    assertBackends(log);
  }

  @Test
  void theSkipPropertySkipsTheGoal() throws IOException {
    assertThat(buildLog("skip"))
        .contains("Skipping migrate:verify (skip is set)")
        .contains("BUILD SUCCESS")
        .doesNotContain("does-not-exist");
  }

  @Test
  void upgradeInfoAndCheckRunInOrderAndNoPasswordIsLogged() throws Exception {
    String log = buildLog("goals");
    assertThat(log)
        .contains("Running upgrade  -> 7f3e1a9c5b24, Create notes")
        .contains("Running upgrade 7f3e1a9c5b24 -> 1b6d8e2f4a97, Add note titles")
        .contains("Current: 1b6d8e2f4a97")
        .contains("Pending: 0 revisions")
        .contains("No problems found.")
        .contains("postgresql skipped: server unreachable")
        .contains("mysql skipped: no server URL; set <mysqlUrl>, 'verify.mysql_url'")
        .contains("BUILD SUCCESS");
    // <skip>true</skip> in the POM: the last execution did nothing, its bad backend unread
    assertThat(log).contains("Skipping migrate:verify (skip is set)").doesNotContain("no-such");
    assertThat(log.indexOf("Running upgrade")).isLessThan(log.indexOf("Current:"));
    assertThat(log.indexOf("Current:")).isLessThan(log.indexOf("No problems found."));
    assertThat(log).doesNotContain("canary-pw-4711");
    // the reports keep the engine's words, escaped as their format wants
    Path junit = IT_DIR.resolve("goals/target/migrate/TEST-migrate-verify.xml");
    assertThat(
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(junit.toFile())
                .getElementsByTagName("skipped")
                .getLength())
        .isEqualTo(2);
    assertThat(junit).content().contains("set --mysql-url, &#39;verify.mysql_url&#39;");
    for (String report :
        new String[] {"verify.json", "verify.md", "index.html", junit.getFileName().toString()}) {
      assertThat(IT_DIR.resolve("goals/target/migrate").resolve(report))
          .content()
          .doesNotContain("canary-pw-4711");
    }
  }

  @Test
  void aBadSettingFailsTheBuildNamingThePomElement() throws IOException {
    assertThat(buildLog("bad-backend"))
        .contains("BUILD FAILURE")
        .contains(
            "Unknown backend 'oracle' in <backends>, 'verify.backends' in migrate.properties or"
                + " MIGRATE_VERIFY_BACKENDS; expected sqlite, postgresql or mysql");
  }

  /** Each server backend ran when its URL is set (else it was reported skipped, not required). */
  private static void assertBackends(String log) {
    String summary = log.lines().filter(l -> l.contains("verify: ")).findFirst().orElseThrow();
    for (String kind : new String[] {"postgresql", "mysql"}) {
      String url =
          System.getenv("MIGRATE_TEST_" + kind.toUpperCase(java.util.Locale.ROOT) + "_URL");
      if (url == null || url.isBlank()) {
        assertThat(log).contains(kind + " skipped: no server URL; set <" + kind + "Url>, ");
      } else {
        assertThat(summary).contains(kind);
      }
    }
  }

  private static String buildLog(String project) throws IOException {
    return Files.readString(IT_DIR.resolve(project).resolve("build.log"), StandardCharsets.UTF_8);
  }
}
