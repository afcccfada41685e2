package dev.migrate.engine.verify;

import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.SqlRevisionBody;
import java.util.List;

/**
 * A revision as reports draw it.
 *
 * @param id the revision id
 * @param message its one-line message
 * @param parents the revisions it revises (empty for a root)
 * @param dependsOn the revisions it depends on, resolved to ids
 * @param origin the file (its path under the revisions directory) or class it comes from
 */
public record VerifiedRevision(
    String id, String message, List<String> parents, List<String> dependsOn, String origin) {
  public VerifiedRevision {
    parents = List.copyOf(parents);
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * Where a revision comes from, as reports name it: a file by its path under the revisions
   * directory (reports travel between machines), a class by its name.
   */
  static String originOf(RevisionScript script) {
    return script.body() instanceof SqlRevisionBody sql ? sql.name() : script.origin();
  }
}
