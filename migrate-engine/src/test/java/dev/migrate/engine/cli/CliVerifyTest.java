package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate verify}: backends, exit codes [contract] and bad input. */
class CliVerifyTest {
  @TempDir Path dir;

  private static String fixture(String name) throws URISyntaxException {
    return Path.of(CliVerifyTest.class.getResource("/verify/" + name).toURI()).toString();
  }

  private Cli.Result verify(Map<String, String> env, String... args) {
    return new Cli(dir, env).run(args);
  }

  @Test
  void aCorrectChainPassesOnSqliteByDefault() throws Exception {
    Cli.Result r = verify(Map.of(), "verify", "--revisions", fixture("correct_chain"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("sqlite a00000000003 Add task note: ok");
  }

  /** Not on a terminal (a CI log, a pipe): a line per revision and backend, never rewritten. */
  @Test
  void offATerminalProgressIsALinePerRevision() throws Exception {
    Cli.Result r = verify(Map.of(), "verify", "--revisions", fixture("correct_chain"));
    assertThat(r.err().lines().filter(line -> line.startsWith("sqlite a0000000000")))
        .hasSize(3)
        .allMatch(line -> line.matches("sqlite a0000000000\\d [A-Za-z ]+: ok \\(\\d+ ms\\)"));
    assertThat(r.err()).doesNotContain("\r").doesNotContain("verify  sqlite");
  }

  /** On a terminal: one line rewritten in place, erased before the report; JSON keeps the lines. */
  @Test
  void onATerminalProgressIsOneLiveLineUnlessTheFormatIsForAProgram() throws Exception {
    Cli.Result live =
        new Cli(dir, Map.of()).onTerminal().run("verify", "--revisions", fixture("correct_chain"));
    assertThat(live.exitCode()).as(live.toString()).isZero();
    assertThat(live.err())
        .startsWith("\rverify  0:0")
        .contains("\rverify  sqlite 3/3  ")
        .doesNotContain("\n")
        .endsWith("\r");
    assertThat(live.out()).contains("verify: 0 errors");

    Cli.Result json =
        new Cli(dir, Map.of())
            .onTerminal()
            .run("verify", "--revisions", fixture("correct_chain"), "--format", "json");
    assertThat(json.err()).contains("sqlite a00000000003 Add task note: ok").doesNotContain("\r");
  }

  @Test
  void anErrorFindingExitsOne() throws Exception {
    Cli.Result r = verify(Map.of(), "verify", "--revisions", fixture("leaves_trace"));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("ERROR DOWNGRADE_LEAVES_TRACE sqlite d00000000002")
        .contains(
            "index ix_account_nickname on account(full_name) is there after the downgrade but not"
                + " before the upgrade");
  }

  @Test
  void aWarningAloneExitsZeroAndFailOnDestructiveMakesItAnError() throws Exception {
    Cli.Result warned = verify(Map.of(), "verify", "--revisions", fixture("destructive"));
    assertThat(warned.out()).contains("WARNING DESTRUCTIVE_CHANGE sqlite a20000000002");
    Cli.Result failed =
        verify(
            Map.of(), "verify", "--revisions", fixture("destructive"), "--fail-on", "destructive");
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.out()).contains("ERROR DESTRUCTIVE_CHANGE sqlite a20000000002");
  }

  @Test
  void serverBackendsComeFromTheirUrlsAndRunTogether() throws Exception {
    String pg = TestDatabases.adminUrl(DatabaseKind.POSTGRESQL);
    String my = TestDatabases.adminUrl(DatabaseKind.MYSQL);
    TestDatabases.sandbox(DatabaseKind.POSTGRESQL); // skips or fails as configured
    TestDatabases.sandbox(DatabaseKind.MYSQL);
    Cli.Result r =
        verify(
            Map.of("MIGRATE_TEST_POSTGRESQL_URL", pg),
            "verify",
            "--revisions",
            fixture("branch_merge"),
            "--backends",
            "sqlite,postgresql,mysql",
            "--mysql-url",
            my);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    for (String backend : new String[] {"sqlite", "postgresql", "mysql"}) {
      assertThat(r.err()).contains(backend + " b00000000004 Merge task and tag: ok");
    }
  }

  @Test
  void aBackendWithoutUrlIsSkippedWithTheReasonOrFailsWhenRequired() throws Exception {
    Cli.Result skipped =
        verify(Map.of(), "verify", "--revisions", fixture("correct_chain"), "--backends", "mysql");
    assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
    assertThat(skipped.out())
        .contains("mysql skipped: no server URL; set --mysql-url")
        .contains("verify: 0 errors");
    Cli.Result required =
        verify(
            Map.of("MIGRATE_TEST_REQUIRE", "mysql"),
            "verify",
            "--revisions",
            fixture("correct_chain"),
            "--backends",
            "mysql");
    assertThat(required.exitCode()).as(required.toString()).isEqualTo(1);
    assertThat(required.err())
        .contains("mysql is required by MIGRATE_TEST_REQUIRE but unavailable: no server URL");
  }

  @Test
  void anUnreachableServerNeverShowsItsPassword() throws Exception {
    Cli.Result r =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            fixture("correct_chain"),
            "--backends",
            "postgresql",
            "--postgresql-url",
            "jdbc:postgresql://127.0.0.1:1/postgres?user=x&password=canary-secret-41");
    assertThat(r.out() + r.err()).doesNotContain("canary-secret-41");
  }

