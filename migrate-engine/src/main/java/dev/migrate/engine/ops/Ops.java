package dev.migrate.engine.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API handed to {@code Migration.upgrade/downgrade}. It records operations; nothing runs until
 * the engine renders them for a database.
 */
public final class Ops {
  private final List<Operation> operations = new ArrayList<>();
  private String irreversibleReason;

  /** Run one raw SQL statement. */
  public Ops execute(String sql) {
    return add(new Operation.Execute(sql));
  }

  /** Declare that this direction cannot be performed, and why. */
  public void irreversible(String reason) {
    irreversibleReason = reason;
  }

  public List<Operation> operations() {
    return List.copyOf(operations);
  }

  public Optional<String> irreversibleReason() {
    return Optional.ofNullable(irreversibleReason);
  }

  private Ops add(Operation operation) {
    operations.add(operation);
    return this;
  }
}
