package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {
  @Test
  void masksPasswordInUserInfoAndParameters() {
    assertThat(Urls.mask("jdbc:postgresql://bob:s3cret@db:5432/app?password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://bob:***@db:5432/app?password=***&ssl=true")
        .doesNotContain("s3cret");
  }

  @Test
  void leavesUrlsWithoutPasswordAlone() {
    assertThat(Urls.mask("jdbc:sqlite:/tmp/a.db")).isEqualTo("jdbc:sqlite:/tmp/a.db");
    assertThat(Urls.mask("jdbc:mysql://127.0.0.1:3306/?user=root"))
        .isEqualTo("jdbc:mysql://127.0.0.1:3306/?user=root");
  }

  @Test
  void recognisesBackendsFromJdbcUrls() {
    assertThat(DatabaseKind.fromJdbcUrl("jdbc:postgresql://h/db"))
        .isEqualTo(DatabaseKind.POSTGRESQL);
    assertThat(DatabaseKind.fromJdbcUrl("jdbc:mariadb://h/db")).isEqualTo(DatabaseKind.MYSQL);
    assertThat(DatabaseKind.fromJdbcUrl("jdbc:sqlite::memory:")).isEqualTo(DatabaseKind.SQLITE);
  }
}