  @Test
  void aPasswordInAServerUrlNeverAppearsInOutputOrReports() throws Exception {
    String pg = TestDatabases.adminUrl(DatabaseKind.POSTGRESQL);
    TestDatabases.sandbox(DatabaseKind.POSTGRESQL);
    String canary = "canary-" + Long.toHexString(System.nanoTime());
    String url = pg + (pg.contains("?") ? "&" : "?") + "password=" + canary;
    for (String format : new String[] {"text", "json", "junit", "markdown"}) {
      Cli.Result r =
          verify(
              Map.of(),
              "-X",
              "verify",
              "--revisions",
              fixture("upgrade_fails"),
              "--backends",
              "postgresql",
              "--postgresql-url",
              url,
              "--format",
              format,
              "--report",
              "report-" + format);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out() + r.err()).doesNotContain(canary);
      assertThat(Files.readString(dir.resolve("report-" + format).resolve("index.html")))
          .doesNotContain(canary);
    }
  }

  @Test
  void badOptionsAreBadInput() throws Exception {
    String revisions = fixture("correct_chain");
    for (String[] args :
        new String[][] {
          {"verify", "--revisions", revisions, "--backends", "oracle"},
          {"verify", "--revisions", revisions, "--format", "yaml"},
          {"verify", "--revisions", revisions, "--seed", "many"},
          {"verify", "--revisions", revisions, "--fail-on", "everything"},
          {"verify", "--revisions", revisions, "--skip", "data_loss"},
          {"verify", "--revisions", revisions, "--skip", "nothing: at all"},
          {"verify", "--revisions", revisions, "--minimum-downgrade", "ffff"},
          {"verify", "--revisions", revisions, "--stamp", "a0000000000f"},
          {"verify", "--revisions", revisions, "--checks", "upgrade_failed,everything"},
          {"verify", "--revisions", revisions, "--walkers", "0"},
          {"verify", "--revisions", revisions, "--walkers", "many"}
        }) {
      Cli.Result r = verify(Map.of(), args);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).as(r.toString()).isNotBlank();
    }
  }

  /** A long history walked in parts at once says what one walk says, in the same order. */
  @Test
  void walkersChangeHowLongAVerificationTakesNotWhatItSays() throws Exception {
    Path revisions = Files.createDirectories(dir.resolve("long"));
    dev.migrate.engine.bench.MigrationBenchmark.writeRevisions(revisions, 48);
    Cli.Result one =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            revisions.toString(),
            "--walkers",
            "1",
            "--format",
            "junit");
    Cli.Result two =
        verify(
            Map.of("MIGRATE_VERIFY_WALKERS", "2"),
            "verify",
            "--revisions",
            revisions.toString(),
            "--format",
            "junit");
    assertThat(one.exitCode()).as(one.toString()).isZero();
    assertThat(two.exitCode()).as(two.toString()).isZero();
    assertThat(withoutTimes(two.out())).isEqualTo(withoutTimes(one.out()));
    assertThat(withoutTimes(two.err())).isEqualTo(withoutTimes(one.err()));
    assertThat(one.err().lines().filter(line -> line.startsWith("sqlite "))).hasSize(48);
    assertThat(one.out()).contains("<testcase ").contains("00be00000030");
    Cli.Result bad =
        verify(
            Map.of("MIGRATE_VERIFY_WALKERS", "zero"),
            "verify",
            "--revisions",
            revisions.toString());
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err())
        .contains("Walkers 'zero' is neither a whole number of 1 or more nor 'auto'")
        .contains("MIGRATE_VERIFY_WALKERS");
  }

  private static String withoutTimes(String text) {
    return text.replaceAll("\\(\\d+ ms\\)", "")
        .replaceAll("time=\"[\\d.]+\"", "")
        .replaceAll("timestamp=\"[^\"]*\"", "");
  }

  private static String models(String name) throws URISyntaxException {
    return Path.of(CliVerifyTest.class.getResource("/verify-models/" + name).toURI()).toString();
  }

  @Test
  void theSchemaAtHeadIsComparedWithTheModelsOnEachBackend() throws Exception {
    String pg = TestDatabases.adminUrl(DatabaseKind.POSTGRESQL);
    TestDatabases.sandbox(DatabaseKind.POSTGRESQL);
    TestDatabases.sandbox(DatabaseKind.MYSQL);
    Map<String, String> env =
        Map.of(
            "MIGRATE_TEST_POSTGRESQL_URL",
            pg,
            "MIGRATE_TEST_MYSQL_URL",
            TestDatabases.adminUrl(DatabaseKind.MYSQL));
    String revisions = fixture("correct_chain");
    Cli.Result matching =
        verify(
            env,
            "verify",
            "--revisions",
            revisions,
            "--backends",
            "sqlite,postgresql,mysql",
            "--models",
            models("correct_chain.sql"));
    assertThat(matching.exitCode()).as(matching.toString()).isZero();
    Cli.Result drifted =
        verify(
            env,
            "verify",
            "--revisions",
            revisions,
            "--backends",
            "sqlite,postgresql,mysql",
            "--models",
            models("drifted.sql"));
    assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(1);
    for (String backend : new String[] {"sqlite", "postgresql", "mysql"}) {
      assertThat(drifted.out().replaceAll("\n +", "\n"))
          .contains(
              "ERROR MODEL_DRIFT "
                  + backend
                  + " a00000000003: the schema at head differs from the models (2 differences)\n"
                  + "table label is in the models but not in the database\n"
                  + "column task.note: type VARCHAR(500) in the database, VARCHAR(400) in the"
                  + " models");
    }
  }

  @Test
  void fixtureRowsRunBeforeTheirRevision() throws Exception {
    String revisions = fixture("unique_email");
    Cli.Result without = verify(Map.of(), "verify", "--revisions", revisions);
    assertThat(without.exitCode()).as(without.toString()).isZero();
    String fixtures =
        Path.of(CliVerifyTest.class.getResource("/verify-fixtures/unique_email").toURI())
            .toString();
    Cli.Result with = verify(Map.of(), "verify", "--revisions", revisions, "--fixtures", fixtures);
    assertThat(with.exitCode()).as(with.toString()).isEqualTo(1);
    assertThat(with.out()).contains("ERROR UPGRADE_FAILED sqlite a50000000002: statement 1 of 1");
  }

  @Test
  void onlyTheChosenChecksRun() throws Exception {
    String revisions = fixture("leaves_trace");
    Cli.Result chosen =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            revisions,
            "--checks",
            "upgrade_failed, irreversible");
    assertThat(chosen.exitCode()).as(chosen.toString()).isZero();
    Cli.Result skipped =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            revisions,
            "--skip",
            "downgrade_leaves_trace: known",
            "--skip",
            "upgrade_not_repeatable: known too");
    assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
  }

  @Test
  void aStampedRevisionIsNotRunAndItsChecksAreSkipped() throws Exception {
    Cli.Result r =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            fixture("upgrade_fails"),
            "--stamp",
            "a10000000002",
            "--format",
            "text");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("sqlite a10000000003 Add nickname: ok");
  }

  @Test
  void aFixtureForAnUnknownRevisionIsBadInput() throws Exception {
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    Files.writeString(fixtures.resolve("0123456789ab.before.sql"), "SELECT 1;");
    Cli.Result r =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            fixture("unique_email"),
            "--fixtures",
            fixtures.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("names revision 0123456789ab, which is not in the graph");
    Files.writeString(fixtures.resolve("notes.txt"), "x");
    Cli.Result misnamed =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            fixture("unique_email"),
            "--fixtures",
            fixtures.toString());
    assertThat(misnamed.exitCode()).isEqualTo(2);
    assertThat(misnamed.err()).contains("is not named <revision>.before.sql or <revision>.at.sql");
  }

  @Test
  void everyFormatCarriesTheFindingsAndTheReportIsWritten() throws Exception {
    String revisions = fixture("leaves_trace");
    Cli.Result json = verify(Map.of(), "verify", "--revisions", revisions, "--format", "json");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.out().replaceAll("\n\\s*", "").replace("\": ", "\":"))
        .startsWith("{\"findings\":[")
        .contains(
            "\"code\":\"DOWNGRADE_LEAVES_TRACE\",\"severity\":\"error\",\"backend\":\"sqlite\","
                + "\"revision\":\"d00000000002\"")
        .contains("\"ok\":false");
    Cli.Result junit = verify(Map.of(), "verify", "--revisions", revisions, "--format", "junit");
    org.w3c.dom.Document xml =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(
                    junit.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);
    Cli.Result markdown =
        verify(
            Map.of(),
            "verify",
            "--revisions",
            revisions,
            "--format",
            "markdown",
            "--report",
            "report");
    assertThat(markdown.out()).contains("DOWNGRADE_LEAVES_TRACE").contains("| d00000000002");
    assertThat(dir.resolve("report/index.html")).exists();
    assertThat(Files.readString(dir.resolve("report/index.html")))
        .contains("data-revision=\"d00000000002\"");
  }

  @Test
  void anInvalidGraphIsTheOneFindingAndBadInput() throws IOException {
    Path versions = Files.createDirectories(dir.resolve("versions"));
    Files.writeString(
        versions.resolve("001.sql"),
        "-- migrate:revision 000000000001\n-- migrate:revises 00000000000f\n-- migrate:up\nSELECT 1;\n");
    Cli.Result r = verify(Map.of(), "verify", "--revisions", versions.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).contains("\n  ERROR GRAPH_INVALID: Revision 00000000000f referenced from");
  }
}
