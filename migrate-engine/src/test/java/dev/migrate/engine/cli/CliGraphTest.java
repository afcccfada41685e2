package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that need only the revision files: revision, merge, heads, history, branches, show.
 */
class CliGraphTest {
  private static final Pattern GENERATED = Pattern.compile("Generating (\\S+) \\.\\.\\.  done\n");

  @TempDir Path dir;
  Cli cli;
  Path versions;

  @BeforeEach
  void init() {
    cli = new Cli(dir);
    ok("init");
    versions = dir.resolve("versions");
  }

  private Cli.Result ok(String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).as(result.toString()).isEmpty();
    return result;
  }

  private Cli.Result bad(String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err().lines()).as(result.toString()).hasSize(1);
    assertThat(result.err()).startsWith("FAILED: ");
    return result;
  }

  /** Three revisions a1 <- b2 <- c3. */
  private void chain() {
    ok("revision", "-m", "create account", "--rev-id", "a1");
    ok("revision", "-m", "add email", "--rev-id", "b2");
    ok("revision", "-m", "add index", "--rev-id", "c3");
  }

  @Test
  void revisionWritesAnSqlFileOnTopOfTheHead() throws IOException {
    Cli.Result first = ok("revision", "-m", "Create account table!");
    Matcher matcher = GENERATED.matcher(first.out());
    assertThat(matcher.matches()).as(first.out()).isTrue();
    Path file = Path.of(matcher.group(1));
    assertThat(file.getParent()).isEqualTo(versions);
    assertThat(file.getFileName().toString()).matches("[0-9a-f]{12}_create_account_table\\.sql");
    String id = file.getFileName().toString().substring(0, 12);
    assertThat(Files.readString(file))
        .startsWith("-- migrate:revision " + id + "\n-- migrate:message Create account table!\n")
        .doesNotContain("migrate:revises");

    Cli.Result second = ok("revision", "-m", "second", "--rev-id", "ffff0002");

    Path secondFile = versions.resolve("ffff0002_second.sql");
    assertThat(second.out()).isEqualTo("Generating " + secondFile + " ...  done\n");
    assertThat(Files.readString(secondFile)).contains("-- migrate:revises " + id + "\n");
  }

  @Test
  void revisionWithoutMessageSaysEmptyMessage() throws IOException {
    ok("revision", "--rev-id", "e1");

    assertThat(Files.readString(versions.resolve("e1_empty_message.sql")))
        .contains("-- migrate:message empty message\n");
  }

  @Test
  void revisionWithLabelsAndDependencies() throws IOException {
    chain();
    ok(
        "revision",
        "--head",
        "base",
        "--branch-label",
        "billing",
        "-m",
        "billing",
        "--rev-id",
        "d4");

    ok(
        "revision",
        "--head",
        "billing@head",
        "--depends-on",
        "b2",
        "--depends-on",
        "billing",
        "-m",
        "invoice",
        "--rev-id",
        "e5");

    assertThat(Files.readString(versions.resolve("d4_billing.sql")))
        .contains("-- migrate:branch-labels billing\n")
        .doesNotContain("migrate:revises");
    assertThat(Files.readString(versions.resolve("e5_invoice.sql")))
        .contains("-- migrate:revises d4\n", "-- migrate:depends-on b2 billing\n");
  }

  @Test
  void headsAndHistoryOfAChain() {
    chain();

    assertThat(ok("heads").out()).isEqualTo("c3 (head)\n");
    assertThat(ok("history").lines())
        .containsExactly(
            "b2 -> c3 (head), add index", "a1 -> b2, add email", "<base> -> a1, create account");
    assertThat(ok("history", "-r", "a1:b2").lines())
        .containsExactly("a1 -> b2, add email", "<base> -> a1, create account");
    assertThat(ok("history", "-r", "b2:").lines())
        .containsExactly("b2 -> c3 (head), add index", "a1 -> b2, add email");
  }

  @Test
  void verboseHistoryAndShowPrintFullEntries() {
    chain();

    assertThat(ok("history", "-v", "-r", "b2:c3").out())
        .isEqualTo(
            "Rev: c3 (head)\n"
                + "Parent: b2\n"
                + "Path: "
                + versions.resolve("c3_add_index.sql")
                + "\n\n    add index\n\n"
                + "Rev: b2\n"
                + "Parent: a1\n"
                + "Path: "
                + versions.resolve("b2_add_email.sql")
                + "\n\n    add email\n\n");
    assertThat(ok("show", "b2").out())
        .isEqualTo(
            "Rev: b2\nParent: a1\nPath: "
                + versions.resolve("b2_add_email.sql")
                + "\n\n    add email\n\n");
    assertThat(ok("heads", "-v").out()).startsWith("Rev: c3 (head)\nParent: b2\n");
  }

  @Test
  void branchesMergeAndLabels() {
    chain();
    ok(
        "revision",
        "--head",
        "base",
        "--branch-label",
        "billing",
        "-m",
        "billing",
        "--rev-id",
        "d4");

    assertThat(ok("heads").lines()).containsExactly("c3 (head)", "d4 (billing) (head)");
    Cli.Result ambiguous = bad("revision", "-m", "where?");
    assertThat(ambiguous.err())
        .startsWith(
            "FAILED: Multiple heads are present; please specify the head revision on which the new"
                + " revision should be based, or perform a merge.");

    ok("merge", "heads", "-m", "merge billing", "--rev-id", "f6");

    assertThat(ok("heads").lines()).containsExactly("f6 (billing) (head)");
    assertThat(ok("history").lines())
        .containsExactly(
            "c3, d4 -> f6 (billing) (head) (mergepoint), merge billing",
            "b2 -> c3, add index",
            "a1 -> b2, add email",
            "<base> -> a1, create account",
            "<base> -> d4 (billing), billing");
    assertThat(ok("show", "f6").out()).startsWith("Rev: f6 (head) (mergepoint)\nMerges: c3, d4\n");
  }

  @Test
  void dependenciesMakeEffectiveHeads() {
    ok("revision", "-m", "x one", "--rev-id", "x1");
    ok("revision", "--head", "base", "--depends-on", "x1", "-m", "y one", "--rev-id", "y1");

    assertThat(ok("heads").lines()).containsExactly("x1 (effective head)", "y1 (head)");
    assertThat(ok("heads", "--resolve-dependencies").lines()).containsExactly("y1 (head)");
    assertThat(ok("history").lines())
        .containsExactly("<base> (x1) -> y1 (head), y one", "<base> -> x1 (effective head), x one");
    assertThat(ok("show", "y1").out())
        .isEqualTo(
            "Rev: y1 (head)\nParent: <base>\nAlso depends on: x1\nPath: "
                + versions.resolve("y1_y_one.sql")
                + "\n\n    y one\n\n");
  }

  @Test
  void spliceMakesABranchPointThatBranchesLists() {
    chain();
    bad("revision", "--head", "a1", "-m", "side");

    ok("revision", "--head", "a1", "--splice", "-m", "side", "--rev-id", "s9");

    assertThat(ok("branches").out()).isEqualTo("a1 (branchpoint)\n   -> b2\n   -> s9 (head)\n\n");
    assertThat(ok("branches", "-v").out())
        .isEqualTo(
            "Rev: a1 (branchpoint)\nParent: <base>\nBranches into: b2, s9\nPath: "
                + versions.resolve("a1_create_account.sql")
                + "\n\n    create account\n\n"
                + "   -> b2, add email\n   -> s9 (head), side\n\n");
    assertThat(ok("heads").lines()).containsExactly("c3 (head)", "s9 (head)");
  }

  @Test
  void badRevisionArguments() {
    chain();

    assertThat(bad("revision", "--head", "b2", "-m", "x").err())
        .isEqualTo(
            "FAILED: Revision b2 is not a head revision; please specify --splice to create a new"
                + " branch from this revision\n");
    assertThat(bad("revision", "--rev-id", "b2").err())
        .startsWith(
            "FAILED: Revision b2 already exists in " + versions.resolve("b2_add_email.sql"));
    assertThat(bad("revision", "--rev-id", "x-1@y").err())
        .isEqualTo("FAILED: Character(s) '-, @' not allowed in revision identifier 'x-1@y'\n");
    assertThat(bad("revision", "--depends-on", "zzzzzz").err())
        .startsWith("FAILED: Can't locate revision identified by 'zzzzzz' (given by --depends-on)");
    ok("revision", "--head", "base", "--branch-label", "tag", "--rev-id", "t1");
    assertThat(bad("revision", "--head", "base", "--branch-label", "tag").err())
        .startsWith("FAILED: Branch name 'tag' is already used by revision t1");
    assertThat(bad("merge", "c3", "c3").err())
        .isEqualTo("FAILED: Duplicate head revisions specified: c3, c3\n");
    assertThat(bad("merge", "c3").err())
        .startsWith("FAILED: Nothing to merge: c3 resolves to only c3");
    // nothing was written by the failed commands
    assertThat(versions.toFile().list()).hasSize(4);
  }

  @Test
  void unknownAndAmbiguousRevisions() {
    ok("revision", "-m", "one", "--rev-id", "abcd0001");
    ok("revision", "-m", "two", "--rev-id", "abcd0002");

    assertThat(bad("show", "zzzz").err()).contains("'zzzz'");
    assertThat(bad("show", "abcd").err()).contains("abcd0001", "abcd0002");
    assertThat(ok("show", "abcd0001").out()).startsWith("Rev: abcd0001\n");
    assertThat(bad("history", "-r", "abcd").err()).contains("[start]:[end]");
  }

  @Test
  void malformedRevisionFileNamesFileAndLine() throws IOException {
    chain();
    Path broken = versions.resolve("zz_broken.sql");
    Files.writeString(
        broken, "-- migrate:revision zz\n-- migrate:revises c3\n-- migrate:bogus x\n");

    Cli.Result result = bad("heads");

    assertThat(result.err()).startsWith("FAILED: " + broken + ":3: ");
  }

  @Test
  void cycleIsBadInput() throws IOException {
    Files.writeString(
        versions.resolve("a_a.sql"),
        "-- migrate:revision aaaa\n-- migrate:revises bbbb\n-- migrate:up\n-- migrate:down\n");
    Files.writeString(
        versions.resolve("b_b.sql"),
        "-- migrate:revision bbbb\n-- migrate:revises aaaa\n-- migrate:up\n-- migrate:down\n");

    assertThat(bad("history").err()).contains("ycle", "aaaa", "bbbb");
  }

  @Test
  void revisionsOptionAndEnvironmentPointElsewhere() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    ok("revision", "--revisions", "other", "-m", "elsewhere", "--rev-id", "o1");
    assertThat(other.resolve("o1_elsewhere.sql")).exists();

    Cli.Result result = new Cli(dir, java.util.Map.of("MIGRATE_REVISIONS", "other")).run("heads");

    assertThat(result.out()).isEqualTo("o1 (head)\n");
    assertThat(ok("heads").out()).isEmpty();
  }
}
