package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws malformed option lists, targets, revision files and properties at the CLI, on SQLite, and
 * holds it to the exit-code contract: 0 or 2 (the fixture has no failing revision, so 1 would be
 * bad input misreported), one {@code FAILED:} line and never a stack trace, and the version table
 * untouched unless the run succeeded.
 *
 * <p>Each case is generated from its seed alone. Replay one with {@code -Dmigrate.fuzz.seed=<seed>
 * -Dmigrate.fuzz.cases=1}; {@code migrate.fuzz.cases} sets how many.
 */
class CliFuzzTest {
  private static final long BASE_SEED = Long.getLong("migrate.fuzz.seed", 20261201L);
  private static final int CASES = Integer.getInteger("migrate.fuzz.cases", 100);

  private static final String[] COMMANDS = {
    "upgrade", "downgrade", "stamp", "current", "history", "heads", "branches", "show", "check"
  };
  private static final String[] READ_ONLY = {"current", "history", "heads", "branches", "check"};
  private static final String[] TARGETS = {
    "head",
    "heads",
    "base",
    "current",
    "a1",
    "b2",
    "c3",
    "a1@base",
    "@head",
    "head-1",
    "-1",
    "+1",
    "current:",
    ":current",
    "a1:"
  };

  /** Targets no command accepts: each must be exit 2 wherever it is given. */
  private static final String[] BAD_TARGETS = {
    "",
    " ",
    "typo",
    "typo@base",
    "typo@head",
    "typo@-1",
    "typo@+1",
    "typo@a1",
    "base-1",
    "base-2",
    "head+1",
    "head+9",
    "+",
    "-",
    "@",
    "zz",
    "::",
    "-99999999999999999999",
    "+99999999999999999999",
    "heads@heads",
    "c3-5",
    "a1+7",
    "\u00e9",
    "a1 b2",
    "%",
    "'; DROP TABLE account; --"
  };

  private static final String[] OPTIONS = {
    "--sql",
    "--purge",
    "-v",
    "-i",
    "-X",
    "--bogus",
    "--ignore-checksums",
    "--resolve-dependencies",
    "-r",
    "--version-table",
    "--history-table",
    "--revisions",
    "--models",
    "--classpath",
    "--java-package",
    "--config",
    "--include-table",
    "--exclude-table",
    "--user",
    "--password"
  };
  private static final String[] VALUES = {
    "",
    " ",
    "deploy log",
    "1abc",
    "x".repeat(70),
    "migrate_version",
    "nosuch",
    "nosuch.sql",
    "jpa:",
    "dsl:",
    "dsl:no.Such",
    "jpa:no.such",
    "/nonexistent",
    "versions",
    "a1:",
    ":",
    "*",
    ",",
    "audit_*,",
    "??",
    "-X",
    "a\u0000b"
  };

  private static Path template;

