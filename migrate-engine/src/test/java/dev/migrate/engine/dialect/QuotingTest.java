package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.ops.Ops;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class QuotingTest {
  private static final Dialect PG = Dialect.of(DatabaseKind.POSTGRESQL);
  private static final Dialect MY = Dialect.of(DatabaseKind.MYSQL);
  private static final Dialect LITE = Dialect.of(DatabaseKind.SQLITE);

  @Test
  void plainLowerCaseNamesStayBare() {
    assertThat(PG.quote("task_item2")).isEqualTo("task_item2");
    assertThat(MY.quote("task_item2")).isEqualTo("task_item2");
    assertThat(LITE.quote("_x")).isEqualTo("_x");
  }

  @Test
  void reservedWordsAreQuoted() {
    assertThat(PG.quote("user")).isEqualTo("\"user\"");
    assertThat(PG.quote("ORDER")).isEqualTo("\"ORDER\"");
    assertThat(MY.quote("key")).isEqualTo("`key`");
    assertThat(LITE.quote("group")).isEqualTo("\"group\"");
  }

  @Test
  void mixedCaseAndSpecialCharactersAreQuoted() {
    assertThat(PG.quote("TaskItem")).isEqualTo("\"TaskItem\"");
    assertThat(MY.quote("TaskItem")).isEqualTo("`TaskItem`");
    assertThat(LITE.quote("task item")).isEqualTo("\"task item\"");
    assertThat(PG.quote("1st")).isEqualTo("\"1st\"");
    assertThat(MY.quote("a-b")).isEqualTo("`a-b`");
  }

  @Test
  void embeddedQuotesAreDoubled() {
    assertThat(PG.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThat(LITE.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThat(MY.quote("we`ird")).isEqualTo("`we``ird`");
    assertThat(MY.quote("we\"ird")).isEqualTo("`we\"ird`");
  }

  @Test
  void everyIdentifierInRenderedSqlGoesThroughQuote() throws SQLException {
    Ops ops = new Ops().createIndex("Ix", "Order", "Select", "ok");
    assertThat(PG.render(ops.operations().get(0), null))
        .containsExactly("CREATE INDEX \"Ix\" ON \"Order\" (\"Select\", ok)");
    assertThat(MY.render(ops.operations().get(0), null))
        .containsExactly("CREATE INDEX `Ix` ON `Order` (`Select`, ok)");
  }
}
