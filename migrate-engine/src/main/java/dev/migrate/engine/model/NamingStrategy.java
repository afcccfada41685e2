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
   * Spring Boot's default ({@code CamelCaseToUnderscoresNamingStrategy}): dots become underscores,
   * an underscore goes between a lower-case letter and an upper-case one followed by a lower-case
   * one, and everything is lower-cased: {@code dueDate} → {@code due_date}, {@code TaskItem} →
   * {@code task_item}, {@code URLValue} → {@code urlvalue}.
   */
  NamingStrategy SNAKE_CASE =
      name -> {
        String text = name.replace('.', '_');
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (i > 0
              && i < text.length() - 1
              && Character.isLowerCase(text.charAt(i - 1))
              && Character.isUpperCase(c)
              && Character.isLowerCase(text.charAt(i + 1))) {
            out.append('_');
          }
          out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
      };
}
