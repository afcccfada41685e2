package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL 8.0.13 added functional key parts ({@code CREATE INDEX ix ON t ((lower(name)))}), which
 * information_schema.STATISTICS lists with a NULL column and the expression beside it. They read as
 * the expression in parentheses, as PostgreSQL's expression indexes do, and count in the table's
 * digest, so that a down forgetting one, or changing its expression, is seen.
 */
class MySqlFunctionalIndexTest {
  @ParameterizedTest
  @CsvSource({
    "8.0.12, false, false",
    "8.0.13, false, true",
    "8.4.3, false, true",
    "9.1.0-commercial, false, true",
    "5.7.44-log, false, false",
    "10.11.19-MariaDB-0+deb12u1, true, false",
    "5.5.5-10.11.19-MariaDB, true, false"
  })
  void serverVersionsWithFunctionalKeyParts(String version, boolean mariaDb, boolean functional) {
    assertThat(MySqlCatalog.forVersion(version)).isEqualTo(new MySqlCatalog(mariaDb, functional));
  }

  @Test
  void functionalKeyPartsAreReadAndTheirChangesSeen() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection c = db.connect()) {
      String version = c.getMetaData().getDatabaseProductVersion();
      Assumptions.assumeTrue(
          MySqlCatalog.forVersion(version).functionalIndexes(),
          "functional key parts need MySQL 8.0.13 or later; this server is " + version);
      SchemaReader reader = new SchemaReader();
      try (Statement s = c.createStatement();
          SchemaReader.Snapshots snapshots = reader.snapshotsOfOwnDatabase(c)) {
        s.execute("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
        Schema before = snapshots.refresh();

        s.execute("CREATE INDEX ix_person_name ON person ((lower(name)), name DESC)");
        Schema withIndex = snapshots.refresh();
        Schema.Index index = withIndex.table("person").orElseThrow().indexes().get(0);
        assertThat(index.columns()).hasSize(2).element(1).isEqualTo("name");
        assertThat(index.columns().get(0)).startsWith("(lower(").contains("name").endsWith(")");
        assertThat(index.descending()).containsExactly(false, true);
        assertThat(withIndex).isEqualTo(reader.read(c));
        assertThat(SchemaDiff.compare(before, withIndex)).isNotEmpty();

        s.execute("DROP INDEX ix_person_name ON person");
        s.execute("CREATE INDEX ix_person_name ON person ((upper(name)), name DESC)");
        Schema changed = snapshots.refresh();
        assertThat(changed.table("person").orElseThrow().indexes().get(0).columns().get(0))
            .startsWith("(upper(");
        assertThat(SchemaDiff.compare(withIndex, changed)).isNotEmpty();

        s.execute("DROP INDEX ix_person_name ON person");
        assertThat(SchemaDiff.compare(before, snapshots.refresh())).isEmpty();
        assertThat(List.of(snapshots.refresh())).containsExactly(reader.read(c));
      }
    }
  }
}
