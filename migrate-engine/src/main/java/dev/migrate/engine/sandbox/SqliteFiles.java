package dev.migrate.engine.sandbox;

import dev.migrate.engine.dialect.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** SQLite throwaway databases: {@code <tmpdir>/<name>/db.sqlite}, one directory per database. */
final class SqliteFiles implements Backend {
  private static final String FILE = "db.sqlite";
  private final Path root;

  SqliteFiles(Path root) {
    this.root = root;
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  public String where() {
    return root.toString();
  }

  private Path file(String name) {
    return root.resolve(name).resolve(FILE);
  }

  @Override
  public String url(String name) {
    return "jdbc:sqlite:" + file(name);
  }

  @Override
  public Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name));
  }

  @Override
  public void create(String name) throws IOException {
    Files.createDirectory(root.resolve(name));
    // an empty file is an empty database: it exists, as a new server database does
    Files.createFile(file(name));
  }

  @Override
  public void cloneInto(String source, String target) throws IOException {
    Files.createDirectory(root.resolve(target));
    // the main file, and the write-ahead log when the source runs in WAL mode
    for (String suffix : List.of("", "-wal")) {
      Path from = Path.of(file(source) + suffix);
      if (Files.exists(from)) {
        Files.copy(from, Path.of(file(target) + suffix), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  @Override
  public void drop(String name) throws IOException {
    Path dir = root.resolve(name);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public List<String> existing() throws IOException {
    try (Stream<Path> paths = Files.list(root)) {
      return paths
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(Names.PREFIX))
          .toList();
    }
  }

  @Override
  public void close() {}
}
