package dev.migrate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * migrate's snake case names as the Hibernate on the classpath does (Spring Boot's default physical
 * naming: Hibernate's CamelCaseToUnderscoresNamingStrategy since Boot 3).
 */
class NamingStrategyTest {
  private static final CamelCaseToUnderscoresNamingStrategy HIBERNATE =
      new CamelCaseToUnderscoresNamingStrategy();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dueDate",
        "TaskItem",
        "URLValue",
        "addressLine1",
        "ean13Code",
        "line2Total",
        "sha256Hash",
        "ipV4Address",
        "myURL",
        "ABc",
        "aBC",
        "a1B",
        "a1Bc",
        "x",
        "X",
        "already_snake"
      })
  void snakeCaseIsHibernates(String name) {
    String hibernate =
        HIBERNATE.toPhysicalColumnName(Identifier.toIdentifier(name), null).getText();

    NamingStrategy ours =
        org.hibernate.Version.getVersionString().startsWith("6.")
            ? NamingStrategy.SNAKE_CASE_HIBERNATE_6
            : NamingStrategy.SNAKE_CASE;
    assertThat(ours.physicalName(name)).isEqualTo(hibernate);
  }

  /** As Spring Boot's CamelCaseToUnderscoresNamingStrategy; Hibernate's keeps the dot. */
  @org.junit.jupiter.api.Test
  void dotsBecomeUnderscores() {
    assertThat(NamingStrategy.SNAKE_CASE.physicalName("order.lines")).isEqualTo("order_lines");
  }
}
