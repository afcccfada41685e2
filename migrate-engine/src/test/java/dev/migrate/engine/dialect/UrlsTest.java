package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertThat(Urls.mask("jdbc:postgresql://h:5432/db?user=admin@server&ssl=true"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=admin@server&ssl=true");
  }

  @Test
  void masksEveryKeyNamedPasswordInEveryMySqlForm() {
    assertThat(Urls.mask("jdbc:mysql://(host=h,port=3306,user=u,password=p1)/db?x=1"))
        .isEqualTo("jdbc:mysql://(host=h,port=3306,user=u,password=***)/db?x=1");
    assertThat(Urls.mask("jdbc:mysql://address=(host=h)(Password=p2)(port=1)/db"))
        .isEqualTo("jdbc:mysql://address=(host=h)(Password=***)(port=1)/db");
    assertThat(
            Urls.mask(
                "jdbc:mysql://h/db?sslpassword=a&trustCertificateKeyStorePassword=b"
                    + "&clientCertificateKeyStorePassword=c&password1=d&useSSL=false"))
        .isEqualTo(
            "jdbc:mysql://h/db?sslpassword=***&trustCertificateKeyStorePassword=***"
                + "&clientCertificateKeyStorePassword=***&password1=***&useSSL=false");
    assertThat(Urls.mask("jdbc:mysql://u1:p1@h1,u2:p2@h2/db")).doesNotContain("p1", "p2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pa/ss", "p@ss", "p@s/s:x", "a;b", "***x", "p?w=1"})
  void passwordsWithSeparatorsStayHidden(String password) {
    for (String url :
        List.of(
            "jdbc:mysql://root:" + password + "@127.0.0.1:3306/db",
            "jdbc:postgresql://h/db?user=u&password=" + password,
            "jdbc:postgresql://h/db?password=" + password + "&ssl=false",
            "jdbc:mysql://(host=h,password=" + password + ")/db")) {
      assertThat(Urls.mask(url)).as(url).doesNotContain(password);
      assertThat(Urls.secrets(url)).as(url).contains(password);
    }
  }

  @Test
  void maskingIsIdempotent() {
    String url = "jdbc:mysql://u:p@h/db?password=x&a=b";
    assertThat(Urls.mask(Urls.mask(url))).isEqualTo(Urls.mask(url));
  }

  @Test
  void hideMasksTheUrlOnlyAndKeepsTheRestOfTheMessage() {
    String url = "jdbc:postgresql://h:5432/app?user=u&password=Sec/r@t";
    String message = "Database error on " + url + ": FATAL: database \"app\" does not exist";

    assertThat(Urls.hide(message, url, List.of()))
        .isEqualTo(
            "Database error on jdbc:postgresql://h:5432/app?user=u&password=***: FATAL: database"
                + " \"app\" does not exist");
    // a masked URL in a message keeps what follows it
    assertThat(Urls.hide(Urls.mask(url) + ": refused", null, List.of()))
        .isEqualTo(Urls.mask(url) + ": refused");
    assertThat(Urls.hide("login with pw-literal failed", null, List.of("pw-literal")))
        .isEqualTo("login with *** failed");
  }

  @Test
  void recognisesBackendsFromJdbcUrls() {
    assertThat(DatabaseKind.fromJdbcUrl("jdbc:postgresql://h/db"))
        .isEqualTo(DatabaseKind.POSTGRESQL);
    assertThat(DatabaseKind.fromJdbcUrl("jdbc:mariadb://h/db")).isEqualTo(DatabaseKind.MYSQL);
    assertThat(DatabaseKind.fromJdbcUrl("jdbc:sqlite::memory:")).isEqualTo(DatabaseKind.SQLITE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://h:abc/db?password=CANARY",
        "jdbc:postgresql://h:0/db?password=CANARY",
        "jdbc:postgresql://h:65536/db?password=CANARY",
        "jdbc:postgresql://[::1/db?password=CANARY",
        "jdbc:postgresql://h?password=CANARY",
        "jdbc:mysql:h/db?password=CANARY",
        "jdbc:mysql://h:x/db?password=CANARY",
        "jdbc:mysql://(host=h,port=99999,password=CANARY)/db",
        "jdbc:mysql://address=(host=h)(port=x)(password=CANARY)/db",
        "jdbc:mysql://(host=h,password=CANARY/db",
        "jdbc:mysql://root:CA/NARY@h/db",
        "jdbc:sqlite:file:app.db?mode=bogus&password=CANARY"
      })
  void malformedUrlsAreBadInputWithTheUrlMasked(String url) {
    assertThatThrownBy(() -> UrlSyntax.check(url))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Malformed JDBC URL ")
        .hasMessageNotContaining("CANARY")
        .hasMessageNotContaining("NARY")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void mariadbUrlWithoutItsDriverSaysToUseMysql() {
    assertThatThrownBy(() -> UrlSyntax.check("jdbc:mariadb://h/db?password=CANARY"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("jdbc:mysql://")
        .hasMessageContaining("MariaDB driver")
        .hasMessageNotContaining("CANARY");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
        "jdbc:postgresql://[::1]:5432,h2/db",
        "jdbc:postgresql:///db",
        "jdbc:postgresql:db",
        "jdbc:mysql://127.0.0.1:3306/?user=root&allowPublicKeyRetrieval=true",
        "jdbc:mysql://u:p@h:3306/db",
        "jdbc:mysql://(host=h,port=3306,user=u)/db",
        "jdbc:mysql://address=(host=h)(port=3306)/db",
        "jdbc:mysql:replication://h1,h2:3307/db",
        "jdbc:mysql://[h1:3306,h2]/db",
        "jdbc:sqlite::memory:",
        "jdbc:sqlite:app.db",
        "jdbc:sqlite:file:app.db?mode=ro"
      })
  void wellFormedUrlsPass(String url) {
    UrlSyntax.check(url);
  }

  @Test
  void sqliteUrlsResolveRelativeFilesAndKnowMemory() {
    java.nio.file.Path base = java.nio.file.Path.of("/base/dir");
    assertThat(SqliteUrl.resolve("jdbc:sqlite:app.db", base))
        .isEqualTo("jdbc:sqlite:/base/dir/app.db");
    assertThat(SqliteUrl.resolve("jdbc:sqlite:../db/app.db?journal_mode=WAL", base))
        .isEqualTo("jdbc:sqlite:/base/db/app.db?journal_mode=WAL");
    assertThat(SqliteUrl.resolve("jdbc:sqlite:file:my%20app.db?mode=ro", base))
        .isEqualTo("jdbc:sqlite:file:/base/dir/my%20app.db?mode=ro");
    assertThat(SqliteUrl.resolve("jdbc:sqlite:/abs/app.db", base))
        .isEqualTo("jdbc:sqlite:/abs/app.db");
    assertThat(SqliteUrl.resolve("jdbc:sqlite::memory:", base)).isEqualTo("jdbc:sqlite::memory:");
    assertThat(SqliteUrl.resolve("jdbc:postgresql://h/db", base))
        .isEqualTo("jdbc:postgresql://h/db");
    assertThat(SqliteUrl.file("jdbc:sqlite:file:/x/my%20app.db?mode=ro"))
        .contains(java.nio.file.Path.of("/x/my app.db"));
    assertThat(SqliteUrl.isInMemory("jdbc:sqlite::memory:")).isTrue();
    assertThat(SqliteUrl.isInMemory("jdbc:sqlite:")).isTrue();
    assertThat(SqliteUrl.isInMemory("jdbc:sqlite:file:m?mode=memory&cache=shared")).isTrue();
    assertThat(SqliteUrl.isInMemory("jdbc:sqlite:app.db")).isFalse();
  }
}
