package dev.migrate.engine.revision;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check that verification skips for this Java revision, with the reason the report shows:
 * {@code @VerifySkip(check = "data_loss", reason = "the old column is recomputed from the new
 * ones")}. The SQL form is {@code -- migrate:verify skip data_loss: reason}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(VerifySkip.List.class)
public @interface VerifySkip {
  /** The check's id: a finding code in lower case, such as {@code data_loss}. */
  String check();

  /** Why, in words a reviewer understands; required. */
  String reason();

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    VerifySkip[] value();
  }
}
