package dev.migrate.engine.runtime;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.revision.RevisionScript;

/**
 * A revision's checksums on one backend, as the history table stores them.
 *
 * @param up over its upgrade ({@code checksum} column): a change stops upgrades
 * @param down over its downgrade ({@code down_checksum} column): a change is only a warning, since
 *     fixing a downgrade is what verification asks for
 */
public record Checksum(String up, String down) {

  /**
   * The checksums {@code upgrade} would record for {@code revision} on {@code kind}, computed
   * afresh: a Java revision is planned again, so two calls tell whether its operations are the same
   * from one load to the next.
   */
  public static Checksum of(RevisionScript revision, DatabaseKind kind) {
    return new RevisionWork(Dialect.of(kind)).checksum(revision);
  }
}
