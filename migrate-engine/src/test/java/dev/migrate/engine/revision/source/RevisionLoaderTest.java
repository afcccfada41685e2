package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.RevisionScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionLoaderTest {
  private static final String GOOD = "dev.migrate.engine.revision.source.fixtures.good";

  private static void write(Path file, String id) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "-- migrate:revision " + id + "\n-- migrate:up\nSELECT 1;\n");
  }

  @Test
  void mixesSqlFilesAndJavaClassesSortedByFileName(@TempDir Path dir) throws Exception {
    write(dir.resolve("AddTz.sql"), "s1");
    write(dir.resolve("Aa_first.sql"), "s2");
    write(dir.resolve("nested/AddUsersZ.sql"), "s3");
    write(dir.resolve("AddUsers.java.sql"), "s4");

    List<RevisionScript> scripts = RevisionLoader.load(dir, GOOD, getClass().getClassLoader());

    // File names: Aa_first.sql, AddTasks.java, AddTz.sql, AddUsers.java, AddUsers.java.sql,
    // AddUsersZ.sql, DropLegacy.java
    assertThat(scripts)
        .extracting(RevisionScript::id)
        .containsExactly("s2", "bbb222", "s1", "aaa111", "s4", "s3", "ccc333");
    assertThat(scripts.get(0).origin()).isEqualTo(dir.resolve("Aa_first.sql").toString());
    assertThat(scripts.get(1).origin()).isEqualTo(GOOD + ".AddTasks");
    assertThat(scripts.get(5).origin()).isEqualTo(dir.resolve("nested/AddUsersZ.sql").toString());
  }

  @Test
  void anIrreversibleReasonNamesTheFileUnderTheRevisionsDirectoryNotItsAbsolutePath(
      @TempDir Path dir) throws Exception {
    write(dir.resolve("nested/0004_x.sql"), "s1");

    RevisionScript script = RevisionLoader.load(dir, null, null).get(0);

    assertThat(script.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE).irreversibleReason())
        .contains("declared irreversible: nested/0004_x.sql has no '-- migrate:down' section");
  }

  @Test
  void onlySqlFilesAndNoHiddenOnes(@TempDir Path dir) throws Exception {
    write(dir.resolve("b.sql"), "b1");
    write(dir.resolve(".hidden.sql"), "h1");
    write(dir.resolve(".git/x.sql"), "h2");
    write(dir.resolve("sub/a.sql"), "a1");
    Files.writeString(dir.resolve("README.md"), "not a revision");
    Files.writeString(dir.resolve("c.sql.bak"), "not a revision");

    List<RevisionScript> scripts = RevisionLoader.load(dir, null, getClass().getClassLoader());

    assertThat(scripts).extracting(RevisionScript::id).containsExactly("a1", "b1");
  }

  @Test
  void javaOnlyAndNothing() {
    assertThat(RevisionLoader.load(null, GOOD, getClass().getClassLoader())).hasSize(3);
    assertThat(RevisionLoader.load(null, null, getClass().getClassLoader())).isEmpty();
  }

  @Test
  void missingDirectoryIsAnErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("versions");
    assertThatThrownBy(() -> RevisionLoader.load(missing, null, getClass().getClassLoader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Revisions directory " + missing + " does not exist");
  }

  @Test
  void malformedFileFailsTheLoadWithItsName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.sql"), "-- migrate:revision a1\n-- migrate:bogus\n");
    assertThatThrownBy(() -> RevisionLoader.load(dir, null, getClass().getClassLoader()))
        .hasMessageStartingWith(dir.resolve("x.sql") + ":2: unknown directive");
  }

  @Test
  void aDanglingOrLoopingSymlinkNamedSqlIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
    write(dir.resolve("a.sql"), "a1");
    Path dangling = Files.createSymbolicLink(dir.resolve("b.sql"), dir.resolve("gone.sql"));
    assertThatThrownBy(() -> RevisionLoader.load(dir, null, getClass().getClassLoader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(dangling.toString())
        .hasMessageContaining("symbolic link");
    Files.delete(dangling);
    Path loop = Files.createSymbolicLink(dir.resolve("c.sql"), dir.resolve("c.sql"));
    assertThatThrownBy(() -> RevisionLoader.load(dir, null, getClass().getClassLoader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(loop.toString());
  }

  @Test
  void aLinkToAFileIsARevisionAndAFifoIsAnError(@TempDir Path dir) throws Exception {
    write(dir.resolve("real/a.txt"), "a1");
    Files.createSymbolicLink(dir.resolve("a.sql"), dir.resolve("real/a.txt"));
    assertThat(RevisionLoader.load(dir, null, getClass().getClassLoader()))
        .extracting(RevisionScript::id)
        .containsExactly("a1");
    Path fifo = dir.resolve("f.sql");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo available");
    assertThatThrownBy(() -> RevisionLoader.load(dir, null, getClass().getClassLoader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(fifo + " is not a regular file");
  }
}
