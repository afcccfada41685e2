package dev.migrate.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fixture class (one that fails on purpose, waits to be killed, or only makes sense inside its
 * test): it runs only when a test runs it through JUnit's engine ({@link ServerDatabases#run}), not
 * when a test filter such as {@code -Dtest='dev.migrate.test.**'} selects it directly.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunByTests.OnlyThen.class)
@interface RunByTests {
  /** The configuration parameter the running test sets. */
  String PARAMETER = "migrate.test.fixtures";

  final class OnlyThen implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("run by a test")
          : ConditionEvaluationResult.disabled("a fixture, run by the test around it");
    }
  }
}
