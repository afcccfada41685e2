package dev.migrate.engine;

import java.io.IOException;
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
 * Lists and loads the classes of a package (and its sub-packages) from classpath directories and
 * jars, for Java revisions and JPA entities. Jars must hold directory entries for their packages,
 * as Maven's, Gradle's and the {@code jar} tool's do.
 */
public final class ClassScan {
  private ClassScan() {}

  /**
   * The classes of {@code packageName}, sorted by name, loaded without initialising them.
   *
   * @param purpose what they are, for messages: "Java revisions", "JPA entities"
   */
  public static List<Class<?>> classes(String packageName, ClassLoader loader, String purpose) {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : classNames(packageName, loader, purpose)) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw MigrateException.badInput(
            "Cannot load class " + name + " while looking for " + purpose + ": " + e);
      }
    }
    return classes;
  }

  private static SortedSet<String> classNames(
      String packageName, ClassLoader loader, String purpose) {
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
                  "Cannot list the classes of package "
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
          "Package '"
              + packageName
              + "' is not on the classpath (looking for "
              + purpose
              + "); check the package name and the classpath");
    }
    return names;
  }

  private static void fromDirectory(Path directory, String packageName, SortedSet<String> names)
      throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .filter(ClassScan::isClassFile)
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
