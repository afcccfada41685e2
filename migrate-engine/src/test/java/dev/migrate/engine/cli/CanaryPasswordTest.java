package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary password put in every place a password can be given (each URL form, the properties file,
 * the environment, an option, a {@code ${VAR}} reference) and run through commands and their
 * failure paths (a good database, a wrong host, a missing database, a failing revision, {@code -X},
 * {@code current -v}, {@code history}) never appears in standard output, standard error or the
 * history table. The cases are drawn from a seed, printed on failure; replay one with {@code
 * -Dmigrate.canary.seed=N}. A few cases run in a separate JVM, so that what drivers log to the real
 * standard error is seen too.
 */
class CanaryPasswordTest {
  private static final int IN_PROCESS_RUNS = 60;
  private static final int SEPARATE_JVM_RUNS = 3;
  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @TempDir Path dir;

  /** Where the URL or password of one run is given. */
  private enum Place {
    FILE,
    ENV,
    OPTION
  }

  /** One password location: how it changes the URL, the file, the environment and the options. */
  private record Form(String name, DatabaseKind kind, UnaryOperator<String> url, Place password) {}

  /** One run: a form, how the URL is broken (or not), a command, and where the URL is given. */
  private record Case(Form form, String variant, String url, Place urlPlace, List<String> args) {
    @Override
    public String toString() {
      return form.name + " / " + variant + " / url in " + urlPlace + " / " + String.join(" ", args);
    }
  }

