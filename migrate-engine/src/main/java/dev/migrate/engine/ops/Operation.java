package dev.migrate.engine.ops;

/**
 * An immutable schema operation. The same values are executed by a dialect, printed as offline SQL,
 * hashed into checksums and rendered as Java source, so they carry no behaviour of their own.
 */
public sealed interface Operation {

  /** Raw SQL, run as it is. One statement. */
  record Execute(String sql) implements Operation {}
}
