package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a JDBC URL before a driver sees it, so that a malformed one is bad input (exit 2) saying
 * what is wrong, instead of a connection failure. Messages show the URL masked and never quote a
 * part of it that could be a password.
 */
public final class UrlSyntax {
  private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
  private static final Pattern PORT_KEY =
      Pattern.compile("(?i)(?:^|[(,])\\s*port\\s*=\\s*([^,)]*)");
  private static final Pattern SQLITE_MODE = Pattern.compile("(?i)[?&]mode=([^&]*)");
  private static final Set<String> SQLITE_MODES = Set.of("ro", "rw", "rwc", "memory");

  private UrlSyntax() {}

  /** The backend of a well-formed URL; a bad-input error naming the fault otherwise. */
  public static DatabaseKind check(String url) {
    DatabaseKind kind = DatabaseKind.fromJdbcUrl(url);
    String lower = url.toLowerCase(Locale.ROOT);
    switch (kind) {
      case POSTGRESQL -> postgres(url, url.substring("jdbc:postgresql:".length()));
      case MYSQL -> {
        if (lower.startsWith("jdbc:mariadb:")) {
          mariadb(url);
        } else {
          mysql(url, url.substring("jdbc:mysql:".length()));
        }
      }
      case SQLITE -> sqlite(url);
    }
    return kind;
  }

  /**
   * A bad-input error when no JDBC driver on the class path takes the URL; checked before
   * connecting, since {@code DriverManager} otherwise says only "No suitable driver".
   */
  public static void requireDriver(String url) {
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) {
        mariadb(url);
      }
      throw malformed(url, "no JDBC driver on the class path accepts it; check its spelling");
    }
  }

  private static void mariadb(String url) {
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw MigrateException.badInput(
          "JDBC URL "
              + Urls.mask(url)
              + " needs the MariaDB driver, which is not on the class path: write jdbc:mysql://…"
              + " instead (the bundled MySQL driver talks to MariaDB) or add the MariaDB driver"
              + " to the class path");
    }
  }

  /** {@code jdbc:postgresql://host[:port][,host[:port]...]/database?...} or {@code :database}. */
  private static void postgres(String url, String rest) {
    if (!rest.startsWith("//")) {
      return;
    }
    int slash = rest.indexOf('/', 2);
    if (slash < 0) {
      throw malformed(
          url, "a '/' must follow the host and port: jdbc:postgresql://host[:port]/database");
    }
    String hosts = rest.substring(2, slash);
    for (String host : hosts.split(",", -1)) {
      hostAndPort(url, host);
    }
  }

  /**
   * {@code jdbc:mysql:[loadbalance:|replication:]//[user[:password]@]host[:port][,...]/db}, where a
   * host may also be {@code [ipv6]}, {@code (key=value,...)} or {@code address=(key=value)...}.
   */
  private static void mysql(String url, String rest) {
    String lower = rest.toLowerCase(Locale.ROOT);
    for (String variant : List.of("loadbalance:", "replication:")) {
      if (lower.startsWith(variant)) {
        rest = rest.substring(variant.length());
      }
    }
    if (!rest.startsWith("//")) {
      throw malformed(url, "write jdbc:mysql://host[:port]/database (the '//' is missing)");
    }
    String authority = authority(url, rest.substring(2));
    for (String host : splitOutside(url, authority)) {
      mysqlHost(url, host);
    }
  }

  private static void mysqlHost(String url, String host) {
    String spec = host.strip();
    int at = spec.lastIndexOf('@');
    if (at >= 0 && !spec.startsWith("(") && !spec.toLowerCase(Locale.ROOT).startsWith("address=")) {
      spec = spec.substring(at + 1);
    }
    if (spec.startsWith("(") || spec.toLowerCase(Locale.ROOT).startsWith("address=")) {
      if (!spec.endsWith(")")) {
        throw malformed(url, "a host given as (key=value,...) must end with ')'");
      }
      Matcher port = PORT_KEY.matcher(spec);
      while (port.find()) {
        port(url, port.group(1).strip(), "a host");
      }
    } else if (spec.startsWith("[") && spec.contains(",")) {
      for (String inner : splitOutside(url, spec.substring(1, spec.length() - 1))) {
        mysqlHost(url, inner);
      }
    } else {
      hostAndPort(url, spec);
    }
  }

  /** {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}; empty is allowed. */
  private static void hostAndPort(String url, String spec) {
    String host = spec;
    String port = null;
    if (spec.startsWith("[")) {
      int close = spec.indexOf(']');
      if (close < 0) {
        throw malformed(url, "an IPv6 address opened with '[' is not closed with ']'");
      }
      host = spec.substring(0, close + 1);
      String after = spec.substring(close + 1);
      if (after.startsWith(":")) {
        port = after.substring(1);
      } else if (!after.isEmpty()) {
        throw malformed(url, "after the IPv6 address " + host + " only ':port' may follow");
      }
    } else if (spec.indexOf(':') != spec.lastIndexOf(':')) {
      throw malformed(url, "write an IPv6 address in brackets: [::1]:5432");
    } else if (spec.contains(":")) {
      host = spec.substring(0, spec.indexOf(':'));
      port = spec.substring(spec.indexOf(':') + 1);
    }
    if (port != null) {
      port(url, port, "host '" + host + "'");
    }
  }

  private static void port(String url, String port, String host) {
    if (!DIGITS.matcher(port).matches()
        || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65535) {
      throw malformed(url, "the port of " + host + " is not a number from 1 to 65535");
    }
  }

  /** The text before the first '/', '?' or '#' outside brackets and parentheses. */
  private static String authority(String url, String text) {
    List<Integer> ends = outsideBrackets(url, text, "/?#", true);
    return ends.isEmpty() ? text : text.substring(0, ends.get(0));
  }

  /** Splits at commas outside brackets and parentheses. */
  private static List<String> splitOutside(String url, String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int comma : outsideBrackets(url, text, ",", false)) {
      parts.add(text.substring(start, comma));
      start = comma + 1;
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * Where the characters of {@code marks} occur outside brackets and parentheses (only the first
   * with {@code firstOnly}); an error when the text before it leaves one open.
   */
  private static List<Integer> outsideBrackets(
      String url, String text, String marks, boolean firstOnly) {
    List<Integer> found = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (depth == 0 && marks.indexOf(c) >= 0) {
        found.add(i);
        if (firstOnly) {
          return found;
        }
      }
    }
    if (depth != 0) {
      throw malformed(url, "the brackets or parentheses in the host part do not match");
    }
    return found;
  }

  private static void sqlite(String url) {
    Matcher mode = SQLITE_MODE.matcher(SqliteUrl.parse(url).orElseThrow().query());
    while (mode.find()) {
      if (!SQLITE_MODES.contains(mode.group(1).toLowerCase(Locale.ROOT))) {
        throw malformed(
            url, "unknown SQLite access mode '" + mode.group(1) + "' (use ro, rw, rwc or memory)");
      }
    }
  }

  private static MigrateException malformed(String url, String what) {
    int hosts = url.indexOf("//");
    int query = url.indexOf('?');
    int at = url.indexOf('@');
    boolean userInfo = hosts >= 0 && at > hosts && (query < 0 || at < query);
    return MigrateException.badInput(
        "Malformed JDBC URL "
            + Urls.mask(url)
            + ": "
            + what
            + (userInfo
                ? " (a user name or password in the URL must have its '/', '@', ':' and ','"
                    + " percent-encoded; or give them with --user and --password)"
                : ""));
  }
}
