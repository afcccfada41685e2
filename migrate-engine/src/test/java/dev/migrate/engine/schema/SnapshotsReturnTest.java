package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table whose digest returns to one seen before (a down undoing an up) comes back as read then,
 * without a read; one whose referenced table changed meanwhile is read again. Either way the
 * refresh equals a full read.
 */
class SnapshotsReturnTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTableBackToAnEarlierStateIsTheTableReadThen(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE)");
      s.execute(
          "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_code VARCHAR(10),"
              + " CONSTRAINT fk_child_parent FOREIGN KEY (parent_code) REFERENCES parent (code))");
      SchemaReader reader = new SchemaReader();
      try (SchemaReader.Snapshots snapshots = reader.snapshots(c)) {
        Schema before = snapshots.refresh();
        s.execute("ALTER TABLE child ADD COLUMN note VARCHAR(20)");
        Schema up = snapshots.refresh();
        assertThat(up).isEqualTo(reader.read(c));
        s.execute("ALTER TABLE child DROP COLUMN note");
        Schema down = snapshots.refresh();
        assertThat(down).isEqualTo(reader.read(c)).isEqualTo(before);
        assertThat(down.table("child").orElseThrow()).isSameAs(before.table("child").orElseThrow());

        s.execute("ALTER TABLE parent RENAME COLUMN code TO ref");
        assertThat(snapshots.refresh()).isEqualTo(reader.read(c));
        s.execute("ALTER TABLE parent RENAME COLUMN ref TO code");
        Schema back = snapshots.refresh();
        assertThat(back).isEqualTo(reader.read(c)).isEqualTo(before);
      }
    }
  }
}
