package dev.migrate.engine.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Throwaway database names: {@code migrate_test_<yyyyMMddHHmmss UTC>_<12 hex digits>}. */
final class Names {
  static final String PREFIX = "migrate_test_";
  static final Duration LEFTOVER_AGE = Duration.ofHours(24);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Pattern NAME = Pattern.compile("migrate_test_(\\d{14})_[0-9a-f]{12}");

  private Names() {}

  static String fresh(Instant now) {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return PREFIX
        + STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC))
        + "_"
        + HexFormat.of().formatHex(random);
  }

  /** Whether {@code name} is a throwaway name whose timestamp is more than 24 hours before now. */
  static boolean leftover(String name, Instant now) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return false;
    }
    try {
      Instant created = LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
      return created.isBefore(now.minus(LEFTOVER_AGE));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
