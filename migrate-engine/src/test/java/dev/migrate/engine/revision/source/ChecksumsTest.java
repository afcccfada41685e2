package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  private static final List<String> STATEMENTS =
      List.of("CREATE TABLE t (\n  id INT\n)", "INSERT INTO t VALUES (1)");

  @Test
  void formatIsVersionedHexSha256() {
    assertThat(Checksums.v1(STATEMENTS)).matches("v1:[0-9a-f]{64}");
    assertThat(Checksums.v1(List.of()))
        .isEqualTo("v1:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void lineEndingsBomTrailingWhitespaceAndOuterBlankLinesDoNotMatter() {
    String expected = Checksums.v1(STATEMENTS);
    assertThat(
            Checksums.v1(List.of("CREATE TABLE t (\r\n  id INT\r\n)", "INSERT INTO t VALUES (1)")))
        .isEqualTo(expected);
    assertThat(
            Checksums.v1(
                List.of("\uFEFFCREATE TABLE t (\r  id INT   \r)", "INSERT INTO t VALUES (1)\t")))
        .isEqualTo(expected);
    assertThat(
            Checksums.v1(
                List.of("\n  \nCREATE TABLE t (\n  id INT\n)\n\n", "INSERT INTO t VALUES (1)")))
        .isEqualTo(expected);
  }

  @Test
  void changedStatementChangesTheChecksum() {
    String expected = Checksums.v1(STATEMENTS);
    assertThat(
            Checksums.v1(List.of("CREATE TABLE t (\n  id BIGINT\n)", "INSERT INTO t VALUES (1)")))
        .isNotEqualTo(expected);
    assertThat(Checksums.v1(List.of("CREATE TABLE t (\nid INT\n)", "INSERT INTO t VALUES (1)")))
        .as("indentation is significant")
        .isNotEqualTo(expected);
    assertThat(Checksums.v1(List.of(STATEMENTS.get(1), STATEMENTS.get(0))))
        .as("order is significant")
        .isNotEqualTo(expected);
    assertThat(Checksums.v1(List.of(STATEMENTS.get(0)))).isNotEqualTo(expected);
  }

  @Test
  void statementBoundariesAreUnambiguous() {
    assertThat(Checksums.v1(List.of("ab", "c"))).isNotEqualTo(Checksums.v1(List.of("a", "bc")));
    assertThat(Checksums.v1(List.of("a\nb"))).isNotEqualTo(Checksums.v1(List.of("a", "b")));
    assertThat(Checksums.v1(List.of(""))).isNotEqualTo(Checksums.v1(List.of()));
  }

  @Test
  void normaliseDocumentedSteps() {
    assertThat(Checksums.normalise("\uFEFF\r\n  \r\nSELECT 1  \r\n\r\n  FROM t\t\r\n \n"))
        .isEqualTo("SELECT 1\n\n  FROM t");
  }

  @Test
  void versionOfStoredValue() {
    assertThat(Checksums.version(Checksums.v1(STATEMENTS))).isEqualTo("v1");
    assertThat(Checksums.version("v2:abc")).isEqualTo("v2");
    assertThatThrownBy(() -> Checksums.version("deadbeef"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("'deadbeef' has no version prefix");
  }
}
