package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrate upgrade} inside the build: applies the revisions to the database of {@code <url>},
 * one log line per step ({@code Running upgrade <from> -> <to>, <message>}).
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class UpgradeMojo extends MigrateMojo {
  /** head, heads, {@code <label>@head}, an id or prefix, +N, {@code <rev>+N}. */
  @Parameter(property = "migrate.target", defaultValue = "head")
  String target;

  @Override
  String goal() {
    return "upgrade";
  }

  @Override
  void run(ClassLoader loader) {
    int steps = migrator(graph(loader), true).upgrade(target).size();
    getLog().info("Upgraded to " + target + ": " + steps + (steps == 1 ? " step" : " steps"));
  }
}
