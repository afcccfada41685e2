package dev.migrate.engine.revision.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.fixtures.good.sub.DropLegacy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRevisionLoaderTest {
  private static final String FIXTURES = "dev.migrate.engine.revision.source.fixtures";
  private static final String GOOD = FIXTURES + ".good";

  @Test
  void discoversAnnotatedRevisionsInPackageAndSubpackagesFromDirectory() {
    List<RevisionScript> scripts = JavaRevisionLoader.load(GOOD, getClass().getClassLoader());

    assertThat(scripts)
        .extracting(RevisionScript::origin)
        .containsExactly(GOOD + ".AddTasks", GOOD + ".AddUsers", GOOD + ".sub.DropLegacy");
    Map<String, RevisionScript> byId = byId(scripts);
    RevisionScript users = byId.get("aaa111");
    assertThat(users.downRevisions()).isEmpty();
    assertThat(users.message()).isEqualTo("Add users");
    assertThat(users.branchLabels()).containsExactly("users");
    RevisionScript tasks = byId.get("bbb222");
    assertThat(tasks.downRevisions()).containsExactly("aaa111");
    assertThat(tasks.dependsOn()).containsExactly("ccc333");
  }

  @Test
  void planRunsUpgradeAndDowngradeOnFreshOps() {
    RevisionScript users = byId(JavaRevisionLoader.load(GOOD, loader())).get("aaa111");

    MigrationPlan up = users.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE);
    MigrationPlan again = users.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE);
    MigrationPlan down = users.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE);

    assertThat(up.operations())
        .containsExactly(new Operation.Execute("CREATE TABLE users (id INTEGER PRIMARY KEY)"));
    assertThat(again.operations()).isEqualTo(up.operations());
    assertThat(down.operations()).containsExactly(new Operation.Execute("DROP TABLE users"));
    assertThat(up.irreversibleReason()).isEmpty();
    assertThat(down.irreversibleReason()).isEmpty();
    assertThat(up.transactional()).isEqualTo(Revision.Transactional.AUTO);
  }

  @Test
  void transactionalFlagAndIrreversibleCallComeThrough() {
    RevisionScript tasks = byId(JavaRevisionLoader.load(GOOD, loader())).get("bbb222");

    MigrationPlan up = tasks.body().plan(Direction.UPGRADE, DatabaseKind.POSTGRESQL);
    MigrationPlan down = tasks.body().plan(Direction.DOWNGRADE, DatabaseKind.POSTGRESQL);

    assertThat(up.transactional()).isEqualTo(Revision.Transactional.FALSE);
    assertThat(up.operations()).hasSize(2);
    assertThat(down.irreversibleReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("declared irreversible (AddTasks): ")
                    .contains("tasks are kept forever"));
  }

  @Test
  void irreversibleAnnotationSkipsDowngradeAndGivesItsReason() {
    RevisionScript legacy = byId(JavaRevisionLoader.load(GOOD, loader())).get("ccc333");

    MigrationPlan down = legacy.body().plan(Direction.DOWNGRADE, DatabaseKind.MYSQL);

    assertThat(down.operations()).isEmpty();
    assertThat(down.irreversibleReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("declared irreversible (DropLegacy): ")
                    .contains("legacy data is gone"));
    assertThat(legacy.body().plan(Direction.UPGRADE, DatabaseKind.MYSQL).irreversibleReason())
        .isEmpty();
  }

  @Test
  void everyUpgradePlanUsesAFreshInstanceAndIrreversibleDowngradeNone() {
    RevisionScript legacy = byId(JavaRevisionLoader.load(GOOD, loader())).get("ccc333");
    int before = DropLegacy.instances;

    legacy.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE);
    legacy.body().plan(Direction.UPGRADE, DatabaseKind.POSTGRESQL);
    legacy.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE);

    assertThat(DropLegacy.instances - before).isEqualTo(2);
  }

  @Test
  void exceptionFromUserCodeNamesClassAndDirection() {
    RevisionScript explodes = JavaRevisionLoader.load(FIXTURES + ".failing", loader()).get(0);

    assertThat(explodes.body().plan(Direction.UPGRADE, DatabaseKind.SQLITE).operations())
        .hasSize(1);
    assertThatThrownBy(() -> explodes.body().plan(Direction.DOWNGRADE, DatabaseKind.SQLITE))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(FIXTURES + ".failing.Explodes")
        .hasMessageContaining("downgrade()")
        .hasMessageContaining("boom in downgrade")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void annotatedClassThatIsNotAMigrationIsAnError() {
    assertThatThrownBy(() -> JavaRevisionLoader.load(FIXTURES + ".notmigration", loader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(FIXTURES + ".notmigration.NotAMigration")
        .hasMessageContaining("does not implement dev.migrate.engine.revision.Migration");
  }

  @Test
  void revisionWithoutNoArgumentConstructorIsAnError() {
    assertThatThrownBy(() -> JavaRevisionLoader.load(FIXTURES + ".noctor", loader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(FIXTURES + ".noctor.NeedsArguments")
        .hasMessageContaining("no public no-argument constructor")
        .hasMessageContaining("public NeedsArguments() {}");
  }

  @Test
  void unknownPackageIsAnError() {
    assertThatThrownBy(() -> JavaRevisionLoader.load("no.such.revisions", loader()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("'no.such.revisions' is not on the classpath");
  }

  @Test
  void discoversRevisionsFromJar(@TempDir Path temp) throws Exception {
    Path jar = jarOfFixtures(temp.resolve("revisions.jar"), "good");
    ClassLoader withoutFixtures = new HidingClassLoader(loader(), FIXTURES);
    assertThatThrownBy(() -> JavaRevisionLoader.load(GOOD, withoutFixtures))
        .hasMessageContaining("not on the classpath");

    try (URLClassLoader jarLoader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, withoutFixtures)) {
      List<RevisionScript> scripts = JavaRevisionLoader.load(GOOD, jarLoader);

      assertThat(scripts)
          .extracting(RevisionScript::id)
          .containsExactly("bbb222", "aaa111", "ccc333");
      JavaRevisionBody body = (JavaRevisionBody) byId(scripts).get("aaa111").body();
      assertThat(body.migrationClass().getClassLoader()).isSameAs(jarLoader);
      assertThat(body.plan(Direction.UPGRADE, DatabaseKind.SQLITE).operations()).hasSize(1);
    }
  }

  static ClassLoader loader() {
    return JavaRevisionLoaderTest.class.getClassLoader();
  }

  static Map<String, RevisionScript> byId(List<RevisionScript> scripts) {
    return scripts.stream().collect(Collectors.toMap(RevisionScript::id, Function.identity()));
  }

  /** A jar of the compiled fixture classes of {@code fixtures.<subpackage>}, with dir entries. */
  static Path jarOfFixtures(Path jar, String subpackage) throws IOException, Exception {
    Path classes =
        Path.of(
            JavaRevisionLoaderTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path root = classes.resolve((FIXTURES + "." + subpackage).replace('.', '/'));
    TreeSet<String> entries = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.forEach(
          file -> {
            String name = classes.relativize(file).toString().replace('\\', '/');
            entries.add(Files.isDirectory(file) ? name + "/" : name);
          });
    }
    // Parent directories too: ClassLoader.getResources finds a package in a jar by its entry.
    for (String name : List.copyOf(entries)) {
      for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
        entries.add(name.substring(0, slash + 1));
      }
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (String name : entries) {
        jarOut.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          jarOut.write(Files.readAllBytes(classes.resolve(name)));
        }
        jarOut.closeEntry();
      }
    }
    return jar;
  }

  /** Delegates to a parent but hides one package, so the jar is the only place to find it. */
  static final class HidingClassLoader extends ClassLoader {
    private final String hiddenPackage;
    private final String hiddenPath;

    HidingClassLoader(ClassLoader parent, String hiddenPackage) {
      super(parent);
      this.hiddenPackage = hiddenPackage + ".";
      this.hiddenPath = hiddenPackage.replace('.', '/');
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(hiddenPackage)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith(hiddenPath) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith(hiddenPath)
          ? Collections.emptyEnumeration()
          : super.getResources(name);
    }
  }
}