  @Test
  void canaryPasswordNeverAppears() throws Exception {
    long seed = Long.getLong("migrate.canary.seed", new SecureRandom().nextLong());
    Random random = new Random(seed);
    String canary = canary(random);
    String description = "seed " + seed + " (replay with -Dmigrate.canary.seed=" + seed + ")";
    try (TestDatabase pg = TestDatabases.create(DatabaseKind.POSTGRESQL);
        TestDatabase my = TestDatabases.create(DatabaseKind.MYSQL);
        TestDatabase lite = TestDatabases.create(DatabaseKind.SQLITE)) {
      Path good = project("good", false);
      Path failing = project("failing", true);
      List<Form> forms = forms(canary);
      Map<DatabaseKind, String> urls =
          Map.of(
              DatabaseKind.POSTGRESQL, pg.url(),
              DatabaseKind.MYSQL, my.url(),
              DatabaseKind.SQLITE, lite.url());
      // first an upgrade that succeeds on each backend, so that the history table has rows
      List<Case> cases = new ArrayList<>();
      for (int f : new int[] {0, 3, forms.size() - 2}) {
        Form form = forms.get(f);
        String url = form.url.apply(urls.get(form.kind));
        cases.add(new Case(form, "as is", url, Place.ENV, List.of("upgrade", "head")));
      }
      for (int i = 0; i < IN_PROCESS_RUNS + SEPARATE_JVM_RUNS; i++) {
        Form form = forms.get(random.nextInt(forms.size()));
        cases.add(newCase(random, form, urls.get(form.kind)));
      }
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        Form form = c.form;
        Path project = c.args.contains("fail") ? failing : good;
        List<String> args = new ArrayList<>(c.args);
        args.remove("fail");
        Map<String, String> env = new HashMap<>();
        StringBuilder properties = new StringBuilder();
        place(c.urlPlace, "url", "MIGRATE_URL", "--url", c.url, properties, env, args);
        if (form.password != null) {
          place(
              form.password,
              "password",
              "MIGRATE_PASSWORD",
              "--password",
              canary,
              properties,
              env,
              args);
        }
        if (form.name.equals("${VAR} in the file")) {
          properties.append("password=${CANARY_SECRET}\n");
          env.put("CANARY_SECRET", canary);
        }
        Files.writeString(project.resolve("migrate.properties"), properties.toString());
        String output;
        if (i < cases.size() - SEPARATE_JVM_RUNS) {
          Cli.Result result = new Cli(project, env).run(args.toArray(String[]::new));
          output = "exit " + result.exitCode() + "\n" + result.out() + result.err();
        } else {
          output = separateJvm(project, env, args);
        }
        assertThat(output)
            .as("%s, run %d: %s\n%s", description, i, c, output)
            .doesNotContain(canary);
      }
      for (TestDatabase database : List.of(pg, my, lite)) {
        assertThat(tableText(database, "migrate_history") + tableText(database, "migrate_version"))
            .as("%s: the tables of %s", description, database)
            .doesNotContain(canary)
            .contains("a1");
      }
    }
  }

  /** Letters and digits with '/' and '@' inside: the characters that broke the old mask. */
  private static String canary(Random random) {
    StringBuilder s = new StringBuilder("Cy");
    for (int i = 0; i < 10; i++) {
      s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    s.insert(2 + random.nextInt(10), '/');
    s.insert(2 + random.nextInt(11), '@');
    return s.toString();
  }

  /** Letters and digits only, for forms where '/' or '@' would end the value. */
  private static String plain(String canary) {
    return canary.replace("/", "").replace("@", "");
  }

  private static List<Form> forms(String canary) {
    String mysqlHost = "127.0.0.1";
    List<Form> forms = new ArrayList<>();
    forms.add(
        form("postgresql ?password=", DatabaseKind.POSTGRESQL, u -> u + "&password=" + canary));
    forms.add(
        form(
            "postgresql ?sslpassword=",
            DatabaseKind.POSTGRESQL,
            u -> u + "&sslpassword=" + canary));
    forms.add(form("mysql ?password=", DatabaseKind.MYSQL, u -> u + "&password=" + canary));
    forms.add(
        form(
            "mysql ?trustCertificateKeyStorePassword=",
            DatabaseKind.MYSQL,
            u -> u + "&trustCertificateKeyStorePassword=" + canary));
    forms.add(
        form(
            "mysql (host=...,password=...)",
            DatabaseKind.MYSQL,
            u ->
                u.replace(
                    "//" + mysqlHost + ":3306/",
                    "//(host=" + mysqlHost + ",port=3306,password=" + plain(canary) + ")/")));
    forms.add(
        form(
            "mysql address=(...)(password=...)",
            DatabaseKind.MYSQL,
            u ->
                u.replace(
                    "//" + mysqlHost + ":3306/",
                    "//address=(host="
                        + mysqlHost
                        + ")(port=3306)(password="
                        + plain(canary)
                        + ")/")));
    forms.add(
        form(
            "mysql user:password@host",
            DatabaseKind.MYSQL,
            u -> u.replace("//" + mysqlHost, "//root:" + canary + "@" + mysqlHost)));
    forms.add(
        form(
            "mysql user:password@host, plain",
            DatabaseKind.MYSQL,
            u -> u.replace("//" + mysqlHost, "//root:" + plain(canary) + "@" + mysqlHost)));
    for (Place place : Place.values()) {
      forms.add(new Form("password in " + place, DatabaseKind.POSTGRESQL, u -> u, place));
      forms.add(new Form("password in " + place, DatabaseKind.MYSQL, u -> u, place));
      forms.add(new Form("password in " + place, DatabaseKind.SQLITE, u -> u, place));
    }
    forms.add(form("${VAR} in the file", DatabaseKind.POSTGRESQL, u -> u));
    return forms;
  }

  private static Form form(String name, DatabaseKind kind, UnaryOperator<String> url) {
    return new Form(name, kind, url, null);
  }

  private static Case newCase(Random random, Form form, String databaseUrl) {
    List<String> variants =
        form.kind == DatabaseKind.SQLITE
            ? List.of("as is", "bad mode")
            : List.of("as is", "as is", "bad host", "missing database", "bad port");
    String variant = variants.get(random.nextInt(variants.size()));
    String url = form.url.apply(databaseUrl);
    url =
        switch (variant) {
          case "bad host" ->
              url.replace(":5432", ":1").replace(":3306", ":1").replace("port=3306", "port=1");
          case "missing database" ->
              url.replaceFirst("/migrate_test_[0-9a-z_]+", "/no_such_database_c");
          case "bad port" ->
              url.replace(":5432", ":54x").replace(":3306", ":33x").replace("port=3306", "port=x");
          case "bad mode" -> url + "?mode=bogus";
          default -> url;
        };
    List<List<String>> commands =
        List.of(
            List.of("upgrade", "head"),
            List.of("upgrade", "head", "-X"),
            List.of("current", "-v"),
            List.of("current", "-v", "-X"),
            List.of("history", "-i", "-v"),
            List.of("check"),
            List.of("stamp", "a1"),
            List.of("show", "current"),
            List.of("downgrade", "base", "-X"),
            List.of("fail", "upgrade", "head"),
            List.of("fail", "upgrade", "head", "-X"));
    List<String> args = commands.get(random.nextInt(commands.size()));
    Place urlPlace = Place.values()[random.nextInt(Place.values().length)];
    return new Case(form, variant, url, urlPlace, args);
  }

  private static void place(
      Place place,
      String key,
      String variable,
      String option,
      String value,
      StringBuilder properties,
      Map<String, String> env,
      List<String> args) {
    switch (place) {
      case FILE -> properties.append(key).append('=').append(value).append('\n');
      case ENV -> env.put(variable, value);
      case OPTION -> {
        args.add(option);
        args.add(value);
      }
    }
  }

  /** A project with revision a1 creating a table; the failing one adds b2, which fails. */
  private Path project(String name, boolean failing) throws IOException {
    Path versions = Files.createDirectories(dir.resolve(name).resolve("versions"));
    Files.writeString(
        versions.resolve("a1_create.sql"),
        """
        -- migrate:revision a1
        -- migrate:message create canary_t
        -- migrate:up
        CREATE TABLE canary_t (id INTEGER PRIMARY KEY);
        -- migrate:down
        DROP TABLE canary_t;
        """);
    if (failing) {
      Files.writeString(
          versions.resolve("b2_fail.sql"),
          """
          -- migrate:revision b2
          -- migrate:revises a1
          -- migrate:message fails
          -- migrate:up
          INSERT INTO no_such_table_c VALUES (1);
          -- migrate:down
          """);
    }
    return dir.resolve(name);
  }

  private static String separateJvm(Path project, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return "separate JVM, exit " + process.exitValue() + "\n" + output;
  }

  /** Every cell of a table as text, or empty when the table does not exist. */
  private static String tableText(TestDatabase database, String table) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          text.append(rs.getString(i)).append('|');
        }
        text.append('\n');
      }
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).toLowerCase().contains(table)) {
        throw e;
      }
    }
    return text.toString();
  }
}
