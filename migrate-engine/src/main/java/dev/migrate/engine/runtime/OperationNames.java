package dev.migrate.engine.runtime;

import dev.migrate.engine.ops.Operation;

/** An operation as a revision's code wrote it, e.g. {@code addColumn("post", "status")}. */
final class OperationNames {
  private OperationNames() {}

  /** The call that recorded {@code operation}; null for raw SQL, which the statement shows. */
  static String of(Operation operation) {
    if (operation instanceof Operation.Execute) {
      return null;
    } else if (operation instanceof Operation.CreateTable op) {
      return call("createTable", op.table());
    } else if (operation instanceof Operation.DropTable op) {
      return call("dropTable", op.table());
    } else if (operation instanceof Operation.RenameTable op) {
      return call("renameTable", op.table(), op.newName());
    } else if (operation instanceof Operation.AddColumn op) {
      return call("addColumn", op.table(), op.column().name());
    } else if (operation instanceof Operation.DropColumn op) {
      return call("dropColumn", op.table(), op.column());
    } else if (operation instanceof Operation.AlterColumn op) {
      return call("alterColumn", op.table(), op.column());
    } else if (operation instanceof Operation.CreateIndex op) {
      return call("createIndex", op.name(), op.table());
    } else if (operation instanceof Operation.DropIndex op) {
      return call("dropIndex", op.name(), op.table());
    } else if (operation instanceof Operation.CreateUniqueConstraint op) {
      return call("createUniqueConstraint", op.name(), op.table());
    } else if (operation instanceof Operation.CreateForeignKey op) {
      return call("createForeignKey", op.foreignKey().name(), op.table());
    } else if (operation instanceof Operation.CreateCheckConstraint op) {
      return call("createCheckConstraint", op.name(), op.table());
    } else if (operation instanceof Operation.CreatePrimaryKey op) {
      return call("createPrimaryKey", op.name(), op.table());
    } else if (operation instanceof Operation.DropConstraint op) {
      return call("dropConstraint", op.name(), op.table());
    } else if (operation instanceof Operation.BulkInsert op) {
      return call("bulkInsert", op.table());
    }
    String name = operation.getClass().getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "(...)";
  }

  private static String call(String method, String... arguments) {
    StringBuilder out = new StringBuilder(method).append('(');
    for (int i = 0; i < arguments.length; i++) {
      out.append(i == 0 ? "" : ", ").append('"').append(arguments[i]).append('"');
    }
    return out.append(')').toString();
  }
}
