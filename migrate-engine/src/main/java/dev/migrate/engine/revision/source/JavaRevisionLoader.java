package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionScript;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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
    for (String className : classNames(packageName, loader)) {
      Class<?> type = loadClass(className, loader);
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

  private static Class<?> loadClass(String className, ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw MigrateException.badInput(
          "Cannot load class " + className + " while looking for Java revisions: " + e);
    }
  }

  private static SortedSet<String> classNames(String packageName, ClassLoader loader) {
    String path = packageName.replace('.', '/');
    SortedSet<String> names = new TreeSet<>();
    boolean found = false;
    try {
      Enumeration<URL> roots = loader.getResources(path);
      while (roots.hasMoreElements()) {
        found = true;
        URL root = roots.nextElement();
        switch (root.getProtocol()) {
          case "file" -> fromDirectory(Path.of(root.toURI()), packageName, names);
          case "jar" -> fromJar(root, path, names);
          default ->
              throw MigrateException.badInput(
                  "Cannot list Java revisions of package "
                      + packageName
                      + " in "
                      + root
                      + "; put them in a directory or jar on the classpath");
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw MigrateException.badInput(
          "Cannot list the classes of package " + packageName + ": " + e);
    }
    if (!found) {
      throw MigrateException.badInput(
          "Java revision package '"
              + packageName
              + "' is not on the classpath; check the package name and the classpath");
    }
    return names;
  }

  private static void fromDirectory(Path directory, String packageName, SortedSet<String> names)
      throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .filter(JavaRevisionLoader::isClassFile)
          .forEach(relative -> names.add(packageName + "." + className(relative)));
    }
  }

  private static void fromJar(URL root, String path, SortedSet<String> names) throws IOException {
    URLConnection connection = root.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      throw MigrateException.badInput("Cannot open " + root + " as a jar");
    }
    jarConnection.setUseCaches(false);
    try (JarFile jar = jarConnection.getJarFile()) {
      String prefix = path + "/";
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String entry = entries.nextElement().getName();
        if (entry.startsWith(prefix) && isClassFile(entry)) {
          names.add(className(entry));
        }
      }
    }
  }

  private static boolean isClassFile(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.endsWith(".class")
        && !file.equals("package-info.class")
        && !file.equals("module-info.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
