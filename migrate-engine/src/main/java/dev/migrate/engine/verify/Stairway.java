package dev.migrate.engine.verify;

import dev.migrate.engine.IrreversibleRevisionException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.RevisionFailedException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.VerifySkip;
import dev.migrate.engine.revision.VersionChange;
import dev.migrate.engine.revision.source.JavaRevisionBody;
import dev.migrate.engine.revision.source.SqlRevisionBody;
import dev.migrate.engine.runtime.MigrationListener;
import dev.migrate.engine.runtime.MigrationSession;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ThrowawayDatabase;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One backend's walk over the graph. Each revision is checked on a database holding exactly its
 * ancestors and dependencies: the database the previous revision left when that is so (a chain
 * walks one database), else a clone of the state saved at a branch point, or a replay from empty.
 * Snapshots: S0 before the up, S1 after it, S2 after the down, S3 after the second up; S3 is the
 * next revision's S0.
 */
final class Stairway {
  private static final Difference.Sides TRACE =
      new Difference.Sides("after the downgrade", "before the upgrade", "there ", false);
  private static final Difference.Sides REPEAT =
      new Difference.Sides("after the second upgrade", "after the first upgrade", "there ", false);

  /** What the walk found. */
  record Outcome(List<CheckResult> checks, Duration took) {}

  private final RevisionGraph graph;
  private final List<String> order;
  private final DatabaseKind kind;
  private final Sandbox sandbox;
  private final Verifier.ExpectedModels models;
  private final VerifyOptions options;
  private final DataProbe data;
  private final String backend;
  private final Set<String> upOnly;

  private final List<CheckResult> results = new ArrayList<>();

  /** Revisions whose up failed, and those standing on them: not checked further. */
  private final Map<String, String> blocked = new LinkedHashMap<>();

  /** States saved at branch points: the revisions applied, and the database holding them. */
  private final Map<Set<String>, ThrowawayDatabase> saved = new LinkedHashMap<>();

  private Working working;

  private Consumer<Progress> progress;

  /** Whether generated rows could not be removed and stayed in the tables. */
  private boolean rowsLeft;

  /** The opt-outs of the revision being checked. */
  private Map<Check, String> current = Map.of();

  Stairway(
      RevisionGraph graph,
      List<String> order,
      DatabaseKind kind,
      Sandbox sandbox,
      Verifier.ExpectedModels models,
      VerifyOptions options,
      DataProbe data) {
    this.graph = graph;
    this.order = order;
    this.kind = kind;
    this.sandbox = sandbox;
    this.models = models;
    this.options = options;
    this.data = data;
    this.backend = kind.id();
    this.progress = options.progress();
    this.upOnly =
        options.minimumDowngrade() == null
            ? Set.of()
            : graph.ancestors(graph.resolve(options.minimumDowngrade()).id());
  }

  /**
   * The order revisions are checked in: parents and dependencies first, and after a revision one of
   * its children when it has one, so that a chain walks one database.
   */
  static List<String> walkOrder(RevisionGraph graph) {
    List<String> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<String> all = graph.revisions().stream().map(RevisionScript::id).toList();
    String last = null;
    while (order.size() < all.size()) {
      String next = null;
      if (last != null) {
        for (String child : graph.children(last)) {
          if (!done.contains(child) && ready(graph, child, done)) {
            next = child;
            break;
          }
        }
      }
      if (next == null) {
        for (String id : all) {
          if (!done.contains(id) && ready(graph, id, done)) {
            next = id;
            break;
          }
        }
      }
      if (next == null) {
        throw new IllegalStateException("revision graph has a cycle"); // the loader refuses one
      }
      order.add(next);
      done.add(next);
      last = next;
    }
    return order;
  }

