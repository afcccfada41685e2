package dev.migrate.engine.runtime;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.MigrationStep;
import java.util.List;

/**
 * Told about every step a {@link Migrator} or {@link MigrationSession} runs, in the thread that
 * runs it. An exception thrown here fails the step.
 */
public interface MigrationListener {
  /** Before the step's first statement, with the statements it is about to run. */
  default void beforeStep(MigrationStep step, List<String> statements) {}

  /** After the step committed, with its version-row change and history row. */
  default void afterStep(StepResult result) {}

  /**
   * After the step failed; {@code failure} is usually a {@link
   * dev.migrate.engine.RevisionFailedException}.
   */
  default void stepFailed(MigrationStep step, MigrateException failure) {}
}
