package dev.migrate.engine.revision;

import dev.migrate.engine.ops.Ops;

/** A revision written in Java. Implementations are annotated with {@link Revision}. */
public interface Migration {
  void upgrade(Ops op);

  /**
   * Undo {@link #upgrade}. A revision that cannot be undone calls {@link Ops#irreversible} here or
   * is annotated {@link Irreversible}.
   */
  void downgrade(Ops op);
}
