package dev.migrate.engine.ops;

import java.util.List;

/** Argument checks shared by the operation records. */
final class Checks {
  private Checks() {}

  static List<String> columns(List<String> columns, String what) {
    List<String> copy = List.copyOf(columns);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(
          (what.matches("[aeiou].*") ? "an " : "a ") + what + " needs at least one column");
    }
    return copy;
  }
}
