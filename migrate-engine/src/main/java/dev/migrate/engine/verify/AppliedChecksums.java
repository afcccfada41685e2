package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.JavaRevisionBody;
import dev.migrate.engine.runtime.Checksum;
import dev.migrate.engine.runtime.ChecksumMismatch;
import dev.migrate.engine.runtime.Migrator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CHECKSUM_MISMATCH}: an applied revision edited after it was applied. Two sources:
 *
 * <ul>
 *   <li>{@link #against}: a database migrate upgraded, read and never written (no lock, no table
 *       created), compared with the revisions as they are now, the way {@code upgrade} compares
 *       them before it runs anything;
 *   <li>{@link #unstable}: a Java revision whose checksum changes from one load to the next (its
 *       operations are built from the clock or a random value), which every database that applied
 *       it will read as edited.
 * </ul>
 */
public final class AppliedChecksums {
  private AppliedChecksums() {}

  /**
   * One check per applied revision of the database at {@code url}: failed with an error when its
   * upgrade changed, with a warning when only its downgrade did, and failed for a version row that
   * names no revision of the graph.
   *
   * @throws MigrateException bad input when that database has no version table
   */
  public static List<CheckResult> against(
      RevisionGraph graph, String url, String versionTable, String historyTable) {
    Migrator migrator =
        Migrator.builder(graph)
            .url(url)
            .versionTable(versionTable)
            .historyTable(historyTable)
            .output(line -> {})
            .build();
    String where = Urls.mask(url);
    if (!migrator.versionTableExists()) {
      throw MigrateException.badInput(
          "--against "
              + where
              + " has no "
              + versionTable
              + " table: migrate never upgraded that database (or it keeps its versions in"
              + " another table: give --version-table); point --against at a database that"
              + " 'migrate upgrade' ran on");
    }
    String backend = DatabaseKind.fromJdbcUrl(url).id();
    List<CheckResult> checks = new ArrayList<>();
    List<String> rows = migrator.currentRows();
    for (String row : rows) {
      if (graph.find(row).isEmpty()) {
        checks.add(
            failed(
                backend,
                row,
                Finding.of(
                    FindingCode.CHECKSUM_MISMATCH,
                    backend,
                    row,
                    "revision "
                        + row
                        + " is applied to "
                        + where
                        + " but no revision file or class has that id: it was deleted or renamed"
                        + " after it was applied; restore it",
                    List.of())));
      }
    }
    List<ChecksumMismatch> mismatches = migrator.checksumMismatches();
    for (String id : applied(graph, rows)) {
      List<Finding> findings = new ArrayList<>();
      for (ChecksumMismatch mismatch : mismatches) {
        if (mismatch.revision().equals(id)) {
          findings.add(finding(backend, where, graph.get(id), mismatch));
        }
      }
      checks.add(
          findings.isEmpty()
              ? new CheckResult(
                  backend,
                  id,
                  Check.CHECKSUM_UNCHANGED,
                  CheckResult.Outcome.PASSED,
                  null,
                  List.of())
              : failed(backend, id, findings.toArray(Finding[]::new)));
    }
    return checks;
  }

  /**
   * A failed check per Java revision whose checksums on {@code kind} differ between two loads;
   * nothing for the others (SQL files hash their text, which does not change while it is read).
   */
  static List<CheckResult> unstable(List<RevisionScript> revisions, DatabaseKind kind) {
    List<CheckResult> checks = new ArrayList<>();
    for (RevisionScript revision : revisions) {
      if (!(revision.body() instanceof JavaRevisionBody java)) {
        continue;
      }
      Checksum first;
      Checksum second;
      try {
        first = Checksum.of(revision, kind);
        second = Checksum.of(revision, kind);
      } catch (MigrateException e) {
        continue; // the stairway reports a revision that cannot be planned
      }
      if (first.equals(second)) {
        continue;
      }
      String part = first.up().equals(second.up()) ? "downgrade" : "upgrade";
      checks.add(
          failed(
              kind.id(),
              revision.id(),
              Finding.of(
                  FindingCode.CHECKSUM_MISMATCH,
                  kind.id(),
                  revision.id(),
                  java.migrationClass().getSimpleName()
                      + " renders a different "
                      + part
                      + " each time it is loaded (built from the clock, a random value or other"
                      + " state): its checksum changes from one load to the next, so every"
                      + " database that applied it will read as edited; build its operations from"
                      + " constants",
                  List.of(
                      "checksum of the first load: "
                          + (part.equals("upgrade") ? first.up() : first.down()),
                      "checksum of the second load: "
                          + (part.equals("upgrade") ? second.up() : second.down())))));
    }
    return checks;
  }

  /** The revisions a downgrade of {@code rows} to base would undo, the rows the graph knows. */
  private static List<String> applied(RevisionGraph graph, List<String> rows) {
    List<String> known = rows.stream().filter(row -> graph.find(row).isPresent()).toList();
    List<String> ids = new ArrayList<>();
    graph.downgrade(known, "base").forEach(step -> ids.add(0, step.revision().id()));
    return ids;
  }

  private static Finding finding(
      String backend, String where, RevisionScript revision, ChecksumMismatch mismatch) {
    boolean downOnly = mismatch.isWarning();
    return new Finding(
        FindingCode.CHECKSUM_MISMATCH,
        downOnly ? Severity.WARNING : Severity.ERROR,
        backend,
        revision.id(),
        (downOnly ? "the downgrade of " : "")
            + "revision "
            + revision.id()
            + " ("
            + VerifiedRevision.originOf(revision)
            + ") was edited after it was applied to "
            + where
            + (downOnly
                ? "; upgrades go on, and the edited downgrade is the one that will run"
                : "; restore it as it was applied, or once the edit is meant, record it there"
                    + " with 'migrate stamp --accept-checksums'"),
        List.of(
            "checksum when applied: " + mismatch.stored(), "checksum now: " + mismatch.current()));
  }

  private static CheckResult failed(String backend, String revision, Finding... findings) {
    return new CheckResult(
        backend,
        revision,
        Check.CHECKSUM_UNCHANGED,
        CheckResult.Outcome.FAILED,
        null,
        List.of(findings));
  }
}
