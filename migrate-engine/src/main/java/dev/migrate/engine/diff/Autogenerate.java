package dev.migrate.engine.diff;

import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns differences into the operations of a revision: the upgrade makes the database match the
 * models, the downgrade puts it back as it was, using the definitions the database had.
 *
 * <p>The upgrade runs in this order, so every operation finds what it needs: drop foreign keys,
 * then other constraints, indexes and primary keys; create tables (referenced tables first); add
 * columns; alter columns; create primary keys, constraints, indexes, then foreign keys; drop
 * columns; drop tables (referencing tables first). Foreign keys in a cycle between new tables are
 * added after the tables. The downgrade is the inverse of each step, in reverse order.
 *
 * <p>What is not generated is listed in {@link Result#notes()}: autoincrement changes, constraints
 * the database reported without a name (they cannot be dropped by name), and what only a catalog
 * states and the operations cannot express (views, sequences, enum types, triggers, collations,
 * generated expressions, indexes with DESC parts, expressions or a predicate, NOT VALID checks). A
 * column that may have been renamed is still dropped and added, with a comment above both
 * operations.
 */
public final class Autogenerate {
  private static final int MAX_NAME = 63;

  /** Said of what the operations cannot express (see {@link Result#notes()}). */
  static final String NOT_RENDERED =
      "; not generated: operations cannot express it, write it with op.execute(...) by hand";

  private Autogenerate() {}

  /**
   * @param notes what the user must look at: things not generated, possible table renames
   * @param comments what to write above an operation of the upgrade or downgrade: on the add and
   *     drop of a column that may be a rename
   */
  public record Result(
      List<Operation> upgrade,
      List<Operation> downgrade,
      List<String> notes,
      Map<Operation, String> comments) {
    public Result {
      upgrade = List.copyOf(upgrade);
      downgrade = List.copyOf(downgrade);
      notes = List.copyOf(notes);
      comments = Map.copyOf(comments);
    }

    public boolean isEmpty() {
      return upgrade.isEmpty() && downgrade.isEmpty() && notes.isEmpty();
    }
  }

  private enum Phase {
    DROP_FOREIGN_KEYS,
    DROP_CONSTRAINTS,
    DROP_INDEXES,
    DROP_PRIMARY_KEYS,
    CREATE_TABLES,
    ADD_COLUMNS,
    ALTER_COLUMNS,
    CREATE_PRIMARY_KEYS,
    CREATE_CONSTRAINTS,
    CREATE_INDEXES,
    CREATE_FOREIGN_KEYS,
    DROP_COLUMNS,
    DROP_TABLES
  }

  /**
   * One change: its upgrade operations and the downgrade operations that undo them, and a comment
   * for them all, or null.
   */
  private record Step(Phase phase, List<Operation> up, List<Operation> down, String comment) {
    Step(Phase phase, List<Operation> up, List<Operation> down) {
      this(phase, up, down, null);
    }
  }

  public static Result operations(List<Difference> differences) {
    Generator generator = new Generator();
    generator.generate(differences);
    List<Step> steps = new ArrayList<>(generator.steps);
    steps.sort(Comparator.comparing(Step::phase)); // stable: keeps the order within a phase
    List<Operation> upgrade = new ArrayList<>();
    List<Operation> downgrade = new ArrayList<>();
    Map<Operation, String> comments = new HashMap<>();
    for (Step step : steps) {
      upgrade.addAll(step.up());
      if (step.comment() != null) {
        step.up().forEach(op -> comments.put(op, step.comment()));
        step.down().forEach(op -> comments.put(op, step.comment()));
      }
    }
    for (int i = steps.size() - 1; i >= 0; i--) {
      downgrade.addAll(steps.get(i).down());
    }
    return new Result(upgrade, downgrade, generator.notes, comments);
  }

  private static final class Generator {
    final List<Step> steps = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Integer> checkNumbers = new HashMap<>();

    void generate(List<Difference> differences) {
      List<Schema.Table> created = new ArrayList<>();
      List<Schema.Table> dropped = new ArrayList<>();
      Map<String, List<Difference.ColumnChange>> changes = new LinkedHashMap<>();
      for (Difference difference : differences) {
        if (difference instanceof Difference.MissingTable d) {
          created.add(d.definition());
          if (d.possibleRenameOf() != null) {
            notes.add(d.describe());
          }
        } else if (difference instanceof Difference.ExtraTable d) {
          dropped.add(d.definition());
        } else if (difference instanceof Difference.ColumnChange d) {
          changes
              .computeIfAbsent(lower(d.table()) + "." + lower(d.column()), k -> new ArrayList<>())
              .add(d);
        } else {
          other(difference);
        }
      }
      createTables(created);
      dropTables(dropped);
      changes.values().forEach(this::alterColumn);
    }

    private void other(Difference difference) {
      String table = difference.table();
      if (difference instanceof Difference.MissingColumn d) {
        add(
            Phase.ADD_COLUMNS,
            new Operation.AddColumn(table, columnDef(d.column(), false)),
            new Operation.DropColumn(table, d.column().name()),
            d.possibleRenameOf() == null ? null : d.describe());
      } else if (difference instanceof Difference.ExtraColumn d) {
        add(
            Phase.DROP_COLUMNS,
            new Operation.DropColumn(table, d.column().name()),
            new Operation.AddColumn(table, columnDef(d.column(), false)),
            d.possibleRenameTo() == null ? null : d.describe());
      } else if (difference instanceof Difference.PrimaryKeyChanged d) {
        primaryKey(d);
      } else if (difference instanceof Difference.MissingObject
          || difference instanceof Difference.ExtraObject
          || difference instanceof Difference.ObjectChanged
          || difference instanceof Difference.TableCommentChanged
          || difference instanceof Difference.CheckValidityChanged) {
        notes.add(difference.describe() + NOT_RENDERED);
      } else if ((difference instanceof Difference.MissingIndex d && d.index().hasDetails())
          || (difference instanceof Difference.ExtraIndex e && e.index().hasDetails())) {
        notes.add(difference.describe() + NOT_RENDERED);
      } else if (difference instanceof Difference.MissingIndex d) {
        Operation.CreateIndex create = createIndex(table, d.index());
        add(Phase.CREATE_INDEXES, create, new Operation.DropIndex(create.name(), table, false));
      } else if (difference instanceof Difference.ExtraIndex d) {
        if (named(d.index().name(), d)) {
          add(
              Phase.DROP_INDEXES,
              new Operation.DropIndex(d.index().name(), table, false),
              createIndex(table, d.index()));
        }
      } else if (difference instanceof Difference.MissingUniqueConstraint d) {
        String name = orName(d.constraint().name(), "uq", table, d.constraint().columns());
        add(
            Phase.CREATE_CONSTRAINTS,
            new Operation.CreateUniqueConstraint(name, table, d.constraint().columns()),
            new Operation.DropConstraint(name, table, ConstraintKind.UNIQUE));
      } else if (difference instanceof Difference.ExtraUniqueConstraint d) {
        if (named(d.constraint().name(), d)) {
          add(
              Phase.DROP_CONSTRAINTS,
              new Operation.DropConstraint(d.constraint().name(), table, ConstraintKind.UNIQUE),
              new Operation.CreateUniqueConstraint(
                  d.constraint().name(), table, d.constraint().columns()));
        }
      } else if (difference instanceof Difference.MissingForeignKey d) {
        addForeignKey(table, d.foreignKey());
      } else if (difference instanceof Difference.ExtraForeignKey d) {
        if (named(d.foreignKey().name(), d)) {
          dropForeignKey(table, d.foreignKey());
        }
      } else if (difference instanceof Difference.MissingCheckConstraint d) {
        String name = d.check().name() != null ? d.check().name() : checkName(table);
        add(
            Phase.CREATE_CONSTRAINTS,
            new Operation.CreateCheckConstraint(name, table, d.check().expression()),
            new Operation.DropConstraint(name, table, ConstraintKind.CHECK));
      } else if (difference instanceof Difference.ExtraCheckConstraint d) {
        if (named(d.check().name(), d)) {
          add(
              Phase.DROP_CONSTRAINTS,
              new Operation.DropConstraint(d.check().name(), table, ConstraintKind.CHECK),
              new Operation.CreateCheckConstraint(d.check().name(), table, d.check().expression()));
        }
      } else {
        throw new IllegalStateException("unhandled difference " + difference);
      }
    }

    /** False, with a note, when the database did not say the object's name. */
    private boolean named(String name, Difference difference) {
      if (name != null) {
        return true;
      }
      notes.add(
          difference.describe()
              + "; not generated: the database reported no name to drop it by, drop it by hand");
      return false;
    }

    private void createTables(List<Schema.Table> tables) {
      Ordered ordered = Ordered.of(tables);
      for (Schema.Table table : ordered.tables()) {
        List<Operation> up = createWithIndexes(table, ordered.deferred());
        noteLeftOut(table, "created");
        steps.add(
            new Step(Phase.CREATE_TABLES, up, List.of(new Operation.DropTable(table.name()))));
      }
      for (TableForeignKey fk : ordered.deferred()) {
        addForeignKey(fk.table(), fk.foreignKey());
      }
    }

    private void dropTables(List<Schema.Table> tables) {
      Ordered ordered = Ordered.of(tables);
      List<Schema.Table> reversed = new ArrayList<>(ordered.tables());
      Collections.reverse(reversed);
      for (Schema.Table table : reversed) {
        List<Operation> down = createWithIndexes(table, ordered.deferred());
        noteLeftOut(table, "recreated by the downgrade");
        steps.add(
            new Step(Phase.DROP_TABLES, List.of(new Operation.DropTable(table.name())), down));
      }
      for (TableForeignKey fk : ordered.deferred()) {
        if (fk.foreignKey().name() == null) {
          notes.add(
              Describe.foreignKey(fk.table(), fk.foreignKey())
                  + " is in a cycle of dropped tables and has no name; drop it by hand first");
        } else {
          dropForeignKey(fk.table(), fk.foreignKey());
        }
      }
    }

    /** A note for each part of the table the operations cannot express. */
    private void noteLeftOut(Schema.Table table, String how) {
      List<String> parts = new ArrayList<>();
      for (Schema.Column column : table.columns()) {
        if (column.collation() != null) {
          parts.add("the collation " + column.collation() + " of column " + column.name());
        }
        if (column.generated() != null) {
          parts.add("the generated expression of column " + column.name());
        }
      }
      table.indexes().stream()
          .filter(Schema.Index::hasDetails)
          .forEach(i -> parts.add(Describe.index(table.name(), i)));
      table.checks().stream()
          .filter(c -> !c.valid())
          .forEach(c -> parts.add("NOT VALID of " + Describe.check(table.name(), c)));
      table.triggers().forEach(t -> parts.add(Describe.object(t, table.name())));
      for (String part : parts) {
        notes.add("table " + table.name() + " is " + how + " without " + part + NOT_RENDERED);
      }
    }

    private void addForeignKey(String table, Schema.ForeignKey fk) {
      String name =
          fk.name() != null
              ? fk.name()
              : name("fk", table, concat(fk.columns(), List.of(fk.referencedTable())));
      Constraint.ForeignKey constraint = foreignKey(fk, name);
      add(
          Phase.CREATE_FOREIGN_KEYS,
          new Operation.CreateForeignKey(table, constraint),
          new Operation.DropConstraint(name, table, ConstraintKind.FOREIGN_KEY));
    }

    private void dropForeignKey(String table, Schema.ForeignKey fk) {
      add(
          Phase.DROP_FOREIGN_KEYS,
          new Operation.DropConstraint(fk.name(), table, ConstraintKind.FOREIGN_KEY),
          new Operation.CreateForeignKey(table, foreignKey(fk, fk.name())));
    }

    private void primaryKey(Difference.PrimaryKeyChanged d) {
      String table = d.table();
      if (d.actual() != null) {
        String name = d.actual().name() != null ? d.actual().name() : table + "_pkey";
        add(
            Phase.DROP_PRIMARY_KEYS,
            new Operation.DropConstraint(name, table, ConstraintKind.PRIMARY_KEY),
            new Operation.CreatePrimaryKey(name, table, d.actual().columns()));
      }
      if (d.expected() != null) {
        String name = d.expected().name() != null ? d.expected().name() : "pk_" + table;
        add(
            Phase.CREATE_PRIMARY_KEYS,
            new Operation.CreatePrimaryKey(name, table, d.expected().columns()),
            new Operation.DropConstraint(name, table, ConstraintKind.PRIMARY_KEY));
      }
    }

    private void alterColumn(List<Difference.ColumnChange> changes) {
      Difference.ColumnChange first = changes.get(0);
      Schema.Column actual = first.actual();
      Schema.Column expected = first.expected();
      String table = first.table();
      Operation.AlterColumn up = Operation.AlterColumn.of(table, actual.name());
      Operation.AlterColumn down = up;
      for (Difference.ColumnChange change : changes) {
        if (change instanceof Difference.ColumnTypeChanged) {
          up = up.withType(expected.type());
          down = down.withType(actual.type());
        } else if (change instanceof Difference.NullabilityChanged) {
          up = up.withNullable(expected.nullable());
          down = down.withNullable(actual.nullable());
        } else if (change instanceof Difference.DefaultChanged) {
          up = up.withDefault(expected.defaultValue(), expected.defaultValue() == null);
          down = down.withDefault(actual.defaultValue(), actual.defaultValue() == null);
        } else if (change instanceof Difference.CollationChanged
            || change instanceof Difference.GenerationChanged
            || change instanceof Difference.CommentChanged) {
          notes.add(change.describe() + NOT_RENDERED);
        } else if (change instanceof Difference.AutoincrementChanged) {
          notes.add(
              change.describe()
                  + "; not generated: changing autoincrement needs the table rebuilt, write it by"
                  + " hand");
        }
      }
      if (!up.changesDefinition()) {
        return;
      }
      // MySQL restates the whole column; an AUTO_INCREMENT one is left to be read live, as
      // the given definition cannot say it is autoincrement.
      if (!actual.autoincrement()) {
        up = up.withExisting(actual.type(), actual.nullable(), actual.defaultValue());
        down = down.withExisting(expected.type(), expected.nullable(), expected.defaultValue());
      }
      add(Phase.ALTER_COLUMNS, up, down);
    }

    private void add(Phase phase, Operation up, Operation down) {
      add(phase, up, down, null);
    }

    private void add(Phase phase, Operation up, Operation down, String comment) {
      steps.add(new Step(phase, List.of(up), List.of(down), comment));
    }

    private String checkName(String table) {
      int number = checkNumbers.merge(lower(table), 1, Integer::sum);
      return name("ck", table, List.of(String.valueOf(number)));
    }
  }

  private record TableForeignKey(String table, Schema.ForeignKey foreignKey) {}

  /**
   * Tables in creation order (referenced tables first) and the foreign keys, with their tables,
   * that point forward in that order because of a cycle.
   */
  private record Ordered(List<Schema.Table> tables, List<TableForeignKey> deferred) {
    static Ordered of(List<Schema.Table> tables) {
      Map<String, Schema.Table> byName = new LinkedHashMap<>();
      tables.forEach(t -> byName.put(lower(t.name()), t));
      LinkedHashSet<String> done = new LinkedHashSet<>();
      for (String name : byName.keySet()) {
        visit(name, byName, done, new HashSet<>());
      }
      List<String> order = new ArrayList<>(done);
      List<TableForeignKey> deferred = new ArrayList<>();
      for (String name : order) {
        Schema.Table table = byName.get(name);
        for (Schema.ForeignKey fk : table.foreignKeys()) {
          int target = order.indexOf(lower(fk.referencedTable()));
          if (target > order.indexOf(name)) {
            deferred.add(new TableForeignKey(table.name(), fk));
          }
        }
      }
      return new Ordered(order.stream().map(byName::get).toList(), deferred);
    }

    private static void visit(
        String name, Map<String, Schema.Table> byName, Set<String> done, Set<String> visiting) {
      if (done.contains(name) || !visiting.add(name)) {
        return;
      }
      for (Schema.ForeignKey fk : byName.get(name).foreignKeys()) {
        String target = lower(fk.referencedTable());
        if (byName.containsKey(target)) {
          visit(target, byName, done, visiting);
        }
      }
      done.add(name);
    }
  }

  /** The operations that create {@code table} with its indexes (those the operations express). */
  static List<Operation> createWithIndexes(Schema.Table table) {
    return createWithIndexes(table, List.of());
  }

  private static List<Operation> createWithIndexes(
      Schema.Table table, List<TableForeignKey> deferred) {
    List<Operation> operations = new ArrayList<>();
    operations.add(createTable(table, deferred));
    for (Schema.Index index : table.indexes()) {
      if (!index.hasDetails()) {
        operations.add(createIndex(table.name(), index));
      }
    }
    return operations;
  }

  private static Operation.CreateTable createTable(
      Schema.Table table, List<TableForeignKey> deferred) {
    Schema.PrimaryKey pk = table.primaryKey();
    List<String> pkColumns = pk == null ? List.of() : lower(pk.columns());
    List<String> columnOrder = table.columns().stream().map(c -> lower(c.name())).toList();
    // Mark the key on its columns when that says the same as a constraint would (SQLite wants an
    // autoincrement key inline); otherwise a constraint keeps the key's column order.
    boolean inline =
        pk != null && columnOrder.stream().filter(pkColumns::contains).toList().equals(pkColumns);
    List<ColumnDef> columns = new ArrayList<>();
    for (Schema.Column column : table.columns()) {
      columns.add(columnDef(column, inline && pkColumns.contains(lower(column.name()))));
    }
    List<Constraint> constraints = new ArrayList<>();
    if (pk != null && !inline) {
      constraints.add(new Constraint.PrimaryKey(null, pk.columns()));
    }
    for (Schema.UniqueConstraint unique : table.uniqueConstraints()) {
      constraints.add(new Constraint.Unique(unique.name(), unique.columns()));
    }
    for (Schema.ForeignKey fk : table.foreignKeys()) {
      if (!deferred.contains(new TableForeignKey(table.name(), fk))) {
        constraints.add(foreignKey(fk, fk.name()));
      }
    }
    for (Schema.CheckConstraint check : table.checks()) {
      constraints.add(new Constraint.Check(check.name(), check.expression()));
    }
    return new Operation.CreateTable(table.name(), columns, constraints);
  }

  private static ColumnDef columnDef(Schema.Column column, boolean primaryKey) {
    return new ColumnDef(
        column.name(),
        column.type(),
        column.nullable() && !primaryKey,
        column.defaultValue(),
        primaryKey,
        column.autoincrement(),
        false);
  }

  private static Operation.CreateIndex createIndex(String table, Schema.Index index) {
    String name =
        index.name() != null
            ? index.name()
            : name(index.unique() ? "uq" : "ix", table, index.columns());
    return new Operation.CreateIndex(name, table, index.columns(), index.unique(), false);
  }

  private static Constraint.ForeignKey foreignKey(Schema.ForeignKey fk, String name) {
    return new Constraint.ForeignKey(
        name,
        fk.columns(),
        fk.referencedTable(),
        fk.referencedColumns(),
        fk.onDelete(),
        fk.onUpdate());
  }

  private static String orName(String name, String prefix, String table, List<String> columns) {
    return name != null ? name : name(prefix, table, columns);
  }

  /** A name like {@code ix_task_title}, cut to fit PostgreSQL's 63 characters. */
  static String name(String prefix, String table, List<String> parts) {
    String name = prefix + "_" + table + "_" + String.join("_", parts);
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(Autogenerate::lower).toList();
  }
}
