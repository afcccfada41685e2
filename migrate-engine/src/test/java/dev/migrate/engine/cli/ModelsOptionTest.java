package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.config.ConfigKey;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelsOptionTest {
  @Test
  void modelsOptionBecomesTheModelsSetting() {
    ConfigOptions options = new ConfigOptions();
    new CommandLine(options).parseArgs("--models", "jpa:com.example.domain");

    assertThat(options.values()).containsEntry(ConfigKey.MODELS, "jpa:com.example.domain");
  }

  @Test
  void withoutTheOptionThereIsNoModelsSetting() {
    ConfigOptions options = new ConfigOptions();
    new CommandLine(options).parseArgs();

    assertThat(options.values()).doesNotContainKey(ConfigKey.MODELS);
  }
}
