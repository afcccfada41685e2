package dev.migrate.engine.revision;

import dev.migrate.engine.ops.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The work of one revision in one direction on one database.
 *
 * @param operations what to do, in order; SQL revisions give {@link Operation.Execute} values
 * @param irreversibleReason present when this direction cannot be run (a declared irreversible
 *     downgrade), one line that says so once and names the file by its path under the revisions
 *     directory or the class by its simple name: {@code declared irreversible: 0004_x.sql has no
 *     '-- migrate:down' section}, {@code declared irreversible (V0004_X): <the reason given>};
 *     running it is an error that quotes it
 * @param transactional whether the revision asked to run inside a transaction, outside one, or left
 *     it to the engine
 */
public record MigrationPlan(
    List<Operation> operations,
    Optional<String> irreversibleReason,
    Revision.Transactional transactional) {

  public static final MigrationPlan EMPTY =
      new MigrationPlan(List.of(), Optional.empty(), Revision.Transactional.AUTO);

  public MigrationPlan {
    operations = List.copyOf(operations);
  }
}
