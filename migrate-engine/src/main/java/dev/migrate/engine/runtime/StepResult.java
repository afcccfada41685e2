package dev.migrate.engine.runtime;

import dev.migrate.engine.revision.MigrationStep;
import java.time.Duration;
import java.util.List;

/**
 * One step that was applied.
 *
 * @param step the step
 * @param statements the statements it ran, in order
 * @param transactional whether they ran in one transaction with the version-row change
 * @param duration from before the first statement to after the commit
 */
public record StepResult(
    MigrationStep step, List<String> statements, boolean transactional, Duration duration) {

  public StepResult {
    statements = List.copyOf(statements);
  }
}
