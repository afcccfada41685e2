package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.diff.Autogenerate;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.JavaRevisionRenderer;
import dev.migrate.engine.diff.SqlRevisionRenderer;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionWriter;
import dev.migrate.engine.runtime.Migrator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "revision",
    mixinStandardHelpOptions = true,
    description = {
      "Create a new revision file on top of the current head: an SQL file"
          + " <rev>_<slug>.sql in the revisions directory, or a Java source with --java.",
      "Fails when there are several heads (use --head or 'migrate merge').",
      "With --autogenerate the revision holds the operations that turn the database (which must"
          + " be at the heads) into the models: a Java revision, or SQL with --sql-file."
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

  @Option(
      names = "--autogenerate",
      description =
          "Compare the database with the models (--models) and write the operations that make"
              + " it match them, with their undo in downgrade. Review the result before applying.")
  boolean autogenerate;

  @Option(
      names = "--sql-file",
      description =
          "With --autogenerate: write an SQL revision for the database's dialect instead of a"
              + " Java one.")
  boolean sqlFile;

  @Mixin TableFilters tables = new TableFilters();

  @Override
  Map<ConfigKey, String> commandValues() {
    return tables.values();
  }

  @Override
  boolean needsDatabase() {
    return autogenerate;
  }

  @Override
  int execute() throws IOException {
    if (sqlFile && !autogenerate) {
      throw MigrateException.badInput("--sql-file only applies with --autogenerate");
    }
    if (autogenerate && sqlFile && java) {
      throw MigrateException.badInput("Give either --java or --sql-file, not both");
    }
    boolean writeJava = java || (autogenerate && !sqlFile);
    requireCompiledJavaRevisions();
    RevisionGraph graph = graph(writeJava);
    List<String> parents = NewRevision.parents(graph, List.of(head), splice);
    List<String> dependencies = NewRevision.dependsOn(graph, dependsOn);
    List<String> labels = NewRevision.branchLabels(graph, branchLabels);
    String id = NewRevision.id(graph, revId);
    String text = message == null ? NewRevision.DEFAULT_MESSAGE : message;
    RevisionWriter.JavaBody javaBody = RevisionWriter.JavaBody.EMPTY;
    RevisionWriter.SqlBody sqlBody = RevisionWriter.SqlBody.EMPTY;
    if (autogenerate) {
      Migrator migrator = migrator(false);
      if (!new HashSet<>(graph.current(migrator.currentRows()))
          .equals(new HashSet<>(graph.heads()))) {
        throw new MigrateException("Target database is not up to date.", 1);
      }
      List<Difference> differences = modelDifferences(migrator);
      if (differences.isEmpty()) {
        out().println("No changes in schema detected.");
        return 0;
      }
      differences.forEach(d -> out().println("Detected " + d.describe()));
      Autogenerate.Result result = Autogenerate.operations(differences);
      javaBody = JavaRevisionRenderer.body(result);
      if (!writeJava) {
        sqlBody = SqlRevisionRenderer.body(result, migrator.databaseKind());
      }
    }
    Path written;
    if (writeJava) {
      String javaPackage = javaPackage(autogenerate ? "--autogenerate" : "--java");
      written =
          RevisionWriter.writeJava(
              javaSourceRoot(), javaPackage, id, text, parents, labels, dependencies, javaBody);
    } else {
      written =
          RevisionWriter.writeSql(
              config().revisions(), id, text, parents, labels, dependencies, sqlBody);
    }
    out().println("Generating " + written.toAbsolutePath() + " ...  done");
    if (writeJava) {
      out()
          .println(
              "Compile it before running migrate again: Java revisions are read from compiled"
                  + " classes (--classpath), so until then 'upgrade' does not see it and a new"
                  + " revision would fork the history.");
    }
    return 0;
  }

  /**
   * Refuses to write a revision while a Java revision source has no class, or one older than the
   * source: the graph would miss it, and the new revision would start a second head beside it.
   */
  private void requireCompiledJavaRevisions() throws IOException {
    String javaPackage = config().javaPackage();
    if (javaPackage == null) {
      return;
    }
    String packagePath = javaPackage.replace('.', '/');
    Path packageDir = main.workingDir.resolve(javaSource).normalize().resolve(packagePath);
    if (!Files.isDirectory(packageDir)) {
      return;
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(packageDir)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      if (!Files.readString(source).contains("@Revision")) {
        continue;
      }
      String relative = packageDir.relativize(source).toString().replace('\\', '/');
      String classFile = packagePath + "/" + relative.replaceAll("\\.java$", ".class");
      URL compiled = classLoader().getResource(classFile);
      boolean stale;
      if (compiled == null) {
        stale = true;
      } else if (compiled.getProtocol().equals("file")) {
        try {
          Path classPath = Path.of(compiled.toURI());
          stale =
              Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(classPath)) > 0;
        } catch (URISyntaxException e) {
          stale = false;
        }
      } else {
        stale = false;
      }
      if (stale) {
        throw MigrateException.badInput(
            "Java revision "
                + source
                + (compiled == null
                    ? " is not compiled (no " + classFile + " on the classpath)"
                    : " changed after it was compiled")
                + "; compile it first: migrate reads Java revisions from classes, so it cannot see"
                + " this one, and a new revision now would fork the history");
      }
    }
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

  private String javaPackage(String option) {
    String javaPackage = config().javaPackage();
    if (javaPackage == null) {
      throw MigrateException.badInput(
          option
              + " needs the package of Java revisions; set "
              + ConfigKey.JAVA_PACKAGE.howToSet(config().fileName())
              + (option.equals("--autogenerate") ? ", or write SQL with --sql-file" : ""));
    }
    return javaPackage;
  }
}