  @BeforeAll
  static void project(@TempDir Path dir) throws Exception {
    template = dir;
    Cli cli = new Cli(dir, env(dir));
    require(cli.run("init"));
    revision(cli, "a1", "CREATE TABLE account (id INTEGER PRIMARY KEY);", "DROP TABLE account;");
    revision(cli, "b2", "ALTER TABLE account ADD COLUMN email VARCHAR(200);", "");
    revision(cli, "c3", "CREATE INDEX ix_email ON account (email);", "DROP INDEX ix_email;");
    require(cli.run("upgrade", "head"));
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, CASES).mapToObj(i -> BASE_SEED + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void badInputIsExitTwoAndChangesNothing(long seed, @TempDir Path dir) throws Exception {
    Cli.copy(template, dir);
    Random random = new Random(seed);
    // the kind of input and its variant go round-robin over the seeds, so every variant is covered
    int variant = (int) Math.floorMod(seed / 4, 1L << 20);
    Case fuzz =
        switch ((int) Math.floorMod(seed, 4L)) {
          case 0 -> options(random, dir);
          case 1 -> revisionFile(random, variant, dir);
          case 2 -> properties(random, variant, dir);
          default -> targets(random, variant);
        };
    for (String[] args : fuzz.runs()) {
      check(seed, fuzz, args, dir);
    }
  }

  private static void check(long seed, Case fuzz, String[] args, Path dir) throws Exception {
    State before = state(dir);

    Cli.Result result = new Cli(dir, env(dir)).run(args);

    String replay =
        "seed "
            + seed
            + " ("
            + fuzz.what()
            + "), replay with -Dmigrate.fuzz.seed="
            + seed
            + " -Dmigrate.fuzz.cases=1\n"
            + result;
    if (!List.of(args).contains("-X")) {
      assertThat(result.err()).as(replay).doesNotContain("\tat ", "Exception:");
    }
    if (fuzz.badInput()) {
      assertThat(result.exitCode()).as(replay).isEqualTo(2);
    } else {
      assertThat(result.exitCode()).as(replay).isIn(0, 2);
    }
    if (result.exitCode() != 0) {
      assertThat(result.err()).as(replay).startsWith("FAILED: ");
      assertThat(result.err().lines().filter(l -> l.startsWith("FAILED: "))).as(replay).hasSize(1);
      assertThat(state(dir)).as(replay).isEqualTo(before);
    } else if (fuzz.readOnly()) {
      assertThat(state(dir)).as(replay).isEqualTo(before);
    }
  }

  /** The arguments of one run, what they exercise, and what the contract allows. */
  private record Case(String what, boolean badInput, boolean readOnly, List<String[]> runs) {
    Case(String what, boolean badInput, boolean readOnly, String... args) {
      this(what, badInput, readOnly, List.<String[]>of(args));
    }
  }

  /** A command with a random mix of known, unknown, repeated and value-less options. */
  private static Case options(Random random, Path dir) {
    List<String> args = new ArrayList<>();
    String command = pick(random, COMMANDS);
    args.add(command);
    if (!command.equals("current") && !command.equals("heads") && !command.equals("branches")) {
      if (!command.equals("history") && !command.equals("check")) {
        args.add(pick(random, random.nextBoolean() ? TARGETS : BAD_TARGETS));
      }
    }
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String option = pick(random, OPTIONS);
      args.add(random.nextInt(6) == 0 ? random.nextInt(args.size() + 1) : args.size(), option);
      if (option.startsWith("--") && !option.equals("--sql") && random.nextBoolean()) {
        args.add(pick(random, VALUES));
      }
    }
    if (random.nextInt(4) == 0) {
      String repeated = pick(random, new String[] {"--url", "--revisions", "--version-table"});
      String value = repeated.equals("--url") ? env(dir).get("MIGRATE_URL") : "versions";
      args.addAll(List.of(repeated, value, repeated, value));
    }
    return new Case("options " + args, false, false, args.toArray(String[]::new));
  }

  /** A malformed target, given to every command that takes one. */
  private static Case targets(Random random, int variant) {
    String target = BAD_TARGETS[variant % BAD_TARGETS.length];
    List<String[]> runs = new ArrayList<>();
    for (String command : new String[] {"upgrade", "downgrade", "stamp", "show"}) {
      runs.add(
          random.nextBoolean()
              ? new String[] {command, target}
              : new String[] {command, target, "--revisions", "versions"});
    }
    return new Case("target '" + target + "'", true, false, runs);
  }

