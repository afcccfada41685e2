package dev.migrate.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * This module depends on migrate-engine as any library user does, so its classpath shows what the
 * engine hands its users: not the CLI's picocli, nor a logging backend of its choosing.
 */
class EngineDependenciesTest {
  @Test
  void theEngineLeavesTheCliParserAndLoggingBackendToItsUsers() throws Exception {
    assertThat(load("dev.migrate.engine.runtime.Migrator")).isNotNull();
    assertThatThrownBy(() -> load("picocli.CommandLine"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> load("org.slf4j.simple.SimpleLogger"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name, false, EngineDependenciesTest.class.getClassLoader());
  }
}
