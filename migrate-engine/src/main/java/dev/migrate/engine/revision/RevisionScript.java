package dev.migrate.engine.revision;

import java.util.List;
import java.util.Objects;

/**
 * One revision of the graph: its identity and links, where it came from, and what it does.
 *
 * @param id the revision id
 * @param downRevisions parent ids: empty for a root, several for a merge point
 * @param branchLabels labels declared on this revision (not the propagated ones)
 * @param dependsOn revision ids or branch labels this revision depends on
 * @param message one-line description
 * @param origin where it was defined, for messages: a file path or a class name
 * @param body what the revision does
 */
public record RevisionScript(
    String id,
    List<String> downRevisions,
    List<String> branchLabels,
    List<String> dependsOn,
    String message,
    String origin,
    RevisionBody body) {

  public RevisionScript {
    Objects.requireNonNull(id, "id");
    downRevisions = List.copyOf(downRevisions);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    message = message == null ? "" : message;
    origin = origin == null ? id : origin;
    body = body == null ? RevisionBody.EMPTY : body;
  }

  /** A revision with no body, for tests and tools that only need the graph. */
  public static RevisionScript of(String id, String... downRevisions) {
    return new RevisionScript(id, List.of(downRevisions), List.of(), List.of(), "", null, null);
  }
}
