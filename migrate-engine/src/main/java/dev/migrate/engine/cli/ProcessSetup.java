package dev.migrate.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * What the {@code migrate} process sets up before it runs a command, so that only migrate's own
 * messages reach the terminal and a run leaves nothing behind in the temp directory. Library users
 * keep their own logging and driver settings: only a process started by {@link Main#main} gets
 * this.
 */
final class ProcessSetup {
  private static final String SQLITE_LIB_PATH = "org.sqlite.lib.path";

  private ProcessSetup() {}

  /** Before the first SQLite connection of the process. */
  static synchronized void beforeSqlite(Map<String, String> env) {
    if (!sqliteReady) {
      sqliteReady = true;
      installSqliteLibrary(env);
    }
  }

  private static boolean sqliteReady;

  /**
   * java.util.logging's configuration in the CLI: nothing, so the root logger has no handler and
   * prints nothing. Named by {@code java.util.logging.config.class}, it is only made when a driver
   * first logs, so a run that logs nothing pays nothing.
   */
  public static final class NoHandlers {
    public NoHandlers() {}
  }

  /**
   * The drivers log through java.util.logging (PostgreSQL: "WARNING: JDBC URL invalid port number")
   * and SLF4J (sqlite-jdbc's clean-up of its temp files, with a stack trace); none of it is for the
   * person running migrate, whose errors are printed as FAILED lines. A logging configuration the
   * user passes with -D is left alone. Called at the start of the process; costs nothing until a
   * driver logs.
   */
  static void apply() {
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      System.setProperty("java.util.logging.config.class", NoHandlers.class.getName());
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    }
  }

  /**
   * sqlite-jdbc extracts its native library into the temp directory on every start and deletes it
   * at exit, so a killed run leaves a 1 MB file there for good. Instead the library is extracted
   * once per driver version and platform into the user's cache directory, and the driver loads it
   * from there. Where the cache cannot be written, the driver's own way stays.
   */
  private static void installSqliteLibrary(Map<String, String> env) {
    if (System.getProperty(SQLITE_LIB_PATH) != null) {
      return;
    }
    String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
    String name = System.mapLibraryName("sqlitejdbc");
    URL resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + folder + "/" + name);
    if (resource == null) {
      return; // not packed for this platform: the driver says so when it is used
    }
    try {
      URLConnection connection = resource.openConnection();
      long size = connection.getContentLengthLong();
      Path dir =
          cacheDir(env)
              .resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
              .resolve(folder.replace('/', '-'));
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file) || Files.size(file) != size) {
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, name, ".partial");
        try (InputStream in = connection.getInputStream()) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
          Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          // another migrate process may have put it there first (and holds it open on Windows)
          if (!Files.isRegularFile(file) || Files.size(file) != size) {
            throw e;
          }
        } finally {
          Files.deleteIfExists(partial);
        }
      }
      System.setProperty(SQLITE_LIB_PATH, dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
      // the driver's start-up clean-up scans this directory instead of the shared temp directory
      System.setProperty("org.sqlite.tmpdir", dir.toString());
    } catch (IOException | RuntimeException e) {
      // an unwritable cache: the driver extracts into the temp directory as it always has
    }
  }

  private static Path cacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "migrate");
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String localAppData = env.get("LOCALAPPDATA");
    if (os.startsWith("windows") && localAppData != null) {
      return Path.of(localAppData, "migrate", "cache");
    }
    Path home = Path.of(System.getProperty("user.home"));
    return os.startsWith("mac")
        ? home.resolve("Library/Caches/migrate")
        : home.resolve(".cache/migrate");
  }
}
