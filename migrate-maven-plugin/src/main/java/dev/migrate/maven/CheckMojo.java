package dev.migrate.maven;

import dev.migrate.engine.command.DatabaseCheck;
import dev.migrate.engine.revision.RevisionGraph;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrate check} inside the build: the database of {@code <url>} against the revisions
 * (edited since applied, not at the heads) and, with {@code <models>}, against the models. A
 * problem fails the build.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class CheckMojo extends MigrateMojo {
  @Override
  String goal() {
    return "check";
  }

  @Override
  void run(ClassLoader loader) throws MojoFailureException {
    RevisionGraph graph = graph(loader);
    DatabaseCheck check = DatabaseCheck.run(config(), graph, migrator(graph, false), loader);
    check.warnings().forEach(w -> getLog().warn(shown(w)));
    if (check.problems().isEmpty()) {
      getLog().info("No problems found.");
      return;
    }
    check.problems().forEach(p -> getLog().error(shown(p)));
    int count = check.problems().size();
    throw new MojoFailureException(
        shown(
            "check found "
                + count
                + (count == 1 ? " problem" : " problems")
                + ":\n"
                + String.join("\n", check.problems())));
  }
}
