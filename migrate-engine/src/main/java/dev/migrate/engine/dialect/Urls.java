package dev.migrate.engine.dialect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in JDBC URLs and in text that may quote them, so both can be logged and
 * printed. Every key whose name contains {@code password} (any case: {@code sslpassword}, {@code
 * trustCertificateKeyStorePassword}, ...) is masked in every URL form: query parameters, MySQL's
 * {@code (host=h,password=p)} and {@code address=(host=h)(password=p)} host specs, and the {@code
 * user:password@host} user info. When in doubt it masks more rather than less.
 */
public final class Urls {
  private static final String MASK = "***";

  /** A key naming a password; {@code ***} as the value is an already masked one (idempotence). */
  private static final String KEY = "[\\w.\\-]*password[\\w.\\-]*\\s*=\\s*";

  private static final String MASKED = "\\*\\*\\*(?=$|[&;:,)\\s])";

  /** {@code (host=h,password=p)} and {@code address=(host=h)(password=p)}: ends at , or ). */
  private static final Pattern IN_HOST_SPEC =
      Pattern.compile("(?i)([(,]\\s*" + KEY + ")(" + MASKED + "|[^,)]*)");

  /** {@code ?password=p&...} and {@code ;password=p}: the value ends at the next &. */
  private static final Pattern IN_QUERY =
      Pattern.compile("(?i)([?&;]\\s*" + KEY + ")(" + MASKED + "|[^&]*)");

  /** Query parameters, to tell an @ in a query value from the end of the user info. */
  private static final Pattern QUERY_PAIRS = Pattern.compile("[^&=]+=[^&]*(&[^&=]*=?[^&]*)*");

  /** A JDBC URL quoted in free text: everything up to the next white space. */
  private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)jdbc:\\S+");

  private Urls() {}

  /**
   * {@code jdbc:mysql://u:s3cret@db/app?sslpassword=x} becomes {@code
   * jdbc:mysql://u:***@db/app?sslpassword=***}; a URL without credentials is returned as is.
   */
  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    return scan(url, secret -> {});
  }

  /** The password values a URL carries, in the order they appear; empty when there are none. */
  public static List<String> secrets(String url) {
    Set<String> found = new LinkedHashSet<>();
    if (url != null) {
      scan(url, found::add);
    }
    return List.copyOf(found);
  }

  /**
   * Text (an error message, a stack trace) with the credentials of {@code url} and the given
   * passwords hidden: the URL itself is shown masked, each password value is replaced by {@code
   * ***} wherever it appears (a driver may quote it in another form), and any other JDBC URL in the
   * text is masked too.
   *
   * @param url the URL the text may quote, or null
   * @param passwords passwords given beside the URL; nulls and empty ones are ignored
   */
  public static String hide(String text, String url, Collection<String> passwords) {
    if (text == null) {
      return null;
    }
    String hidden = text;
    List<String> secrets = new ArrayList<>();
    if (url != null && !url.isEmpty()) {
      hidden = hidden.replace(url, mask(url));
      secrets.addAll(secrets(url));
    }
    for (String password : passwords) {
      if (password != null && !password.isEmpty()) {
        secrets.add(password);
      }
    }
    // the longest first, so that a password containing another is replaced whole
    secrets.sort((a, b) -> b.length() - a.length());
    for (String secret : secrets) {
      hidden = hidden.replace(secret, MASK);
    }
    return URL_IN_TEXT.matcher(hidden).replaceAll(m -> Matcher.quoteReplacement(mask(m.group())));
  }

  /** Masks every password value of {@code url}, passing each value found to {@code found}. */
  private static String scan(String url, Consumer<String> found) {
    String masked = maskUserInfo(url, found);
    masked = replaceValues(IN_HOST_SPEC, masked, found);
    return replaceValues(IN_QUERY, masked, found);
  }

  private static String replaceValues(Pattern pattern, String text, Consumer<String> found) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(2);
      if (!value.isEmpty() && !value.equals(MASK)) {
        found.accept(value.strip());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * {@code //user:password@host}: the password runs from the first {@code :} of the user info to
   * the last {@code @} (passwords may hold {@code /} and {@code @}), unless that {@code @} sits in
   * a query parameter's value after the path ({@code /db?user=admin@server}).
   */
  private static String maskUserInfo(String url, Consumer<String> found) {
    int start = url.indexOf("//");
    if (start < 0) {
      return url;
    }
    int hosts = start + 2;
    int at = url.lastIndexOf('@');
    if (at < hosts) {
      return url;
    }
    int query = url.indexOf('?', hosts);
    if (query >= 0
        && query < at
        && url.lastIndexOf('@', query) < hosts
        && url.lastIndexOf('/', query) >= hosts
        && QUERY_PAIRS.matcher(url.substring(query + 1)).matches()) {
      return url;
    }
    int colon = url.indexOf(':', hosts);
    if (colon < 0 || colon > at) {
      return url;
    }
    String password = url.substring(colon + 1, at);
    if (password.equals(MASK)) {
      return url;
    }
    if (!password.isEmpty()) {
      found.accept(password);
    }
    return url.substring(0, colon + 1) + MASK + url.substring(at);
  }
}
