package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.FlywayRevisions.MissingUndo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Flyway directory read as a chain: names, Flyway's version order, undo files, notices. */
class FlywayRevisionsTest {
  @TempDir Path dir;

  private Path write(String path, String sql) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, sql);
    return file;
  }

  private static List<String> statements(MigrationPlan plan) {
    return plan.operations().stream().map(op -> ((Operation.Execute) op).sql()).toList();
  }

  @Test
  void versionsAreOrderedAsNumbersPartByPartAcrossSubdirectories() throws Exception {
    write("V10__ten.sql", "SELECT 10;");
    write("a/V2__two.sql", "SELECT 2;");
    write("b/c/V1_2__one_two.sql", "SELECT 12;");
    write("V1.1__one_one.sql", "SELECT 11;");
    write("z/V1__init.sql", "SELECT 1;");

    List<RevisionScript> scripts = FlywayRevisions.load(dir, MissingUndo.ERROR).scripts();

    assertThat(scripts)
        .extracting(RevisionScript::id)
        .containsExactly("V1", "V1_1", "V1_2", "V2", "V10");
    assertThat(scripts)
        .extracting(RevisionScript::downRevisions)
        .containsExactly(List.of(), List.of("V1"), List.of("V1_1"), List.of("V1_2"), List.of("V2"));
    assertThat(scripts.get(2).message()).isEqualTo("one two");
    assertThat(scripts.get(2).origin()).isEqualTo(dir.resolve("b/c/V1_2__one_two.sql").toString());
    assertThat(RevisionGraph.of(scripts).heads()).containsExactly("V10");
  }

  @Test
  void theUndoFileOfAVersionIsItsDowngradeSplitByTheBackendsRules() throws Exception {
    write("V1__create.sql", "CREATE TABLE t (id INTEGER);\nCREATE INDEX ix ON t (id);\n");
    write("undo/U1__drop.sql", "DROP INDEX ix ON t;\n-- a comment; not a statement\nDROP TABLE t;");

    RevisionScript script = FlywayRevisions.load(dir, MissingUndo.ERROR).scripts().get(0);

    assertThat(statements(script.body().plan(Direction.UPGRADE, DatabaseKind.MYSQL)))
        .containsExactly("CREATE TABLE t (id INTEGER)", "CREATE INDEX ix ON t (id)");
    assertThat(statements(script.body().plan(Direction.DOWNGRADE, DatabaseKind.MYSQL)))
        .hasSize(2)
        .last()
        .asString()
        .endsWith("DROP TABLE t");
  }

  @Test
  void aVersionWithoutUndoIsUndeclaredUnlessTheSettingDeclaresIt() throws Exception {
    write("V1__create.sql", "CREATE TABLE t (id INTEGER);");

    SqlRevisionBody undeclared =
        (SqlRevisionBody) FlywayRevisions.load(dir, MissingUndo.ERROR).scripts().get(0).body();
    SqlRevisionBody declared =
        (SqlRevisionBody)
            FlywayRevisions.load(dir, MissingUndo.IRREVERSIBLE).scripts().get(0).body();

    assertThat(undeclared.missingDown().declared()).isFalse();
    assertThat(undeclared.missingDown().advice())
        .contains("has no undo migration U1__<description>.sql")
        .contains("flyway.missing_undo=irreversible");
    assertThat(declared.missingDown().declared()).isTrue();
    assertThat(declared.plan(Direction.DOWNGRADE, DatabaseKind.SQLITE).irreversibleReason())
        .contains(
            "declared irreversible (flyway.missing_undo=irreversible): V1__create.sql has no undo"
                + " migration U1__<description>.sql");
  }

  @Test
  void repeatablesCallbacksOtherFilesAndPlaceholdersAreNoticedNotRun() throws Exception {
    write("V1__create.sql", "CREATE TABLE t (id INTEGER);\nINSERT INTO t VALUES (${start});\n");
    write("views/R__views.sql", "CREATE VIEW v AS SELECT id FROM t;");
    write("afterMigrate.sql", "SELECT 1;");
    write("notes.sql", "SELECT 1;");

    FlywayRevisions.Loaded loaded = FlywayRevisions.load(dir, MissingUndo.ERROR);

    assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactly("V1");
    assertThat(loaded.notices())
        .containsExactly(
            dir.resolve("V1__create.sql")
                + ":2: the Flyway placeholder ${start} is not substituted; migrate runs the file"
                + " as written",
            "Flyway repeatable migrations are not run or verified (migrate runs versioned migrations and"
                + " their undo migrations only): "
                + dir.resolve("views/R__views.sql"),
            "not Flyway migrations (V<version>__<description>.sql), not run: "
                + dir.resolve("afterMigrate.sql")
                + " (a Flyway callback), "
                + dir.resolve("notes.sql")
                + " (not a migration)");
  }

  @Test
  void aSingleUnderscoreIsABadNameNamingTheFile() throws Exception {
    Path bad = write("sub/V1_init.sql", "SELECT 1;");

    assertThatThrownBy(() -> FlywayRevisions.load(dir, MissingUndo.ERROR))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Flyway migration " + bad)
        .hasMessageContaining("no '__' (two underscores) between the version and the description")
        .hasMessageContaining("V1__init.sql");
  }

  @Test
  void twoFilesOfOneVersionAreAnErrorNamingBoth() throws Exception {
    Path first = write("V1__init.sql", "SELECT 1;");
    Path second = write("more/V1.0__again.sql", "SELECT 1;");

    assertThatThrownBy(() -> FlywayRevisions.load(dir, MissingUndo.ERROR))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(
            "Flyway version 1.0 is given twice, by " + first + " and by " + second);
  }

  @Test
  void otherMalformedNamesAreErrorsToo() throws Exception {
    write("V1__init.sql", "SELECT 1;");
    Path letters = write("V1.x__bad.sql", "SELECT 1;");
    assertThatThrownBy(() -> FlywayRevisions.load(dir, MissingUndo.ERROR))
        .hasMessageContaining(letters + ": version '1.x' is not numbers separated by '.' or '_'");
    Files.delete(letters);

    Path orphan = write("U2__undo.sql", "SELECT 1;");
    assertThatThrownBy(() -> FlywayRevisions.load(dir, MissingUndo.ERROR))
        .hasMessageContaining(
            "Flyway undo migration " + orphan + " undoes version 2, which has no versioned");
    Files.delete(orphan);

    Path versionedRepeatable = write("R1__x.sql", "SELECT 1;");
    assertThatThrownBy(() -> FlywayRevisions.load(dir, MissingUndo.ERROR))
        .hasMessageContaining(versionedRepeatable + ": a repeatable migration has no version");
    Files.delete(versionedRepeatable);

    Path tooLong = write("V2013.01.15.11.35.56.01.02.03.04.05__long.sql", "SELECT 1;");
    assertThatThrownBy(() -> FlywayRevisions.load(dir, MissingUndo.ERROR))
        .hasMessageContaining(tooLong + ": version '2013.01.15.11.35.56.01.02.03.04.05' gives")
        .hasMessageContaining("longer than the 32 characters the version table holds");
  }

  @Test
  void aMissingDirectoryIsBadInputSayingWhatToPointAt() {
    assertThatThrownBy(() -> FlywayRevisions.load(dir.resolve("db/migration"), MissingUndo.ERROR))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "Flyway migrations directory "
                + dir.resolve("db/migration")
                + " does not exist; point revisions=flyway:<dir> at the directory of your"
                + " V<version>__*.sql files");
  }

  @Test
  void theSettingAcceptsErrorAndIrreversibleOnly() {
    assertThat(MissingUndo.of(" Irreversible ", "x")).isEqualTo(MissingUndo.IRREVERSIBLE);
    assertThatThrownBy(
            () -> MissingUndo.of("ignore", "'flyway.missing_undo' in migrate.properties"))
        .hasMessageContaining(
            "Unknown value 'ignore' in 'flyway.missing_undo' in migrate.properties; expected"
                + " 'error'");
  }
}
