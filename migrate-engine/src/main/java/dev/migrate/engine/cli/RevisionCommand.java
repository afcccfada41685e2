package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "revision",
    mixinStandardHelpOptions = true,
    description = {
      "Create a new revision file on top of the current head: an SQL file"
          + " <rev>_<slug>.sql in the revisions directory, or a Java source with --java.",
      "Fails when there are several heads (use --head or 'migrate merge')."
    })
final class RevisionCommand extends MigrateCommand {
  @Option(
      names = {"-m", "--message"},
      paramLabel = "MSG",
      description = "Message of the revision; also names the file.")
  String message;

  @Option(
      names = "--head",
      paramLabel = "H",
      defaultValue = "head",
      description =
          "Revision to build on: head (default), base for a new root, heads to merge them all,"
              + " <label>@head, or an id.")
  String head;

  @Option(
      names = "--splice",
      description = "Allow --head to name a revision that is not a head, starting a new branch.")
  boolean splice;

  @Option(
      names = "--branch-label",
      paramLabel = "L",
      description = "Branch label for the new revision; repeat for several.")
  List<String> branchLabels = new ArrayList<>();

  @Option(
      names = "--depends-on",
      paramLabel = "R",
      description = "Revision id, prefix or branch label the new revision depends on; repeatable.")
  List<String> dependsOn = new ArrayList<>();

  @Option(
      names = "--rev-id",
      paramLabel = "ID",
      description = "Id for the new revision instead of a generated 12-hex one.")
  String revId;

  @Option(
      names = "--java",
      description =
          "Write a Java revision source (package from --java-package, under --java-source)"
              + " instead of an SQL file.")
  boolean java;

  @Option(
      names = "--java-source",
      paramLabel = "DIR",
      defaultValue = "src/main/java",
      description = "Source root a Java revision is written under (default: ${DEFAULT-VALUE}).")
  Path javaSource;

  @Override
  int execute() {
    RevisionGraph graph = graph(java);
    List<String> parents = NewRevision.parents(graph, List.of(head), splice);
    List<String> dependencies = NewRevision.dependsOn(graph, dependsOn);
    List<String> labels = NewRevision.branchLabels(graph, branchLabels);
    String id = NewRevision.id(graph, revId);
    String text = message == null ? NewRevision.DEFAULT_MESSAGE : message;
    Path written;
    if (java) {
      String javaPackage = javaPackage();
      written =
          RevisionWriter.writeJava(
              javaSourceRoot(), javaPackage, id, text, parents, labels, dependencies);
    } else {
      written =
          RevisionWriter.writeSql(config().revisions(), id, text, parents, labels, dependencies);
    }
    out().println("Generating " + written.toAbsolutePath() + " ...  done");
    return 0;
  }

  private Path javaSourceRoot() {
    Path root = main.workingDir.resolve(javaSource).normalize();
    if (!Files.isDirectory(root)) {
      throw MigrateException.badInput(
          "Java source directory "
              + root
              + " does not exist; create it or point --java-source at your source root");
    }
    return root;
  }

  private String javaPackage() {
    String javaPackage = config().javaPackage();
    if (javaPackage == null) {
      throw MigrateException.badInput(
          "--java needs the package of Java revisions; set "
              + ConfigKey.JAVA_PACKAGE.howToSet(config().fileName()));
    }
    return javaPackage;
  }
}
