package dev.migrate.engine.model;

import java.util.Locale;

/**
 * Turns the names JPA derives or is given (entity, field and {@code @Table}/{@code @Column} names)
 * into the names in the database, as a Hibernate physical naming strategy does. Index and
 * constraint names are used as written.
 */
@FunctionalInterface
public interface NamingStrategy {
  String physicalName(String logicalName);

  /** Names as written: {@code dueDate} stays {@code dueDate}. */
  NamingStrategy IDENTITY = name -> name;

  /**
   * Spring Boot's default physical naming, as Hibernate's {@code
   * PhysicalNamingStrategySnakeCaseImpl} (Hibernate 6.5+) spells it: dots become underscores, an
   * underscore goes before an upper-case letter that follows a lower-case letter or a digit and
   * precedes a lower-case letter or a digit, and everything is lower-cased: {@code dueDate} →
   * {@code due_date}, {@code TaskItem} → {@code task_item}, {@code ean13Code} → {@code ean13_code},
   * {@code ipV4Address} → {@code ip_v4_address}, {@code URLValue} → {@code urlvalue}.
   */
  NamingStrategy SNAKE_CASE = snakeCase(true);

  /**
   * As {@link #SNAKE_CASE}, but as Hibernate 6's {@code CamelCaseToUnderscoresNamingStrategy}
   * (Spring Boot 3's default) spells it: no underscore after a digit, {@code ean13Code} → {@code
   * ean13code}.
   */
  NamingStrategy SNAKE_CASE_HIBERNATE_6 = snakeCase(false);

  private static NamingStrategy snakeCase(boolean afterDigits) {
    return name -> {
      String text = name.replace('.', '_');
      StringBuilder out = new StringBuilder(text.length() + 4);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (i > 0
            && i < text.length() - 1
            && wordEnds(text.charAt(i - 1), afterDigits)
            && Character.isUpperCase(c)
            && wordEnds(text.charAt(i + 1), afterDigits)) {
          out.append('_');
        }
        out.append(c);
      }
      return out.toString().toLowerCase(Locale.ROOT);
    };
  }

  private static boolean wordEnds(char c, boolean digits) {
    return Character.isLowerCase(c) || (digits && Character.isDigit(c));
  }
}
