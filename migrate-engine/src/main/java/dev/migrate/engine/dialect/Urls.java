package dev.migrate.engine.dialect;

import java.util.regex.Pattern;

/** Masks credentials in JDBC URLs so they can be logged and printed. */
public final class Urls {
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]*):[^@/?]*@");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");

  private Urls() {}

  /**
   * {@code jdbc:postgresql://u:secret@h/db?password=x} becomes {@code
   * jdbc:postgresql://u:***@h/db?password=***}.
   */
  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    String masked = USER_INFO.matcher(url).replaceAll("$1:***@");
    return PASSWORD_PARAM.matcher(masked).replaceAll("$1***");
  }
}
