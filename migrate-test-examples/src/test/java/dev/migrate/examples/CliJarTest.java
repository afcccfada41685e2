package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import dev.migrate.examples.MigrateJar.Run;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CLI jar as shipped: what it contains, what it prints besides its own lines, what it leaves.
 */
class CliJarTest {
  @TempDir Path dir;

  private static final String CONFIG = ExampleMigrationsTest.CONFIG;

  @Test
  void carriesSqliteNativesForTheSupportedPlatformsAndNoXDevApi() throws IOException {
    try (JarFile jar = new JarFile(MigrateJar.JAR.toFile())) {
      Set<String> names =
          jar.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
      Set<String> platforms =
          names.stream()
              .filter(n -> n.startsWith("org/sqlite/native/") && !n.endsWith("/"))
              .map(n -> n.substring("org/sqlite/native/".length(), n.lastIndexOf('/')))
              .collect(Collectors.toCollection(TreeSet::new));

      assertThat(platforms)
          .containsExactlyInAnyOrder(
              "Linux/x86_64",
              "Linux/aarch64",
              "Linux-Musl/x86_64",
              "Linux-Musl/aarch64",
              "Mac/x86_64",
              "Mac/aarch64",
              "Windows/x86_64",
              "Windows/aarch64");
      assertThat(names)
          .noneMatch(n -> n.startsWith("com/google/protobuf/"))
          .noneMatch(n -> n.startsWith("com/mysql/cj/xdevapi/"))
          .contains("com/mysql/cj/jdbc/Driver.class", "org/postgresql/Driver.class");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.migrate.engine.cli.Main");
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("dev.migrate.cli");
    }
    assertThat(Files.size(MigrateJar.JAR)).as("CLI jar size").isLessThan(12L << 20);
  }

  /**
   * Hibernate is the application's, never the jar's: without it, jpa: models are read by reflection
   * and say so, and hibernate: models say what to add.
   */
  @Test
  void carriesNoHibernateAndSaysWhatToAddForHibernateModels() throws Exception {
    try (JarFile jar = new JarFile(MigrateJar.JAR.toFile())) {
      assertThat(jar.stream().map(ZipEntry::getName))
          .noneMatch(n -> n.startsWith("org/hibernate/"));
    }
    MigrateJar jar = jar(Files.createDirectories(dir.resolve("tmp")));
    assertThat(jar.run("upgrade", "head", "--url", sqliteUrl(), "--config", CONFIG).exitCode())
        .isZero();

    Run jpa = jar.run("check", "--url", sqliteUrl(), "--config", CONFIG);
    Run hibernate =
        jar.run(
            "check",
            "--url",
            sqliteUrl(),
            "--config",
            CONFIG,
            "--models",
            "hibernate:dev.migrate.examples.domain");

    assertThat(jpa.err())
        .as(jpa.toString())
        .startsWith(
            "Models: read by the JPA reflection reader (no Hibernate ORM on the classpath)");
    assertThat(hibernate.exitCode()).as(hibernate.toString()).isEqualTo(2);
    assertThat(hibernate.err())
        .startsWith("FAILED: Hibernate models need Hibernate ORM 6.x or 7.x")
        .contains("add org.hibernate.orm:hibernate-core");
  }

  @Test
  void driversLogNothingToTheTerminal() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    // a stale entry the driver cannot delete made its start-up clean-up print a stack trace
    Path stale = Files.createDirectories(tmp.resolve("sqlite-3.54.1.0-0000-libsqlitejdbc.so"));
    Files.writeString(stale.resolve("inside"), "x");
    MigrateJar jar = jar(tmp);

    Run sqlite = jar.run("upgrade", "head", "--url", sqliteUrl(), "--config", CONFIG);
    Run postgres =
        jar.run("current", "--url", "jdbc:postgresql://127.0.0.1/x?port=99999", "--config", CONFIG);

    assertThat(sqlite.exitCode()).as(sqlite.toString()).isZero();
    assertThat(sqlite.err()).isEmpty();
    // the PostgreSQL driver's own java.util.logging line ("WARNING: JDBC URL port ...") is gone
    assertThat(postgres.err().lines()).as(postgres.toString()).hasSize(1);
    assertThat(postgres.err()).startsWith("FAILED: ");
  }

  @Test
  void aKilledRunLeavesNothingInTheTempDirectory() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String url = sqliteUrl();
    MigrateJar jar = jar(tmp);
    assertThat(jar.run("upgrade", "3f2a9c1d7b10", "--url", url, "--config", CONFIG).exitCode())
        .isZero();
    Path lockFile = dir.resolve("app.db.migrate-lock");

    // Holding the migration lock keeps the next run waiting with its database open, so its native
    // library is loaded when it is killed.
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      Process run = jar.start("upgrade", "head", "--url", url, "--config", CONFIG);
      assertThat(run.waitFor(4, TimeUnit.SECONDS)).as("the run waits for the lock").isFalse();
      run.destroyForcibly().waitFor();
    }

    assertThat(list(tmp)).isEmpty();
    assertThat(jar.run("upgrade", "head", "--url", url, "--config", CONFIG).exitCode()).isZero();
    assertThat(list(tmp)).isEmpty();
    try (Stream<Path> cached = Files.walk(dir.resolve("cache/migrate"))) {
      assertThat(cached.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .as("one cached library, reused by every run")
          .containsExactly(System.mapLibraryName("sqlitejdbc"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void upgradesAndDowngradesOnServerBackends(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      MigrateJar jar = new MigrateJar(dir);

      Run up = jar.run("upgrade", "head", "--url", db.url(), "--config", CONFIG);
      Run current = jar.run("current", "--url", db.url(), "--config", CONFIG);
      Run down =
          jar.run(
              "downgrade",
              ExampleMigrationsTest.IRREVERSIBLE,
              "--url",
              db.url(),
              "--config",
              CONFIG);
      Run refused = jar.run("downgrade", "base", "--url", db.url(), "--config", CONFIG);

      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.out().lines()).hasSize(13);
      assertThat(current.out()).isEqualTo("f47b2a8e1d59 (head)\n");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(down.out().lines()).hasSize(3);
      assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
      assertThat(refused.err()).contains(ExampleMigrationsTest.IRREVERSIBLE, "irreversible");
    }
  }

  private MigrateJar jar(Path tmp) {
    return new MigrateJar(
        dir,
        List.of("-Djava.io.tmpdir=" + tmp),
        Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()));
  }

  private String sqliteUrl() {
    return "jdbc:sqlite:" + dir.resolve("app.db");
  }

  private static List<String> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Collections.emptyList();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
