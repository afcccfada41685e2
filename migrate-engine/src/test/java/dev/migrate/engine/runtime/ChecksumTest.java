package dev.migrate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.ChecksumMismatchException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a revision's checksum covers, and what a change to it stops. */
class ChecksumTest {
  @TempDir Path root;

  private final List<String> output = new ArrayList<>();

  private static final String FIRST =
      """
      -- migrate:revision aa01
      -- migrate:message Add task table
      -- migrate:up
      CREATE TABLE task (id INTEGER PRIMARY KEY, title VARCHAR(200));
      """;

  private static final String SECOND =
      """
      -- migrate:revision bb02
      -- migrate:revises aa01
      -- migrate:message Add note table
      -- migrate:up
      CREATE TABLE note (id INTEGER PRIMARY KEY);
      -- migrate:down
      DROP TABLE note;
      """;

  private static final String THIRD =
      """
      -- migrate:revision cc03
      -- migrate:revises bb02
      -- migrate:up
      CREATE TABLE tag (id INTEGER PRIMARY KEY);
      -- migrate:down
      DROP TABLE tag;
      """;

  private Path checkout(String name, String... files) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name).resolve("versions"));
    for (int i = 0; i < files.length; i++) {
      Files.writeString(dir.resolve("r" + i + ".sql"), files[i]);
    }
    return dir;
  }

  private Migrator migrator(TestDatabase db, Path versions) {
    return Migrator.builder(RevisionGraph.of(RevisionLoader.load(versions, null, null)))
        .url(db.url())
        .output(output::add)
        .build();
  }

  /** The checkout after bb02's up was edited. */
  private Migrator editedUp(TestDatabase db) throws Exception {
    return migrator(
        db, checkout("after", FIRST, SECOND.replace("(id INTEGER PRIMARY KEY)", "(id INTEGER)")));
  }

  /** The checkout after bb02's down was fixed, with cc03 added. */
  private Migrator editedDown(TestDatabase db) throws Exception {
    return migrator(
        db,
        checkout(
            "after",
            FIRST,
            SECOND.replace("DROP TABLE note;", "DROP TABLE IF EXISTS note;"),
            THIRD));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDatabaseMigratedFromAnotherCheckoutUpgradesOn(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Path ci = checkout("ci-runner", FIRST, SECOND);
      Path container = checkout("container/app", FIRST, SECOND, THIRD);
      RevisionWork work = new RevisionWork(dev.migrate.engine.dialect.Dialect.of(kind));
      RevisionGraph a = RevisionGraph.of(RevisionLoader.load(ci, null, null));
      RevisionGraph b = RevisionGraph.of(RevisionLoader.load(container, null, null));
      assertThat(work.checksum(a.get("aa01")))
          .as("no down section: the same fact in both checkouts")
          .isEqualTo(
              new RevisionWork(dev.migrate.engine.dialect.Dialect.of(kind))
                  .checksum(b.get("aa01")));

      migrator(db, ci).upgrade("head");
      assertThat(migrator(db, container).upgrade("head"))
          .extracting(step -> step.revision().id())
          .containsExactly("cc03");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void editingOnlyADownIsAWarningNotAStop(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      migrator(db, checkout("before", FIRST, SECOND)).upgrade("head");
      Migrator m = editedDown(db);
      assertThat(m.checksumMismatches())
          .singleElement()
          .satisfies(
              mismatch -> {
                assertThat(mismatch.revision()).isEqualTo("bb02");
                assertThat(mismatch.part()).isEqualTo(ChecksumMismatch.Part.DOWNGRADE);
                assertThat(mismatch.isWarning()).isTrue();
              });
      assertThat(m.upgrade("head")).extracting(s -> s.revision().id()).containsExactly("cc03");
      assertThat(output)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("Warning: Revision bb02 (")
                      .contains("its downgrade was changed after it was applied"));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEditedUpStopsEvenANoOpUpgradeAndDowngradeSaysSo(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      migrator(db, checkout("before", FIRST, SECOND)).upgrade("head");
      Migrator edited = editedUp(db);
      assertThatThrownBy(() -> edited.upgrade("head"))
          .as("nothing pending, yet the edit is noticed")
          .isInstanceOfSatisfying(
              ChecksumMismatchException.class,
              e -> {
                assertThat(e.mismatches())
                    .extracting(ChecksumMismatch::revision)
                    .containsExactly("bb02");
                assertThat(e.getMessage()).contains("migrate stamp --accept-checksums");
              });

      output.clear();
      edited.downgrade("aa01");
      assertThat(output)
          .first()
          .asString()
          .startsWith("Warning: Revision bb02 (")
          .contains("was changed after it was applied")
          .endsWith("Its downgrade runs as it is now.");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void acceptingChecksumsRecordsTheEditWithoutRunningAnything(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      migrator(db, checkout("before", FIRST, SECOND)).upgrade("head");
      Migrator edited = editedUp(db);
      assertThat(edited.acceptChecksums())
          .extracting(ChecksumMismatch::revision)
          .containsExactly("bb02");
      assertThat(edited.checksumMismatches()).isEmpty();
      assertThat(edited.upgrade("head")).isEmpty();
      assertThat(edited.currentRows()).containsExactly("bb02");
      assertThat(edited.history())
          .extracting(h -> h.revision() + " " + h.action())
          .containsExactly("aa01 UPGRADE", "bb02 UPGRADE", "bb02 STAMP");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anOldHistoryTableGainsTheNewColumnsAndItsMatchingRowsTheNewChecksums(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Path versions = checkout("before", FIRST, SECOND);
      Migrator m = migrator(db, versions);
      m.upgrade("head");
      asBeforeDownChecksums(db, kind, versions);
      assertThat(m.checksumMismatches()).as("v1 rows still compare").isEmpty();
      assertThat(m.history()).allSatisfy(h -> assertThat(h.downChecksum()).isNull());
      m.upgrade("head");
      assertThat(m.history())
          .as("the next run adds the columns and rewrites rows that still match")
          .allSatisfy(
              h -> {
                assertThat(h.checksum()).startsWith("v2:");
                assertThat(h.downChecksum()).startsWith("v2:");
              });

      Migrator fixed = editedDown(db);
      assertThat(fixed.upgrade("head")).extracting(s -> s.revision().id()).containsExactly("cc03");
      assertThat(fixed.checksumMismatches())
          .singleElement()
          .satisfies(mm -> assertThat(mm.part()).isEqualTo(ChecksumMismatch.Part.DOWNGRADE));
    }
  }

  /**
   * Rows written before v2 by another checkout: v1 hashed the path of a SQL revision without a down
   * section, so that checksum cannot be recomputed here; the database upgrades on all the same.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void oldChecksumsWrittenFromAnotherCheckoutPathKeepUpgrading(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Path ci = checkout("ci-runner", FIRST, SECOND);
      migrator(db, ci).upgrade("head");
      asBeforeDownChecksums(db, kind, ci);
      RevisionGraph old = RevisionGraph.of(RevisionLoader.load(ci, null, null));
      RevisionWork work = new RevisionWork(dev.migrate.engine.dialect.Dialect.of(kind));
      Path container = checkout("container/app", FIRST, SECOND, THIRD);
      assertThat(
              work.legacyChecksum(
                  RevisionGraph.of(RevisionLoader.load(container, null, null)).get("aa01")))
          .as("v1 named the file")
          .isNotEqualTo(work.legacyChecksum(old.get("aa01")));

      Migrator moved = migrator(db, container);
      assertThat(moved.checksumMismatches()).isEmpty();
      assertThat(moved.upgrade("head"))
          .extracting(step -> step.revision().id())
          .containsExactly("cc03");
      assertThat(output)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("Note: revision aa01 (")
                      .contains("hashed the file's path"));
      assertThat(moved.history()).allSatisfy(h -> assertThat(h.checksum()).startsWith("v2:"));

      Migrator edited =
          migrator(
              db,
              checkout(
                  "edited",
                  FIRST,
                  SECOND.replace("(id INTEGER PRIMARY KEY)", "(id INTEGER)"),
                  THIRD));
      assertThat(edited.checksumMismatches())
          .as("a revision whose old checksum did not name its file is still checked")
          .extracting(ChecksumMismatch::revision)
          .containsExactly("bb02");
    }
  }

  /**
   * The history of aa01 and bb02 as a release before down checksums left it: no down_checksum or
   * state column, v1 checksums computed from {@code versions}.
   */
  private static void asBeforeDownChecksums(TestDatabase db, DatabaseKind kind, Path versions)
      throws java.sql.SQLException {
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(versions, null, null));
    RevisionWork work = new RevisionWork(dev.migrate.engine.dialect.Dialect.of(kind));
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String id : List.of("aa01", "bb02")) {
        s.execute(
            "UPDATE migrate_history SET checksum = '"
                + work.legacyChecksum(graph.get(id))
                + "' WHERE revision = '"
                + id
                + "'");
      }
      s.execute("ALTER TABLE migrate_history DROP COLUMN down_checksum");
      s.execute("ALTER TABLE migrate_history DROP COLUMN state");
    }
  }
}
