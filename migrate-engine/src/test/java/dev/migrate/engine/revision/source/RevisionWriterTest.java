package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.RevisionScript;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionWriterTest {

  @Test
  void slugFollowsAlembic() {
    assertThat(RevisionWriter.slug("Add tasks table")).isEqualTo("add_tasks_table");
    assertThat(RevisionWriter.slug("  add: user's e-mail!! ")).isEqualTo("add_user_s_e_mail");
    assertThat(RevisionWriter.slug(null)).isEqualTo("empty_message");
    assertThat(RevisionWriter.slug("")).isEqualTo("empty_message");
    // 47 characters joined; cut at 40 ("create_the_accounts_table_and_its_indexe") back to the
    // last '_', which is kept.
    assertThat(RevisionWriter.slug("create the accounts table and its indexes now"))
        .isEqualTo("create_the_accounts_table_and_its_");
    assertThat(RevisionWriter.slug("Größe ändern")).isEqualTo("größe_ändern");
  }

  @Test
  void writesSqlRevisionThatParsesBack(@TempDir Path dir) {
    Path file =
        RevisionWriter.writeSql(
            dir,
            "1a2b3c4d5e6f",
            "Add tasks table",
            List.of("0f9e8d7c6b5a", "77aa00ff11bb"),
            List.of("tasks", "work"),
            List.of("abcdef123456"));

    assertThat(file).isEqualTo(dir.resolve("1a2b3c4d5e6f_add_tasks_table.sql"));
    RevisionScript script = SqlRevisionParser.parse(file);
    assertThat(script.id()).isEqualTo("1a2b3c4d5e6f");
    assertThat(script.downRevisions()).containsExactly("0f9e8d7c6b5a", "77aa00ff11bb");
    assertThat(script.message()).isEqualTo("Add tasks table");
    assertThat(script.branchLabels()).containsExactly("tasks", "work");
    assertThat(script.dependsOn()).containsExactly("abcdef123456");
    MigrationPlan up = script.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE);
    MigrationPlan down = script.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE);
    assertThat(up.operations()).isEmpty();
    assertThat(down.operations()).isEmpty();
    assertThat(down.irreversibleReason()).as("an empty down section is not irreversible").isEmpty();
  }

  @Test
  void rootRevisionHasNoRevisesLineAndDefaultMessage(@TempDir Path dir) throws Exception {
    Path file = RevisionWriter.writeSql(dir, "abc123", null, List.of(), List.of(), List.of());

    assertThat(file.getFileName().toString()).isEqualTo("abc123_empty_message.sql");
    assertThat(Files.readString(file))
        .doesNotContain("migrate:revises", "migrate:branch-labels", "migrate:depends-on");
    RevisionScript script = SqlRevisionParser.parse(file);
    assertThat(script.downRevisions()).isEmpty();
    assertThat(script.message()).isEqualTo("empty message");
  }

  @Test
  void multiLineMessageBecomesOneLine(@TempDir Path dir) {
    Path file =
        RevisionWriter.writeSql(dir, "abc123", "first\nsecond", List.of(), List.of(), List.of());
    assertThat(SqlRevisionParser.parse(file).message()).isEqualTo("first second");
  }

  @Test
  void refusesToOverwrite(@TempDir Path dir) throws Exception {
    Path existing = dir.resolve("abc123_hello.sql");
    Files.writeString(existing, "keep me");

    assertThatThrownBy(
            () -> RevisionWriter.writeSql(dir, "abc123", "hello", List.of(), List.of(), List.of()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(existing + " already exists");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void refusesBadIdAndMissingDirectory(@TempDir Path dir) {
    assertThatThrownBy(
            () -> RevisionWriter.writeSql(dir, "a-b", "x", List.of(), List.of(), List.of()))
        .hasMessageContaining("Bad revision id 'a-b'");
    assertThatThrownBy(
            () ->
                RevisionWriter.writeSql(
                    dir.resolve("nope"), "ab", "x", List.of(), List.of(), List.of()))
        .hasMessageContaining("does not exist");
  }

  @Test
  void classNameIsPrefixedUpperCamelCase() {
    assertThat(RevisionWriter.className("1a2b", "add tasks table"))
        .isEqualTo("V1a2b_AddTasksTable");
    assertThat(RevisionWriter.className("1a2b", "!!!")).isEqualTo("V1a2b");
    assertThat(RevisionWriter.className("1a2b", null)).isEqualTo("V1a2b_EmptyMessage");
  }

  @Test
  void writesCompilableJavaRevisionThatLoadsBack(@TempDir Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path file =
        RevisionWriter.writeJava(
            src,
            "gen.revisions",
            "1a2b3c4d5e6f",
            "Add \"quoted\" \\ tasks",
            List.of("0f9e8d7c6b5a", "77aa00ff11bb"),
            List.of("tasks"),
            List.of("abcdef123456"));
    Path root =
        RevisionWriter.writeJava(
            src, "gen.revisions", "0f9e8d7c6b5a", "", List.of(), List.of(), List.of());

    assertThat(file).isEqualTo(src.resolve("gen/revisions/V1a2b3c4d5e6f_AddQuotedTasks.java"));
    compile(classes, file, root);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      List<RevisionScript> scripts = JavaRevisionLoader.load("gen.revisions", loader);

      assertThat(scripts)
          .extracting(RevisionScript::id)
          .containsExactly("0f9e8d7c6b5a", "1a2b3c4d5e6f");
      RevisionScript script = scripts.get(1);
      assertThat(script.downRevisions()).containsExactly("0f9e8d7c6b5a", "77aa00ff11bb");
      assertThat(script.branchLabels()).containsExactly("tasks");
      assertThat(script.dependsOn()).containsExactly("abcdef123456");
      assertThat(script.message()).isEqualTo("Add \"quoted\" \\ tasks");
      assertThat(scripts.get(0).message()).isEqualTo("empty message");
      assertThat(script.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE).operations()).isEmpty();
    }
    assertThatThrownBy(
            () ->
                RevisionWriter.writeJava(
                    src, "gen.revisions", "0f9e8d7c6b5a", "", List.of(), List.of(), List.of()))
        .hasMessageContaining("already exists");
  }

  private static void compile(Path classes, Path... sources) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String engineClasses =
        Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    List<String> args =
        new ArrayList<>(List.of("-d", classes.toString(), "-classpath", engineClasses));
    for (Path source : sources) {
      args.add(source.toString());
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = compiler.run(null, output, output, args.toArray(String[]::new));
    assertThat(status).as("javac output:%n%s", output).isZero();
  }
}
