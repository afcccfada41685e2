package dev.migrate.engine.revision;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;

/** Small builders for graph tests. */
final class Graphs {
  private Graphs() {}

  /** A revision with parents. */
  static RevisionScript rev(String id, String... downs) {
    return new RevisionScript(
        id, List.of(downs), List.of(), List.of(), "msg " + id, id + ".sql", null);
  }

  /** A revision with parents, labels and dependencies. */
  static RevisionScript rev(String id, List<String> downs, List<String> labels, List<String> deps) {
    return new RevisionScript(id, downs, labels, deps, "msg " + id, id + ".sql", null);
  }

  static RevisionScript labelled(String id, String label, String... downs) {
    return rev(id, List.of(downs), List.of(label), List.of());
  }

  static RevisionScript depending(String id, List<String> deps, String... downs) {
    return rev(id, List.of(downs), List.of(), deps);
  }

  static RevisionGraph graph(RevisionScript... scripts) {
    return RevisionGraph.of(Arrays.asList(scripts));
  }

  /** Linear chain a -> b -> ... */
  static RevisionGraph chain(String... ids) {
    List<RevisionScript> scripts = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      scripts.add(i == 0 ? rev(ids[i]) : rev(ids[i], ids[i - 1]));
    }
    return RevisionGraph.of(scripts);
  }

  /** a -> b -> {c1 [c1branch] -> d1, c2 [c2branch] -> d2}, inserted a, b, c1, d1, c2, d2. */
  static RevisionGraph labelledBranches() {
    return graph(
        rev("a"),
        rev("b", "a"),
        labelled("c1", "c1branch", "b"),
        rev("d1", "c1"),
        labelled("c2", "c2branch", "b"),
        rev("d2", "c2"));
  }

  static List<String> ids(List<MigrationStep> steps) {
    return steps.stream().map(s -> s.revision().id()).toList();
  }

  static List<String> revisionIds(List<RevisionScript> scripts) {
    return scripts.stream().map(RevisionScript::id).toList();
  }

  /** Applies version-table changes to rows, failing on any change that would not hit one row. */
  static Set<String> apply(Collection<String> rows, List<VersionChange> changes) {
    Set<String> result = new LinkedHashSet<>(rows);
    for (VersionChange change : changes) {
      if (change instanceof VersionChange.Insert insert) {
        if (!result.add(insert.id())) {
          throw new AssertionError("insert of present row " + insert.id());
        }
      } else if (change instanceof VersionChange.Delete delete) {
        if (!result.remove(delete.id())) {
          throw new AssertionError("delete of absent row " + delete.id());
        }
      } else if (change instanceof VersionChange.Update update) {
        if (!result.remove(update.from()) || !result.add(update.to())) {
          throw new AssertionError("bad update " + update);
        }
      }
    }
    return result;
  }

  static Set<String> rowsAfter(Collection<String> rows, List<MigrationStep> steps) {
    Set<String> result = new LinkedHashSet<>(rows);
    for (MigrationStep step : steps) {
      result = apply(result, step.versionChanges());
    }
    return result;
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertBadInput(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOf(MigrateException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((MigrateException) e).exitCode())
                    .isEqualTo(2));
  }
}
