package dev.migrate.engine.revision.source;

import dev.migrate.engine.ClassScan;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Java revisions: the classes of a package and its subpackages, in classpath directories and
 * jars, that are annotated {@link Revision}. Each must implement {@link Migration} and have a
 * public no-argument constructor; the error says which class does not.
 *
 * <p>Packages are found with {@link ClassLoader#getResources}, so a jar must contain directory
 * entries for them (jars built by Maven, Gradle and the {@code jar} tool do).
 */
public final class JavaRevisionLoader {
  private JavaRevisionLoader() {}

  /** The revisions in {@code packageName}, ordered by class name. */
  public static List<RevisionScript> load(String packageName, ClassLoader loader) {
    List<RevisionScript> revisions = new ArrayList<>();
    for (Class<?> type : ClassScan.classes(packageName, loader, "Java revisions")) {
      Revision revision = type.getAnnotation(Revision.class);
      if (revision != null) {
        revisions.add(script(type, revision));
      }
    }
    return revisions;
  }

  /** The revision declared by {@code type}, checked as {@link #load} checks it. */
  public static RevisionScript script(Class<?> type, Revision revision) {
    String name = type.getName();
    if (!Migration.class.isAssignableFrom(type)) {
      throw MigrateException.badInput(
          "Java revision "
              + name
              + " is annotated @Revision but does not implement "
              + Migration.class.getName()
              + "; add 'implements Migration' with upgrade(Ops) and downgrade(Ops)");
    }
    if (Modifier.isAbstract(type.getModifiers())
        || !Modifier.isPublic(type.getModifiers())
        || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
      throw MigrateException.badInput(
          "Java revision "
              + name
              + " cannot be instantiated; make it a public, non-abstract"
              + (type.isMemberClass() ? ", static" : "")
              + " class");
    }
    Constructor<? extends Migration> constructor;
    try {
      constructor = type.asSubclass(Migration.class).getConstructor();
    } catch (NoSuchMethodException e) {
      throw MigrateException.badInput(
          "Java revision "
              + name
              + " has no public no-argument constructor; add 'public "
              + type.getSimpleName()
              + "() {}'");
    }
    if (revision.id().isBlank()) {
      throw MigrateException.badInput(
          "Java revision " + name + " has an empty @Revision id; give it id = \"<12 hex digits>\"");
    }
    return new RevisionScript(
        revision.id(),
        List.of(revision.revises()),
        List.of(revision.branchLabels()),
        List.of(revision.dependsOn()),
        revision.message(),
        name,
        new JavaRevisionBody(constructor));
  }
}
