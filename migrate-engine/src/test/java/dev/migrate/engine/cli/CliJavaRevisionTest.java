package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java revisions: written by {@code revision --java}, compiled, loaded through --classpath. */
class CliJavaRevisionTest {
  @TempDir Path dir;

  @Test
  void javaRevisionWrittenCompiledAndAppliedNextToSqlRevisions() throws Exception {
    Path db = dir.resolve("app.db");
    Cli cli = new Cli(dir, Map.of("MIGRATE_URL", "jdbc:sqlite:" + db));
    run(cli, "init");
    run(cli, "revision", "-m", "create account", "--rev-id", "a1");
    Cli.Result noSourceRoot = cli.run("revision", "--java", "--java-package", "com.example.rev");
    assertThat(noSourceRoot.err())
        .isEqualTo(
            "FAILED: Java source directory "
                + dir.resolve("src/main/java")
                + " does not exist; create it or point --java-source at your source root\n");
    Files.createDirectories(dir.resolve("src/main/java"));

    Cli.Result written =
        run(
            cli,
            "revision",
            "--java",
            "--java-package",
            "com.example.rev",
            "-m",
            "add audit",
            "--rev-id",
            "j2");

    Path source = dir.resolve("src/main/java/com/example/rev/Vj2_AddAudit.java");
    assertThat(written.lines())
        .containsExactly(
            "Generating " + source + " ...  done",
            "Compile it before running migrate again: Java revisions are read from compiled"
                + " classes (--classpath), so until then 'upgrade' does not see it and a new"
                + " revision would fork the history.");
    Cli.Result beforeCompiling =
        cli.run("revision", "--java", "--java-package", "com.example.rev", "--rev-id", "j3");
    assertThat(beforeCompiling.exitCode()).as(beforeCompiling.toString()).isEqualTo(2);
    assertThat(beforeCompiling.err())
        .startsWith("FAILED: Java revision " + source + " is not compiled");
    String text = Files.readString(source);
    assertThat(text).contains("package com.example.rev;", "id = \"j2\"", "revises = \"a1\"");
    Files.writeString(
        source,
        text.replace(
                "// op.execute(\"CREATE TABLE ...\");",
                "op.execute(\"CREATE TABLE audit (id INTEGER PRIMARY KEY)\");")
            .replaceFirst(
                "(public void downgrade\\(Ops op\\) \\{\n)",
                "$1    op.execute(\"DROP TABLE audit\");\n"));
    Path classes = compile(source);

    Cli.Result withoutClasspath = cli.run("heads", "--java-package", "com.example.rev");
    String[] javaOptions = {"--java-package", "com.example.rev", "--classpath", "classes"};
    Cli.Result heads = run(cli, concat(new String[] {"heads"}, javaOptions));
    Cli.Result upgrade = run(cli, concat(new String[] {"upgrade", "head"}, javaOptions));

    assertThat(withoutClasspath.exitCode()).isEqualTo(2);
    assertThat(withoutClasspath.err()).contains("'com.example.rev' is not on the classpath");
    assertThat(heads.out()).isEqualTo("j2 (head)\n");
    assertThat(upgrade.lines())
        .containsExactly(
            "Running upgrade  -> a1, create account", "Running upgrade a1 -> j2, add audit");
    assertThat(tableExists(db, "audit")).isTrue();
    assertThat(run(cli, concat(new String[] {"downgrade", "a1"}, javaOptions)).lines())
        .containsExactly("Running downgrade j2 -> a1, add audit");
    assertThat(tableExists(db, "audit")).isFalse();
    assertThat(classes).isDirectory();

    Files.setLastModifiedTime(
        source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Cli.Result editedAfterCompiling =
        cli.run(concat(new String[] {"revision", "--java", "--rev-id", "j3"}, javaOptions));
    assertThat(editedAfterCompiling.exitCode()).as(editedAfterCompiling.toString()).isEqualTo(2);
    assertThat(editedAfterCompiling.err()).contains(source + " changed after it was compiled");
    assertThat(dir.resolve("src/main/java/com/example/rev"))
        .isDirectoryNotContaining("glob:**Vj3*");
  }

  @Test
  void javaNeedsAPackage() {
    Cli cli = new Cli(dir);
    run(cli, "init");

    Cli.Result result = cli.run("revision", "--java");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "FAILED: --java needs the package of Java revisions; set --java-package,"
                + " 'java.package' in "
                + dir.resolve("migrate.properties")
                + " or MIGRATE_JAVA_PACKAGE\n");
  }

  @Test
  void missingClasspathEntryIsBadInput() {
    Cli cli = new Cli(dir);
    run(cli, "init");

    Cli.Result result = cli.run("heads", "--java-package", "x.y", "--classpath", "nope");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("FAILED: Classpath entry " + dir.resolve("nope"));
  }

  private static Cli.Result run(Cli cli, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private Path compile(Path source) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        compiler
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                null,
                compiler
                    .getStandardFileManager(null, null, null)
                    .getJavaFileObjects(source.toFile()))
            .call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();
    return classes;
  }

  private static boolean tableExists(Path db, String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
      return rs.next();
    }
  }
}
