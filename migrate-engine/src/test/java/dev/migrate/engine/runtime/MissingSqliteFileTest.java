package dev.migrate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.SqlRevisionParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a SQLite database that does not exist gives nothing and does not create the file. */
class MissingSqliteFileTest {
  @TempDir Path dir;

  @Test
  void readsDoNotCreateTheFileAndAnUpgradeDoes() {
    Path file = dir.resolve("app.db");
    RevisionGraph graph =
        RevisionGraph.of(
            List.of(
                SqlRevisionParser.parse(
                    "-- migrate:revision 000000000001\n-- migrate:up\nCREATE TABLE t (id INTEGER);\n"
                        + "-- migrate:down\nDROP TABLE t;\n",
                    "001.sql")));
    Migrator migrator = Migrator.builder(graph).url("jdbc:sqlite:" + file).output(l -> {}).build();

    assertThat(migrator.currentRows()).isEmpty();
    assertThat(migrator.history()).isEmpty();
    assertThat(migrator.schema().tables()).isEmpty();
    assertThat(migrator.checksumMismatches()).isEmpty();
    assertThat(Files.exists(file)).isFalse();

    migrator.upgrade("head");
    assertThat(Files.exists(file)).isTrue();
    assertThat(migrator.currentRows()).containsExactly("000000000001");
  }
}
