package dev.migrate.engine.verify;

import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.ColumnType.Kind;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The lint behind {@code DESTRUCTIVE_CHANGE}: what an up did to tables and columns that held data.
 * A table or column gone is a drop unless another with the same columns or type appeared (a
 * rename); an SQLite rebuild keeps the table's name and columns and so is no drop. A type that
 * holds less than before is a narrowing.
 */
final class Destructive {
  /** Kinds each kind widens to without losing a value. */
  private static final Map<Kind, Set<Kind>> WIDER =
      Map.ofEntries(
          Map.entry(Kind.SMALLINT, Set.of(Kind.INTEGER, Kind.BIGINT, Kind.DECIMAL, Kind.DOUBLE)),
          Map.entry(Kind.INTEGER, Set.of(Kind.BIGINT, Kind.DECIMAL, Kind.DOUBLE)),
          Map.entry(Kind.BIGINT, Set.of(Kind.DECIMAL)),
          Map.entry(Kind.REAL, Set.of(Kind.DOUBLE)),
          Map.entry(Kind.CHAR, Set.of(Kind.VARCHAR, Kind.TEXT)),
          Map.entry(Kind.VARCHAR, Set.of(Kind.TEXT)),
          Map.entry(Kind.DATE, Set.of(Kind.TIMESTAMP, Kind.TIMESTAMP_TZ)),
          Map.entry(Kind.TIMESTAMP, Set.of(Kind.TIMESTAMP_TZ)),
          Map.entry(Kind.TIMESTAMP_TZ, Set.of(Kind.TIMESTAMP)),
          Map.entry(Kind.UUID, Set.of(Kind.TEXT)),
          Map.entry(Kind.JSON, Set.of(Kind.TEXT)));

  private Destructive() {}

  /**
   * One sentence per table or column dropped and per type narrowed by going from before to after.
   */
  static List<String> changes(Schema before, Schema after) {
    List<String> found = new ArrayList<>();
    for (Difference d : SchemaDiff.compare(after, before)) {
      if (d instanceof Difference.ExtraTable gone && gone.possibleRenameTo() == null) {
        found.add("table " + gone.table() + " is dropped");
      } else if (d instanceof Difference.ExtraColumn gone && gone.possibleRenameTo() == null) {
        found.add("column " + gone.table() + "." + gone.column().name() + " is dropped");
      } else if (d instanceof Difference.ColumnTypeChanged changed) {
        ColumnType was = changed.actual().type();
        ColumnType now = changed.expected().type();
        if (narrower(was, now)) {
          found.add(
              "column "
                  + changed.table()
                  + "."
                  + changed.column()
                  + " narrowed from "
                  + was.sql()
                  + " to "
                  + now.sql());
        }
      }
    }
    return found;
  }

  /** Whether {@code now} cannot hold every value {@code was} can. */
  static boolean narrower(ColumnType was, ColumnType now) {
    if (was.kind() == now.kind()) {
      return switch (was.kind()) {
        case VARCHAR, CHAR -> now.length() < was.length();
        case DECIMAL ->
            now.scale() < was.scale()
                || now.precision() - now.scale() < was.precision() - was.scale();
        case TIME, TIMESTAMP, TIMESTAMP_TZ -> now.secondsPrecision() < was.secondsPrecision();
        case CUSTOM -> !Objects.equals(was.sql(), now.sql());
        default -> false;
      };
    }
    if (now.kind() == Kind.TEXT && was.kind() != Kind.BLOB) {
      return false;
    }
    if (was.kind() == Kind.CHAR && now.kind() == Kind.VARCHAR) {
      return now.length() < was.length();
    }
    if (now.kind() == Kind.DECIMAL
        && WIDER.getOrDefault(was.kind(), Set.of()).contains(now.kind())) {
      int digits = now.precision() - now.scale();
      return digits
          < switch (was.kind()) {
            case SMALLINT -> 5;
            case INTEGER -> 10;
            default -> 19;
          };
    }
    return !WIDER.getOrDefault(was.kind(), Set.of()).contains(now.kind());
  }
}
