package dev.migrate.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Testcontainers path itself; it needs Docker, which this is skipped without. */
class ContainerServersTest {

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void serverInContainerAcceptsThrowawayDatabases(DatabaseKind kind) throws Exception {
    Assumptions.assumeTrue(
        ContainerServers.dockerAvailable(),
        "Docker is not available here, so Testcontainers cannot start " + kind.id());
    String admin = ContainerServers.adminUrl(kind);
    String name = "migrate_test_container_check";
    try (Connection c = DriverManager.getConnection(admin)) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    try (Connection c = DriverManager.getConnection(TestDatabases.withDatabase(admin, name));
        ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    } finally {
      try (Connection c = DriverManager.getConnection(admin)) {
        c.createStatement().execute("DROP DATABASE " + name);
      }
    }
  }
}
