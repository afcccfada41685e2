package dev.migrate.engine.revision;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java revision [contract]. The annotated class implements {@link Migration} and has a
 * no-argument constructor.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
  /** The revision id, typically 12 hex digits. May not contain {@code @ - + :}. */
  String id();

  /** Parent revision ids; none for a root, several for a merge point. */
  String[] revises() default {};

  String message() default "";

  String[] branchLabels() default {};

  /** Revision ids or branch labels this revision depends on without descending from them. */
  String[] dependsOn() default {};

  /** Force running in (true) or outside (false) a transaction; default lets the engine decide. */
  Transactional transactional() default Transactional.AUTO;

  enum Transactional {
    AUTO,
    TRUE,
    FALSE
  }
}
