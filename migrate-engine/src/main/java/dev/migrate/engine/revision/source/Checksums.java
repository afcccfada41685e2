package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Revision checksums. A stored checksum carries its format's version ({@code v1:...}) so that a
 * later format can coexist with values already in {@code migrate_history}: compare only values of
 * the same {@link #version}.
 *
 * <p>Format {@code v1}: {@code "v1:"} followed by the lower-case hex SHA-256 of the statements a
 * revision renders for one database, in order. Each statement is first normalised:
 *
 * <ol>
 *   <li>a leading byte order mark (U+FEFF) is removed;
 *   <li>CRLF and lone CR line ends become LF;
 *   <li>trailing whitespace is removed from every line;
 *   <li>blank lines at the start and the end are removed.
 * </ol>
 *
 * The digest input is, per statement, its UTF-8 byte length as a 4-byte big-endian integer followed
 * by those bytes, so no choice of statement text can make two different lists hash the same input.
 * Leading indentation, inner blank lines and letter case stay significant.
 *
 * <p>Format {@code v2}: the same digest with prefix {@code "v2:"}, taken separately over a
 * revision's upgrade and its downgrade (stored in the history table's {@code checksum} and {@code
 * down_checksum}). A direction declared irreversible contributes the one statement {@code "--
 * irreversible"}: the fact, never where or how it was declared (v1 hashed the declaration's text,
 * which named the file's absolute path).
 */
public final class Checksums {
  public static final String V1 = "v1";
  public static final String V2 = "v2";

  /** What an irreversible direction contributes to a {@code v2} checksum. */
  public static final String IRREVERSIBLE = "-- irreversible";

  private Checksums() {}

  /** The {@code v1} checksum of {@code statements}. */
  public static String v1(List<String> statements) {
    return digest(V1, statements);
  }

  /** The {@code v2} checksum of one direction's {@code statements}. */
  public static String v2(List<String> statements) {
    return digest(V2, statements);
  }

  private static String digest(String version, List<String> statements) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
    for (String statement : statements) {
      byte[] bytes = normalise(statement).getBytes(StandardCharsets.UTF_8);
      digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      digest.update(bytes);
    }
    return version + ":" + HexFormat.of().formatHex(digest.digest());
  }

  /** A statement as {@link #v1} hashes it. */
  public static String normalise(String statement) {
    String text = statement.startsWith("\uFEFF") ? statement.substring(1) : statement;
    String[] lines = text.split("\r\n|\r|\n", -1);
    int first = 0;
    int last = lines.length - 1;
    while (first <= last && lines[first].isBlank()) {
      first++;
    }
    while (last >= first && lines[last].isBlank()) {
      last--;
    }
    StringBuilder out = new StringBuilder();
    for (int i = first; i <= last; i++) {
      if (i > first) {
        out.append('\n');
      }
      out.append(lines[i].stripTrailing());
    }
    return out.toString();
  }

  /** The format of a stored checksum: {@code "v1"} for {@code "v1:ab12..."}. */
  public static String version(String stored) {
    int colon = stored == null ? -1 : stored.indexOf(':');
    if (colon <= 0) {
      throw MigrateException.badInput(
          "Stored checksum '"
              + stored
              + "' has no version prefix such as 'v1:'; it was not written by migrate");
    }
    return stored.substring(0, colon);
  }
}
