package dev.migrate.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.testing.TestDatabases;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The revision sets under {@code src/test/resources/verify}, written for verification: each gives
 * exactly the findings listed here (code, revision, severity), on every backend.
 */
class VerifierFixturesTest {

  static Stream<Arguments> cases() {
    List<Object[]> expected =
        List.of(
            new Object[] {"correct_chain", List.of()},
            new Object[] {"branch_merge", List.of()},
            new Object[] {"two_heads", List.of("error MULTIPLE_HEADS -")},
            new Object[] {
              "leaves_trace",
              List.of(
                  "error DOWNGRADE_LEAVES_TRACE d00000000002",
                  "error UPGRADE_NOT_REPEATABLE d00000000002")
            },
            new Object[] {
              "irreversible",
              List.of("error IRREVERSIBLE e00000000002", "info IRREVERSIBLE e00000000003")
            },
            new Object[] {"downgrade_fails", List.of("error DOWNGRADE_FAILED f00000000002")},
            new Object[] {"upgrade_fails", List.of("error UPGRADE_FAILED a10000000002")},
            new Object[] {
              "destructive",
              List.of("warning DESTRUCTIVE_CHANGE a20000000002", "error DATA_LOSS a20000000002")
            },
            new Object[] {"data_changed", List.of("error DATA_LOSS a60000000002")},
            new Object[] {"not_repeatable", List.of("error UPGRADE_NOT_REPEATABLE a30000000002")},
            new Object[] {"opted_out", List.of()},
            new Object[] {"unique_email", List.of()},
            new Object[] {"depends_on", List.of("error MULTIPLE_HEADS -")},
            new Object[] {"branch_with_view", List.of()},
            new Object[] {
              "forgets_objects",
              List.of(
                  "error DOWNGRADE_LEAVES_TRACE a70000000002",
                  "error UPGRADE_NOT_REPEATABLE a70000000002")
            });
    return Stream.of(DatabaseKind.values())
        .flatMap(
            kind ->
                Stream.concat(expected.stream(), whereTheyExist(kind).stream())
                    .map(e -> Arguments.of(kind, e[0], e[1])));
  }

  /** Comments and routines: SQLite has neither, and its sections of these fixtures do nothing. */
  private static List<Object[]> whereTheyExist(DatabaseKind kind) {
    boolean sqlite = kind == DatabaseKind.SQLITE;
    return List.of(
        new Object[] {"comments_and_routines", List.of()},
        new Object[] {
          "routine_loses_rows", sqlite ? List.of() : List.of("error DATA_LOSS a93000000002")
        },
        new Object[] {
          "forgets_comment",
          sqlite ? List.of() : List.of("error DOWNGRADE_LEAVES_TRACE a90000000002")
        },
        new Object[] {
          "forgets_routine",
          sqlite
              ? List.of()
              : List.of(
                  "error DOWNGRADE_LEAVES_TRACE a91000000002",
                  "error UPGRADE_NOT_REPEATABLE a91000000002",
                  "error DOWNGRADE_LEAVES_TRACE a91000000003")
        });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void findings(DatabaseKind kind, String fixture, List<String> expected) throws Exception {
    VerificationResult result = verify(kind, fixture);
    List<String> found =
        result.findings().stream()
            .map(
                f ->
                    f.severity().id()
                        + " "
                        + f.code()
                        + " "
                        + Objects.requireNonNullElse(f.revision(), "-"))
            .toList();
    assertThat(found)
        .as(() -> result.findings().stream().map(Finding::describe).toList().toString())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  static VerificationResult verify(DatabaseKind kind, String fixture) throws URISyntaxException {
    Path dir = Path.of(VerifierFixturesTest.class.getResource("/verify/" + fixture).toURI());
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    return Verifier.of(graph, null, VerifyOptions.defaults())
        .run(List.of(Verifier.Backend.ready(TestDatabases.sandbox(kind))));
  }
}