  /**
   * The positions of the walk order where a walk can start from a replay of what comes before: the
   * revision there stands on every revision before it (in a chain, every position).
   */
  static List<Integer> starts(RevisionGraph graph, List<String> order) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 1; i < order.size(); i++) {
      if (graph.ancestors(order.get(i)).size() == i + 1) { // its ancestors include itself
        starts.add(i);
      }
    }
    return starts;
  }

  private static boolean ready(RevisionGraph graph, String id, Set<String> done) {
    Set<String> needed = new HashSet<>(graph.ancestors(id));
    needed.remove(id);
    return done.containsAll(needed);
  }

  /** The whole walk, then the models at the heads; every database it made is dropped. */
  Outcome walk() {
    long started = System.nanoTime();
    try {
      walk(0, order.size());
      modelsAtHead();
    } finally {
      close();
    }
    return new Outcome(List.copyOf(results), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Checks the revisions at positions {@code from} (included) to {@code to} of the walk order,
   * reporting each to the progress consumer; the database stays open for the next range.
   */
  void walk(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw MigrateException.failed("Verification was interrupted", null);
      }
      String id = order.get(i);
      long t = System.nanoTime();
      int before = results.size();
      verifyRevision(id);
      progress.accept(
          new Progress(
              backend,
              id,
              i + 1,
              order.size(),
              progressLine(id, results.subList(before, results.size()), t)));
    }
  }

  /**
   * Makes the working database hold the first {@code count} revisions of the walk order, as a walk
   * starting there needs, and returns its schema.
   */
  Schema startAt(int count) {
    at(new LinkedHashSet<>(order.subList(0, count)));
    return working.schema;
  }

  /**
   * The schema the walk left, when its database holds what a replay of the same revisions would:
   * nothing failed that changes state (an up or down failed, a down left a trace, an up was not
   * repeatable, rows stayed behind) and nothing was blocked. Null otherwise.
   */
  Schema leftAsReplayed() {
    boolean failed =
        results.stream()
            .anyMatch(
                r -> r.outcome() == CheckResult.Outcome.FAILED && STATEFUL.contains(r.check()));
    return failed || rowsLeft || !blocked.isEmpty() || working == null ? null : working.schema;
  }

  private static final Set<Check> STATEFUL =
      Set.of(
          Check.UPGRADE,
          Check.DOWNGRADE,
          Check.DOWN_RESTORES_SCHEMA,
          Check.UP_REPEATABLE,
          Check.DATA_KEPT);

  /** The connection of the database being walked (for tests). */
  Connection connection() {
    return working.connection();
  }

  /** What the walk found so far. */
  List<CheckResult> results() {
    return List.copyOf(results);
  }

  /** Where progress goes: by default the options' consumer. */
  void reportTo(Consumer<Progress> consumer) {
    progress = consumer;
  }

  /** Drops the databases this walk made. */
  void close() {
    closeWorking();
    saved.values().forEach(ThrowawayDatabase::close);
    saved.clear();
  }

  // ---- one revision ---------------------------------------------------------------------------

  private void verifyRevision(String id) {
    RevisionScript revision = graph.get(id);
    Set<String> below = new HashSet<>(graph.ancestors(id));
    below.remove(id);
    // the first failed upgrade below it, in walk order
    Optional<String> blocker =
        order.stream().filter(below::contains).filter(blocked::containsKey).findFirst();
    Map<Check, String> skips = skips(revision);
    current = skips;
    if (blocker.isPresent()) {
      String failed = blocked.get(blocker.get());
      blocked.put(id, failed);
      String why = "revision " + failed + " below it failed to upgrade";
      for (Check check : stepChecks()) {
        skip(id, check, why);
      }
      return;
    }
    at(below);
    if (options.stamped().contains(id)) {
      runFixtures(id, Fixture.When.BEFORE);
      step(id, Direction.UPGRADE);
      runFixtures(id, Fixture.When.AT);
      working.refresh();
      for (Check check : stepChecks()) {
        skip(id, check, "stamped instead of run");
      }
      saveIfBranchPoint(id);
      return;
    }
    if (runFixtures(id, Fixture.When.BEFORE)) {
      working.refresh();
    }
    Schema s0 = working.schema;
    long seed = seed(id);
    DataProbe.Inserted rows = null;
    String dataSkipped = skips.get(Check.DATA_KEPT);
    if (dataSkipped == null && data == null) {
      dataSkipped = "no row generator";
    }
    if (dataSkipped == null) {
      try {
        rows =
            data.insert(
                working.connection(),
                kind,
                s0,
                Touched.tables(revision, kind, s0),
                seed,
                !rowsJoinStep());
      } catch (SQLException | RuntimeException e) {
        dataSkipped = "the generated rows could not be inserted: " + e.getMessage();
      }
    }

    // up
    Failure up = step(id, Direction.UPGRADE, downFollows(revision) ? Direction.DOWNGRADE : null);
    if (up != null && rows != null) {
      // Maybe our rows made it fail (a constraint they do not meet): try again without them.
      String withRows = up.message();
      invalidate(); // on MySQL part of it may have committed: start again from a clean state
      at(below);
      runFixtures(id, Fixture.When.BEFORE);
      rows = null;
      up = step(id, Direction.UPGRADE);
      if (up == null) {
        dataSkipped =
            "the upgrade fails with generated rows in the tables (" + withRows + "); not checked";
      }
    }
    if (up != null) {
      result(id, Check.UPGRADE, fail(FindingCode.UPGRADE_FAILED, id, up.message(), up.details()));
      blocked.put(id, id);
      for (Check check : stepChecks()) {
        if (check != Check.UPGRADE) {
          skip(id, check, "the upgrade failed");
        }
      }
      invalidate();
      return;
    }
    result(id, Check.UPGRADE, List.of());
    Schema s1 = working.refresh();
    lintDestructive(id, s0, s1, skips.get(Check.NOT_DESTRUCTIVE));

    // down
    String noDown = downSkipped(revision, skips);
    if (noDown != null) {
      removeRows(rows, s1, true);
      for (Check check :
          List.of(Check.DOWNGRADE, Check.DOWN_RESTORES_SCHEMA, Check.UP_REPEATABLE)) {
        skip(id, check, noDown);
      }
      skip(id, Check.DATA_KEPT, noDown);
      runFixtures(id, Fixture.When.AT);
      saveIfBranchPoint(id);
      return;
    }
    Failure down = step(id, Direction.DOWNGRADE, Direction.UPGRADE);
    if (down != null) {
      result(
          id,
          Check.DOWNGRADE,
          fail(FindingCode.DOWNGRADE_FAILED, id, down.message(), down.details()));
      for (Check check :
          List.of(Check.DOWN_RESTORES_SCHEMA, Check.UP_REPEATABLE, Check.DATA_KEPT)) {
        skip(id, check, "the downgrade failed");
      }
      invalidate();
      return;
    }
    result(id, Check.DOWNGRADE, List.of());
    Schema s2 = working.refresh();
    compareSchemas(
        id,
        Check.DOWN_RESTORES_SCHEMA,
        s0,
        s2,
        TRACE,
        "the downgrade does not restore the schema from before the upgrade",
        skips);
    checkData(id, rows, s2, dataSkipped);

    // up again
    Failure again = step(id, Direction.UPGRADE);
    if (again != null && skips.containsKey(Check.UP_REPEATABLE)) {
      skip(id, Check.UP_REPEATABLE, skips.get(Check.UP_REPEATABLE));
      invalidate(); // the next revision starts from a replay, with this one applied once
      return;
    }
    if (again != null) {
      result(
          id,
          Check.UP_REPEATABLE,
          fail(
              FindingCode.UPGRADE_NOT_REPEATABLE,
              id,
              "the upgrade fails after the downgrade: " + again.message(),
              again.details()));
      invalidate();
      return;
    }
    Schema s3 = working.refresh();
    compareSchemas(
        id,
        Check.UP_REPEATABLE,
        s1,
        s3,
        REPEAT,
        "upgrade, downgrade, upgrade again gives another schema than the first upgrade",
        skips);
    runFixtures(id, Fixture.When.AT);
    saveIfBranchPoint(id);
  }

  /** Whether the down of a revision is tried after its up (see {@link #downSkipped}). */
  private boolean downFollows(RevisionScript revision) {
    if (upOnly.contains(revision.id())) {
      return false;
    }
    try {
      return revision.body().plan(Direction.DOWNGRADE, kind).irreversibleReason().isEmpty();
    } catch (MigrateException e) {
      return true; // tried, and reported as DOWNGRADE_FAILED
    }
  }

  /** Why the down checks do not run for a revision, or null when they do. */
  private String downSkipped(RevisionScript revision, Map<Check, String> skips) {
    String id = revision.id();
    if (upOnly.contains(id)) {
      String why =
          "at or below the minimum downgrade revision "
              + options.minimumDowngrade()
              + "; not walked down";
      skip(id, Check.REVERSIBLE, why);
      return why;
    }
    MigrationPlan down;
    try {
      down = revision.body().plan(Direction.DOWNGRADE, kind);
    } catch (MigrateException e) {
      return null; // the down step reports it as DOWNGRADE_FAILED
    }
    if (down.irreversibleReason().isEmpty()) {
      result(id, Check.REVERSIBLE, List.of());
      return null;
    }
    if (revision.body() instanceof SqlRevisionBody sql && undeclared(sql)) {
      result(
          id,
          Check.REVERSIBLE,
          fail(
              FindingCode.IRREVERSIBLE,
              id,
              "no downgrade for "
                  + backend
                  + " and none declared irreversible: "
                  + sql.missingDown().advice(),
              List.of()));
      return "it has no downgrade";
    }
    String reason = down.irreversibleReason().get();
    Finding declared =
        new Finding(FindingCode.IRREVERSIBLE, Severity.INFO, backend, id, reason, List.of());
    results.add(
        new CheckResult(
            backend, id, Check.REVERSIBLE, CheckResult.Outcome.SKIPPED, reason, List.of(declared)));
    return reason;
  }

  /**
   * A SQL revision without a down section for this backend declares nothing, it forgot one (unless
   * its source says otherwise, as {@code flyway.missing_undo=irreversible} does).
   */
  private boolean undeclared(SqlRevisionBody sql) {
    return sql.section(Direction.DOWNGRADE, kind).isEmpty() && !sql.missingDown().declared();
  }

  // ---- the checks -----------------------------------------------------------------------------

  private void compareSchemas(
      String id,
      Check check,
      Schema expected,
      Schema actual,
      Difference.Sides sides,
      String message,
      Map<Check, String> skips) {
    if (skips.containsKey(check)) {
      skip(id, check, skips.get(check));
      return;
    }
    List<String> differences =
        SchemaDiff.compare(expected, actual).stream().map(d -> d.describe(sides)).toList();
    result(
        id,
        check,
        differences.isEmpty() ? List.of() : fail(check.code(), id, message, differences));
  }

  private void checkData(String id, DataProbe.Inserted rows, Schema now, String skipped) {
    if (rows == null) {
      skip(id, Check.DATA_KEPT, skipped == null ? "no rows were inserted" : skipped);
      return;
    }
    List<String> losses;
    try {
      losses = rows.losses(working.connection(), now);
    } catch (SQLException | RuntimeException e) {
      skip(id, Check.DATA_KEPT, "the rows could not be read back: " + e.getMessage());
      return;
    }
    List<Finding> findings = new ArrayList<>();
    if (!losses.isEmpty()) {
      findings.addAll(
          fail(
              FindingCode.DATA_LOSS,
              id,
              "rows inserted before the upgrade are gone or changed after the downgrade (rows"
                  + " of --seed "
                  + options.seed()
                  + ")",
              losses));
    }
    for (String note : rows.notes()) {
      findings.add(new Finding(FindingCode.DATA_LOSS, Severity.INFO, backend, id, note, List.of()));
    }
    result(id, Check.DATA_KEPT, findings);
    removeRows(rows, now, !rowsJoinStep()); // the second up follows
  }

  /**
   * Whether the generated rows' insert and delete are left uncommitted for the step that follows to
   * commit with its own work (a failed step rolls them back with it): on SQLite and MySQL a commit
   * waits for the disk, and each revision saves two. On PostgreSQL rows pending in a transaction
   * can make an ALTER TABLE fail (pending trigger events of deferred foreign keys), and its commits
   * do not wait for the disk on throwaway databases.
   */
  private boolean rowsJoinStep() {
    return kind != DatabaseKind.POSTGRESQL;
  }

  private void removeRows(DataProbe.Inserted rows, Schema now, boolean commit) {
    if (rows == null) {
      return;
    }
    try {
      rows.remove(working.connection(), now, commit);
    } catch (SQLException | RuntimeException e) {
      // The rows stay: later revisions run with more data than planned, not a wrong verdict.
      rowsLeft = true;
    }
  }

  private void lintDestructive(String id, Schema before, Schema after, String skipped) {
    if (skipped != null) {
      skip(id, Check.NOT_DESTRUCTIVE, skipped);
      return;
    }
    List<String> destructive = Destructive.changes(before, after);
    if (destructive.isEmpty()) {
      result(id, Check.NOT_DESTRUCTIVE, List.of());
      return;
    }
    Severity severity = options.failOnDestructive() ? Severity.ERROR : Severity.WARNING;
    result(
        id,
        Check.NOT_DESTRUCTIVE,
        List.of(
            new Finding(
                FindingCode.DESTRUCTIVE_CHANGE,
                severity,
                backend,
                id,
                "the upgrade drops or narrows what holds data",
                destructive)));
  }

  /** The models at the heads, compared with the schema once every revision is applied. */
  void modelsAtHead() {
    if (models == null) {
      return;
    }
    String head = String.join(" ", graph.heads());
    if (options.skips().containsKey(Check.MODELS_MATCH)) {
      skip(head, Check.MODELS_MATCH, options.skips().get(Check.MODELS_MATCH));
      return;
    }
    if (!blocked.isEmpty()) {
      skip(
          head,
          Check.MODELS_MATCH,
          "revision " + blocked.values().iterator().next() + " failed to upgrade");
      return;
    }
    at(new LinkedHashSet<>(order));
    StoredChecks expected = models.load(kind, sandbox);
    List<Difference> differences =
        expected.asWritten(
            SchemaDiff.compare(
                SchemaReader.asStored(kind, expected.stored()), working.schema, options.tables()));
    result(
        head,
        Check.MODELS_MATCH,
        differences.isEmpty()
            ? List.of()
            : fail(
                FindingCode.MODEL_DRIFT,
                head,
                "the schema at head differs from the models ("
                    + differences.size()
                    + (differences.size() == 1 ? " difference)" : " differences)"),
                differences.stream().map(Difference::describe).toList()));
  }

  // ---- steps and states -----------------------------------------------------------------------

  /** A failed step in words: the message and the details of its finding. */
  private record Failure(String message, List<String> details) {}

  private Failure step(String id, Direction direction) {
    return step(id, direction, null);
  }

  /**
   * Applies one step of revision {@code id}; {@code then} is the direction of the same revision's
   * step that follows it, when one does (its history row can then be started in this step's
   * commit), or null.
   */
  private Failure step(String id, Direction direction, Direction then) {
    try {
      List<String> rows = working.rows();
      MigrationStep step = stepOf(rows, id, direction);
      if (direction == Direction.UPGRADE && options.stamped().contains(id)) {
        working.session.stamp(step);
      } else {
        working.session.apply(step, then == null ? null : following(rows, step, id, then));
      }
      working.changed(step);
      if (direction == Direction.UPGRADE) {
        working.applied.add(id);
      } else {
        working.applied.remove(id);
      }
      return null;
    } catch (RevisionFailedException e) {
      return failure(e);
    } catch (IrreversibleRevisionException e) {
      return new Failure(e.reason(), List.of());
    } catch (MigrateException e) {
      return new Failure(firstLine(e.getMessage()), List.of());
    }
  }

  private MigrationStep stepOf(List<String> rows, String id, Direction direction) {
    return direction == Direction.UPGRADE
        ? working.migrator.stepUp(rows, id)
        : working.migrator.stepDown(rows, id);
  }

  /** The step of {@code id} in direction {@code then} once {@code step} has run, or null. */
  private MigrationStep following(
      List<String> rows, MigrationStep step, String id, Direction then) {
    List<String> after = new ArrayList<>(rows);
    Working.changed(after, step);
    try {
      return stepOf(after, id, then);
    } catch (MigrateException e) {
      return null; // the step itself reports it when it comes
    }
  }

  private static Failure failure(RevisionFailedException e) {
    String error = e.getCause() == null ? firstLine(e.getMessage()) : errorOf(e.getCause());
    List<String> details = new ArrayList<>();
    String message;
    if (e.statement().isPresent()) {
      message =
          "statement " + e.statementIndex() + " of " + e.statements().size() + " failed: " + error;
      details.add("statement " + e.statementIndex() + ": " + abbreviate(e.statement().get()));
    } else {
      message = error;
    }
    e.sqlState().ifPresent(state -> details.add("SQLState " + state));
    if (e.committedStatements() > 0) {
      details.add(
          e.committedStatements()
              + " statement(s) before it took effect and stay (not rolled back)");
    }
    return new Failure(message, details);
  }

  private static String errorOf(Throwable cause) {
    String m = cause.getMessage();
    return m == null ? cause.toString() : firstLine(m);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).strip();
  }

  /** A statement on one line for a finding, without the comment lines before it. */
  static String abbreviate(String sql) {
    String code = sql.strip().replaceFirst("^(?:--[^\\n]*\\n\\s*)+", "");
    String oneLine = code.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
  }

  /**
   * Runs the fixtures of a revision for that moment; a failing statement is bad input naming the
   * file. Returns whether there were any.
   */
  private boolean runFixtures(String id, Fixture.When when) {
    boolean any = false;
    for (Fixture fixture : options.fixtures()) {
      if (!fixture.revision().equals(id) || fixture.when() != when) {
        continue;
      }
      any = true;
      working.ranUnseen();
      List<String> statements = fixture.statements(kind);
      try (java.sql.Statement s = working.connection().createStatement()) {
        for (int i = 0; i < statements.size(); i++) {
          try {
            s.execute(statements.get(i));
          } catch (SQLException e) {
            throw MigrateException.badInput(
                "Fixture "
                    + fixture.file()
                    + ": statement "
                    + (i + 1)
                    + " failed on "
                    + backend
                    + ": "
                    + e.getMessage()
                    + "; the statement: "
                    + abbreviate(statements.get(i)));
          }
        }
      } catch (SQLException e) {
        throw MigrateException.failed("Cannot run fixture " + fixture.file() + ": " + e, e);
      }
    }
    return any;
  }

  /** Makes the working database hold exactly {@code revisions}. */
  private void at(Set<String> revisions) {
    if (working != null && working.applied.equals(revisions)) {
      return;
    }
    closeWorking();
    Set<String> base = Set.of();
    for (Set<String> state : saved.keySet()) {
      if (revisions.containsAll(state) && state.size() > base.size()) {
        base = state;
      }
    }
    ThrowawayDatabase database = null;
    if (!base.isEmpty()) {
      try {
        database = sandbox.cloneOf(saved.get(base));
      } catch (MigrateException e) {
        base = Set.of(); // MySQL clones tables only: replay instead
      }
    }
    if (database == null) {
      database = sandbox.create();
    }
    working = Working.open(graph, kind, database, base);
    Integer synchronous = working.commitsWithoutTheDisk(kind);
    try {
      for (String id : order) {
        if (revisions.contains(id) && !working.applied.contains(id)) {
          runFixtures(id, Fixture.When.BEFORE);
          Failure replay = step(id, Direction.UPGRADE);
          runFixtures(id, Fixture.When.AT);
          if (replay != null) {
            throw MigrateException.failed(
                "Verification could not rebuild the state below a revision on "
                    + backend
                    + ": revision "
                    + id
                    + " failed on replay: "
                    + replay.message(),
                null);
          }
        }
      }
    } finally {
      working.restoreSynchronous(synchronous);
    }
    working.refresh();
  }

  /** A later revision needs this state on another branch: keep a copy to clone it from. */
  private void saveIfBranchPoint(String id) {
    boolean wanted = graph.children(id).size() > 1 || !graph.dependents(id).isEmpty();
    if (!wanted || saved.containsKey(working.applied)) {
      return;
    }
    Set<String> applied = Set.copyOf(working.applied);
    ThrowawayDatabase database = working.database;
    Schema schema = working.schema;
    working.closeConnection(); // PostgreSQL clones only a database nobody is connected to
    try {
      ThrowawayDatabase copy = sandbox.cloneOf(database);
      saved.put(applied, copy);
      // the other branches' clones are made while the first branch is walked
      sandbox.cloneAhead(copy, graph.children(id).size() - 1 + graph.dependents(id).size());
    } catch (MigrateException e) {
      // not clonable (MySQL with views or triggers): the branch is replayed from empty
    }
    working = Working.reopen(graph, kind, database, applied, schema);
  }

  private void invalidate() {
    closeWorking();
  }

  private void closeWorking() {
    if (working != null) {
      working.close();
      working = null;
    }
  }

  // ---- bookkeeping ----------------------------------------------------------------------------

  private static List<Check> stepChecks() {
    return List.of(
        Check.UPGRADE,
        Check.REVERSIBLE,
        Check.DOWNGRADE,
        Check.DOWN_RESTORES_SCHEMA,
        Check.UP_REPEATABLE,
        Check.DATA_KEPT,
        Check.NOT_DESTRUCTIVE);
  }

  /** The revision's own opt-outs over the project's. */
  private Map<Check, String> skips(RevisionScript revision) {
    Map<Check, String> skips = new EnumMap<>(Check.class);
    skips.putAll(options.skips());
    Map<String, String> own = new LinkedHashMap<>();
    if (revision.body() instanceof SqlRevisionBody sql) {
      own.putAll(sql.verifySkips());
    } else if (revision.body() instanceof JavaRevisionBody java) {
      for (VerifySkip skip : java.migrationClass().getAnnotationsByType(VerifySkip.class)) {
        Check check =
            Check.byId(skip.check())
                .orElseThrow(
                    () ->
                        MigrateException.badInput(
                            java.migrationClass().getName()
                                + ": @VerifySkip names an unknown check '"
                                + skip.check()
                                + "'; expected one of "
                                + Check.ids()));
        if (skip.reason().isBlank()) {
          throw MigrateException.badInput(
              java.migrationClass().getName()
                  + ": @VerifySkip("
                  + skip.check()
                  + ") needs a reason; say why the check does not apply");
        }
        own.put(check.id(), skip.reason());
      }
    }
    own.forEach((check, reason) -> skips.put(Check.byId(check).orElseThrow(), reason));
    return skips;
  }

  private long seed(String id) {
    return options.seed() * 31 + id.hashCode();
  }

  private List<Finding> fail(FindingCode code, String id, String message, List<String> details) {
    return List.of(Finding.of(code, backend, id, message, details));
  }

  private void result(String id, Check check, List<Finding> findings) {
    if (current.containsKey(check) && check != Check.MODELS_MATCH) {
      skip(id, check, current.get(check));
      return;
    }
    boolean failed = findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
    results.add(
        new CheckResult(
            backend,
            id,
            check,
            failed ? CheckResult.Outcome.FAILED : CheckResult.Outcome.PASSED,
            null,
            findings));
  }

  private void skip(String id, Check check, String reason) {
    results.add(
        new CheckResult(backend, id, check, CheckResult.Outcome.SKIPPED, reason, List.of()));
  }

  private String progressLine(String id, List<CheckResult> checks, long startedNanos) {
    Set<String> codes = new LinkedHashSet<>();
    for (CheckResult check : checks) {
      for (Finding f : check.findings()) {
        if (f.severity() != Severity.INFO) {
          codes.add(f.code().name());
        }
      }
    }
    return backend
        + " "
        + id
        + " "
        + graph.get(id).message()
        + ": "
        + (codes.isEmpty() ? "ok" : String.join(", ", codes))
        + " ("
        + (System.nanoTime() - startedNanos) / 1_000_000
        + " ms)";
  }

  /**
   * The database being walked: one connection and one migration session (and on a server a second
   * connection for the snapshots).
   */
  private static final class Working {
    final ThrowawayDatabase database;
    final Set<String> applied;
    Connection connection;
    Migrator migrator;
    MigrationSession session;
    SchemaReader.Snapshots snapshots;

    /**
     * A server's snapshots read on a connection of their own: on the one that runs the DDL, whose
     * every DDL statement discards that session's catalog caches and plans, both the catalog
     * queries and the next steps ran slower (steps and snapshots of a chain on PostgreSQL: 2.9-3.6
     * s on one connection, 1.8-2.1 s on two; on MariaDB 2.6-3.3 s and 2.2-2.7 s). Null on SQLite,
     * where a second connection would only wait for the first.
     */
    Connection snapshotConnection;

    Schema schema;
    List<String> rows;

    private Working(ThrowawayDatabase database, Set<String> applied) {
      this.database = database;
      this.applied = new LinkedHashSet<>(applied);
    }

    static Working open(
        RevisionGraph graph, DatabaseKind kind, ThrowawayDatabase database, Set<String> applied) {
      Working w = new Working(database, applied);
      w.connect(graph, kind);
      return w;
    }

    static Working reopen(
        RevisionGraph graph,
        DatabaseKind kind,
        ThrowawayDatabase database,
        Set<String> applied,
        Schema schema) {
      Working w = open(graph, kind, database, applied);
      w.schema = schema;
      return w;
    }

    private void connect(RevisionGraph graph, DatabaseKind kind) {
      try {
        connection = database.connect();
        snapshotConnection = kind == DatabaseKind.SQLITE ? null : database.connectForCatalog();
      } catch (SQLException e) {
        throw MigrateException.failed(
            "Cannot connect to throwaway database " + database + ": " + e.getMessage(), e);
      }
      migrator =
          Migrator.builder(graph)
              .connection(connection)
              .databaseKind(kind)
              .output(line -> {})
              .listener(
                  new MigrationListener() {
                    @Override
                    public void beforeStep(MigrationStep step, List<String> statements) {
                      ran(step, statements, kind);
                    }
                  })
              .build();
      session = migrator.open();
      snapshots =
          new SchemaReader()
              .snapshotsOfOwnDatabase(snapshotConnection != null ? snapshotConnection : connection);
    }

    Connection connection() {
      return connection;
    }

    /**
     * SQLite, while a state is replayed: commits do not wait for the disk ({@code PRAGMA
     * synchronous = OFF} on this connection), since nothing of a throwaway database must survive a
     * crash and a replay commits once per revision. The walk's own steps then commit as any
     * connection does. Returns the setting to restore, or null elsewhere.
     */
    Integer commitsWithoutTheDisk(DatabaseKind kind) {
      if (kind != DatabaseKind.SQLITE) {
        return null;
      }
      try (java.sql.Statement s = connection.createStatement();
          java.sql.ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
        Integer before = rs.next() ? rs.getInt(1) : null;
        if (before != null) {
          s.execute("PRAGMA synchronous = OFF");
        }
        return before;
      } catch (SQLException e) {
        return null; // the replay waits for the disk, as the walk does
      }
    }

    void restoreSynchronous(Integer setting) {
      if (setting == null) {
        return;
      }
      try (java.sql.Statement s = connection.createStatement()) {
        s.execute("PRAGMA synchronous = " + setting);
      } catch (SQLException e) {
        throw MigrateException.failed(
            "Cannot restore PRAGMA synchronous on " + database + ": " + e.getMessage(), e);
      }
    }

    /** The version rows: read once, then kept as each step changes them. */
    List<String> rows() {
      if (rows == null) {
        rows = new ArrayList<>(session.currentRows());
      }
      return rows;
    }

    void changed(MigrationStep step) {
      changed(rows, step);
    }

    /** {@code rows} as {@code step} leaves them. */
    static void changed(List<String> rows, MigrationStep step) {
      for (VersionChange change : step.versionChanges()) {
        if (change instanceof VersionChange.Insert insert) {
          rows.add(insert.id());
        } else if (change instanceof VersionChange.Delete delete) {
          rows.remove(delete.id());
        } else if (change instanceof VersionChange.Update update) {
          rows.set(rows.indexOf(update.from()), update.to());
        }
      }
    }

    /**
     * What ran since the last refresh, for the snapshot to look at only what that can have changed;
     * null once something ran that it cannot see (a fixture).
     */
    private List<String> since = new ArrayList<>();

    private void ran(MigrationStep step, List<String> statements, DatabaseKind kind) {
      if (since == null) {
        return;
      }
      since.addAll(statements);
      try { // what a Java revision's operations name, however their statements spell it
        for (Operation operation :
            step.revision().body().plan(step.direction(), kind).operations()) {
          if (!(operation instanceof Operation.Execute)) {
            since.add("-- " + operation.toString().replaceAll("\\s+", " "));
          }
        }
      } catch (MigrateException e) {
        since = null;
      }
    }

    /** Something the snapshots cannot see ran (a fixture's SQL): the next refresh reads all. */
    void ranUnseen() {
      since = null;
    }

    /** The schema now; only the tables that changed since the last call are read again. */
    Schema refresh() {
      schema = snapshots.refreshAfter(since);
      since = new ArrayList<>();
      return schema;
    }

    void closeConnection() {
      snapshots.close();
      session.close();
      try {
        connection.close();
        if (snapshotConnection != null) {
          snapshotConnection.close();
        }
      } catch (SQLException e) {
        // nothing to do: the database is dropped or reopened next
      }
    }

    void close() {
      closeConnection();
      database.close();
    }
  }
}