  /** A malformed revision file added to the versions directory, then any command. */
  private static Case revisionFile(Random random, int variant, Path dir) throws IOException {
    Path versions = dir.resolve("versions");
    String header = "-- migrate:revision d4\n-- migrate:revises c3\n";
    String body = "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n";
    String what;
    switch (variant % 16) {
      case 0 -> {
        what = "unknown directive";
        write(versions, header + "-- migrate:bogus\n" + body);
      }
      case 1 -> {
        what = "no revision header";
        write(versions, "-- migrate:revises c3\n" + body);
      }
      case 2 -> {
        what = "reserved id";
        String id = pick(random, new String[] {"head", "heads", "base", "current"});
        write(versions, "-- migrate:revision " + id + "\n-- migrate:revises c3\n" + body);
      }
      case 3 -> {
        what = "illegal id";
        String id = pick(random, new String[] {"d-4", "d@4", "d+4", "d:4"});
        write(versions, "-- migrate:revision " + id + "\n-- migrate:revises c3\n" + body);
      }
      case 4 -> {
        what = "unknown parent";
        write(versions, "-- migrate:revision d4\n-- migrate:revises nope\n" + body);
      }
      case 5 -> {
        what = "self loop";
        write(versions, "-- migrate:revision d4\n-- migrate:revises d4\n" + body);
      }
      case 6 -> {
        what = "cycle";
        write(versions, "-- migrate:revision d4\n-- migrate:revises e5\n" + body);
        Files.writeString(
            versions.resolve("e5_x.sql"), "-- migrate:revision e5\n-- migrate:revises d4\n" + body);
      }
      case 7 -> {
        what = "duplicate id";
        write(versions, "-- migrate:revision a1\n" + body);
      }
      case 8 -> {
        what = "duplicate branch label";
        write(versions, header + "-- migrate:branch-labels x\n" + body);
        Files.writeString(
            versions.resolve("e5_x.sql"),
            "-- migrate:revision e5\n-- migrate:revises d4\n-- migrate:branch-labels x\n" + body);
      }
      case 9 -> {
        what = "invalid UTF-8";
        byte[] text = (header + body).getBytes(StandardCharsets.UTF_8);
        text[text.length - 3] = (byte) (0x80 + random.nextInt(0x7f));
        Files.write(versions.resolve("d4_x.sql"), text);
      }
      case 10 -> {
        what = "dangling symlink";
        Files.createSymbolicLink(versions.resolve("d4_x.sql"), versions.resolve("gone.sql"));
      }
      case 11 -> {
        what = "unknown dependency";
        write(versions, header + "-- migrate:depends-on nothing\n" + body);
      }
      case 12 -> {
        what = "bad transactional";
        write(versions, header + "-- migrate:transactional maybe\n" + body);
      }
      case 13 -> {
        what = "empty file";
        write(versions, "");
      }
      case 14 -> {
        what = "no up section";
        write(versions, header + "SELECT 1;\n");
      }
      default -> {
        what = "truncated header";
        write(versions, "-- migrate:rev");
      }
    }
    String command = pick(random, COMMANDS);
    List<String> args = new ArrayList<>(List.of(command));
    if (!List.of(READ_ONLY).contains(command)) {
      args.add(pick(random, new String[] {"head", "base", "-1", "a1", "heads"}));
    }
    return new Case(
        "revision file: " + what + ", " + args, true, false, args.toArray(String[]::new));
  }

  /** A migrate.properties with one malformed line, then a command that changes nothing at head. */
  private static Case properties(Random random, int variant, Path dir) throws IOException {
    String[] lines = {
      "bogus_key=1",
      "version_table=deploy log",
      "history_table=1abc",
      "include_tables=,",
      "exclude_tables=audit_*,",
      "revisions=/nonexistent/versions",
      "classpath=/nonexistent.jar",
      "java.package=no.such.pkg",
      "version_table=" + "x".repeat(70),
      "include_tables=a b",
      "revisions=migrate.properties",
    };
    String line = lines[variant % lines.length];
    Files.writeString(dir.resolve("migrate.properties"), line + "\n");
    String command = pick(random, new String[] {"current", "history", "heads", "check", "upgrade"});
    List<String> args = new ArrayList<>(List.of(command));
    if (command.equals("upgrade")) {
      args.add("head");
    }
    boolean bad = !line.startsWith("include_tables") && !line.startsWith("exclude_tables");
    return new Case("properties " + line + ", " + args, bad, true, args.toArray(String[]::new));
  }

  // ---- fixture ----------------------------------------------------------------------------------

  private static Map<String, String> env(Path dir) {
    return Map.of("MIGRATE_URL", "jdbc:sqlite:" + dir.resolve("app.db"));
  }

  private static void revision(Cli cli, String id, String up, String down) throws IOException {
    require(cli.run("revision", "--rev-id", id, "-m", "step " + id));
    Path file = template.resolve("versions/" + id + "_step_" + id + ".sql");
    String text = Files.readString(file);
    String header = text.substring(0, text.indexOf("-- migrate:up"));
    Files.writeString(file, header + "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n");
  }

  private static void require(Cli.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  private static void write(Path versions, String text) throws IOException {
    Files.writeString(versions.resolve("d4_x.sql"), text);
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** The tables of the database and the rows of its version table. */
  private record State(List<String> tables, List<String> versionRows) {}

  private static State state(Path dir) throws SQLException {
    List<String> tables = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT version_num FROM migrate_version ORDER BY 1")) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
    }
    return new State(tables, rows);
  }
}
