package dev.migrate.engine.dialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code jdbc:sqlite:} URL points at: a file given as a path ({@code jdbc:sqlite:app.db},
 * options after {@code ?}) or as a URI ({@code jdbc:sqlite:file:app.db?mode=ro}), an in-memory
 * database ({@code jdbc:sqlite::memory:}, {@code jdbc:sqlite:}, {@code mode=memory}), or a
 * class-path resource.
 *
 * @param prefix {@code jdbc:sqlite:} or {@code jdbc:sqlite:file:} as written
 * @param path the path or URI path as written, without the query; empty for none
 * @param query from {@code ?} on, or empty
 */
public record SqliteUrl(String prefix, String path, String query) {
  private static final String SCHEME = "jdbc:sqlite:";
  private static final Pattern MEMORY_MODE = Pattern.compile("(?i)[?&]mode=memory(&|$)");

  /** The URL's parts, or empty when it is not a {@code jdbc:sqlite:} URL. */
  public static Optional<SqliteUrl> parse(String url) {
    if (url == null || !url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String rest = url.substring(SCHEME.length());
    String prefix = url.substring(0, SCHEME.length());
    if (rest.regionMatches(true, 0, "file:", 0, 5)) {
      prefix = url.substring(0, SCHEME.length() + 5);
      rest = rest.substring(5);
    }
    int q = rest.indexOf('?');
    return Optional.of(
        q < 0
            ? new SqliteUrl(prefix, rest, "")
            : new SqliteUrl(prefix, rest.substring(0, q), rest.substring(q)));
  }

  /** Whether the URL names an in-memory database, which lasts as long as its connection. */
  public static boolean isInMemory(String url) {
    return parse(url).map(SqliteUrl::inMemory).orElse(false);
  }

  /** {@code url} with a relative database file resolved against {@code baseDir}. */
  public static String resolve(String url, Path baseDir) {
    return parse(url).map(u -> u.resolvedAgainst(baseDir)).orElse(url);
  }

  /** The database file of a {@code jdbc:sqlite:} URL; empty for in-memory and resources. */
  public static Optional<Path> file(String url) {
    return parse(url).flatMap(SqliteUrl::file);
  }

  boolean isUri() {
    return prefix.length() > SCHEME.length();
  }

  boolean inMemory() {
    return path.isEmpty() || path.equals(":memory:") || MEMORY_MODE.matcher(query).find();
  }

  private boolean isResource() {
    return path.toLowerCase(Locale.ROOT).startsWith(":resource:");
  }

  /** The file, made absolute against the working directory; empty for memory and resources. */
  public Optional<Path> file() {
    if (inMemory() || isResource()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(filePath()).toAbsolutePath().normalize());
  }

  /** The path as the file system spells it: a URI's authority dropped and its escapes decoded. */
  private String filePath() {
    if (!isUri()) {
      return path;
    }
    String uriPath = path;
    if (path.startsWith("//")) {
      int slash = path.indexOf('/', 2);
      uriPath = slash < 0 ? "/" : path.substring(slash);
    }
    return URLDecoder.decode(uriPath.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private String resolvedAgainst(Path baseDir) {
    if (inMemory() || isResource() || path.startsWith("/") || Path.of(filePath()).isAbsolute()) {
      return toString();
    }
    Path absolute = baseDir.toAbsolutePath().resolve(filePath()).normalize();
    String written = isUri() ? absolute.toUri().getRawPath() : absolute.toString();
    return prefix + written + query;
  }

  @Override
  public String toString() {
    return prefix + path + query;
  }
}
