package dev.migrate.engine.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A digest per table of what a snapshot reads of it, behind {@link SchemaReader#fingerprint} and
 * {@link SchemaReader.Snapshots}: on PostgreSQL its catalog rows digested in the database, so that
 * only short rows travel; on MySQL its {@code SHOW CREATE TABLE}; on SQLite its CREATE texts. A
 * table's digest includes its and its columns' comments. Objects besides tables (views, sequences,
 * enum types, triggers, routines) are few and read whole by {@link SchemaObjects}.
 */
final class Fingerprints {
  private Fingerprints() {}

  /**
   * Table name (case-insensitive) to its digest; names may include views on SQLite, which a reader
   * then finds are no tables.
   */
  static Map<String, String> tables(
      CatalogStatements statements, CatalogQueries queries, Predicate<String> excluded)
      throws SQLException {
    if (queries instanceof SqliteCatalog) {
      return sqliteTables(statements, excluded);
    }
    if (queries instanceof MySqlCatalog) {
      return mysqlTables(statements, excluded, baseTables(statements));
    }
    Map<String, MessageDigest> digests = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try (ResultSet rs = statements.query(postgresDigests("TRUE", "") + " ORDER BY c.relname")) {
      add(digests, rs, 1, excluded);
    }
    return hex(digests);
  }

  /**
   * SQLite: each table's CREATE texts themselves, not a digest of them. They are read whole from
   * the file anyway, and comparing them costs less than hashing them at every step.
   */
  private static Map<String, String> sqliteTables(
      CatalogStatements statements, Predicate<String> excluded) throws SQLException {
    Map<String, List<String>> texts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    // SQLite keeps the whole schema as CREATE text (views and triggers too), rewritten by every
    // ALTER. All of it comes as one value, each table name and text prefixed by its length: a
    // value read per row (1 200 at 200 tables, each a native call of the driver) had been most of
    // a SQLite snapshot's time, and an ORDER BY made SQLite copy every text into a sorter first.
    String all;
    try (ResultSet rs =
        statements.query(
            "SELECT group_concat(length(tbl_name) || ':' || tbl_name || length(sql) || ':' || sql,"
                + " '') FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IS NOT NULL")) {
      all = rs.next() ? rs.getString(1) : null;
    }
    // SQLite counts characters, Java UTF-16 units: they differ only past U+FFFF
    boolean units = all != null && all.length() == all.codePointCount(0, all.length());
    int at = 0;
    while (all != null && at < all.length()) {
      int colon = all.indexOf(':', at);
      int nameEnd = end(all, colon, Integer.parseInt(all.substring(at, colon)), units);
      String table = all.substring(colon + 1, nameEnd);
      colon = all.indexOf(':', nameEnd);
      int textEnd = end(all, colon, Integer.parseInt(all.substring(nameEnd, colon)), units);
      if (!excluded.test(table)) {
        texts.computeIfAbsent(table, t -> new ArrayList<>()).add(all.substring(colon + 1, textEnd));
      }
      at = textEnd;
    }
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    texts.forEach(
        (table, list) -> {
          list.sort(null); // each text names its object: sorted, they are in one order always
          out.put(table, String.join("\0", list));
        });
    return out;
  }

  /**
   * Where a value of {@code characters} characters that follows the colon at {@code colon} ends.
   */
  private static int end(String all, int colon, int characters, boolean units) {
    return units ? colon + 1 + characters : all.offsetByCodePoints(colon + 1, characters);
  }

  private static List<String> baseTables(CatalogStatements statements) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        statements.query(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'BASE TABLE'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /**
   * MySQL: the digests of the named tables, each base table's that of its {@code SHOW CREATE
   * TABLE}, which names every column, key, check, collation and comment the snapshot reads,
   * answered from the table's own definition in some 0.03 ms, where the information_schema queries
   * for one table took 0.7-1.5 ms on MariaDB. The AUTO_INCREMENT counter is left out: rows move it.
   * Names that are views, or gone, have none.
   */
  static Map<String, String> mysqlTables(
      CatalogStatements statements, Predicate<String> excluded, Collection<String> names)
      throws SQLException {
    List<String> own = names.stream().filter(name -> !excluded.test(name)).toList();
    try {
      return mysqlDigests(own, statements.each(showCreate(own), noParameters(own), false));
    } catch (SQLException e) {
      if (e.getErrorCode() != NO_SUCH_TABLE) {
        throw e;
      }
    }
    // one of them is gone: the others one at a time
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : own) {
      try {
        List<String> one = List.of(name);
        out.putAll(mysqlDigests(one, statements.each(showCreate(one), noParameters(one), false)));
      } catch (SQLException e) {
        if (e.getErrorCode() != NO_SUCH_TABLE) {
          throw e;
        }
      }
    }
    return out;
  }

  private static List<String> showCreate(List<String> names) {
    return names.stream()
        .map(name -> "SHOW CREATE TABLE `" + name.replace("`", "``") + "`")
        .toList();
  }

  private static List<List<?>> noParameters(List<?> statements) {
    return statements.stream().<List<?>>map(s -> List.of()).toList();
  }

  /**
   * Each name's digest from the answer of its {@code SHOW CREATE TABLE}, in the same order; a view
   * (its answer has no {@code Create Table}) has none. The AUTO_INCREMENT counter is left out.
   */
  private static Map<String, String> mysqlDigests(
      List<String> names, List<List<Map<String, String>>> answers) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < names.size(); i++) {
      List<Map<String, String>> rows = answers.get(i);
      String definition = rows.isEmpty() ? null : rows.get(0).get("Create Table");
      if (definition != null) {
        out.put(names.get(i), digest(AUTO_INCREMENT_OPTION.matcher(definition).replaceAll("")));
      }
    }
    return out;
  }

  /**
   * MySQL: the schema's tables and views with their types, and the digests of {@code named} (base
   * tables when last seen) as {@link #mysqlTables} makes them, in one round trip where the
   * connection takes statement lists. The digests are null when one of the named is gone.
   */
  record MysqlListing(Map<String, String> types, Map<String, String> digests) {}

  static MysqlListing mysqlListing(
      CatalogStatements statements, Predicate<String> excluded, Collection<String> named)
      throws SQLException {
    List<String> names = named.stream().filter(name -> !excluded.test(name)).toList();
    List<String> sqls = new ArrayList<>();
    sqls.add(
        "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE()");
    sqls.addAll(showCreate(names));
    List<List<Map<String, String>>> results;
    Map<String, String> digests;
    try {
      results = statements.each(sqls, noParameters(sqls), false);
      digests = mysqlDigests(names, results.subList(1, results.size()));
    } catch (SQLException e) {
      if (e.getErrorCode() != NO_SUCH_TABLE) {
        throw e;
      }
      results = statements.each(sqls.subList(0, 1), List.of(List.of()), true);
      digests = null;
    }
    Map<String, String> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map<String, String> row : results.get(0)) {
      if (!excluded.test(row.get("TABLE_NAME"))) {
        types.put(row.get("TABLE_NAME"), row.get("TABLE_TYPE"));
      }
    }
    return new MysqlListing(types, digests);
  }

  /** ER_NO_SUCH_TABLE. */
  private static final int NO_SUCH_TABLE = 1146;

  private static final Pattern AUTO_INCREMENT_OPTION = Pattern.compile(" AUTO_INCREMENT=\\d+");

  private static Map<String, String> hex(Map<String, MessageDigest> digests) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    digests.forEach((table, digest) -> out.put(table, HexFormat.of().formatHex(digest.digest())));
    return out;
  }

  private static void add(
      Map<String, MessageDigest> digests, ResultSet rs, int query, Predicate<String> excluded)
      throws SQLException {
    while (rs.next()) {
      String table = rs.getString(1);
      if (table == null || excluded.test(table)) {
        continue;
      }
      MessageDigest digest = digests.computeIfAbsent(table, t -> sha256());
      digest.update((byte) query);
      digest.update(String.valueOf(rs.getString(2)).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The digest of a table's text when its catalog has one digest query (PostgreSQL). */
  static String digest(String text) {
    MessageDigest digest = sha256();
    digest.update((byte) 1);
    digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * PostgreSQL's one digest query, over the tables meeting {@code condition} ({@code c} is their
   * pg_class row), its columns after {@code leading}: one row per table, its columns, constraints
   * and indexes already digested. Raw catalog columns (expressions as stored node trees) cost half
   * what deparsing them with pg_get_expr, pg_get_constraintdef and pg_get_indexdef did.
   */
  static String postgresDigests(String condition, String leading) {
    return digestColumns(leading)
        + " FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
        + " AND c.relkind IN ('r', 'p') AND "
        + condition;
  }

  /**
   * The same over the tables a subquery names (its one column {@code name}), each found through
   * pg_class's index on name and schema rather than by reading all of pg_class.
   */
  static String postgresDigestsOfNamed(String names, String leading) {
    return digestColumns(leading)
        + " FROM "
        + names
        + " t CROSS JOIN LATERAL (SELECT * FROM pg_class c WHERE c.relname = t.name"
        + " AND c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
        // OFFSET 0 keeps the planner from turning the lookups back into a join of all pg_class
        + " OFFSET 0) c";
  }

  private static String digestColumns(String leading) {
    return "SELECT "
        + leading
        + "c.relname, md5(concat_ws('|',"
        + " (SELECT string_agg(concat_ws(':', a.attname,"
        + " format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,"
        + " a.attgenerated, a.attcollation, d.adbin), ',' ORDER BY a.attnum)"
        + " FROM pg_attribute a LEFT JOIN pg_attrdef d"
        + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),"
        // a foreign key by the names of the columns it references too, as MySQL's and SQLite's
        // definitions spell it: a rename there changes the referencing table's digest
        + " (SELECT string_agg(concat_ws(':', k.conname, k.contype, k.conkey, k.confkey,"
        + " f.relname, (SELECT string_agg(fa.attname, ',' ORDER BY u.o)"
        + " FROM unnest(k.confkey) WITH ORDINALITY AS u(n, o) JOIN pg_attribute fa"
        + " ON fa.attrelid = k.confrelid AND fa.attnum = u.n),"
        + " k.confupdtype, k.confdeltype, k.convalidated, k.conbin), ','"
        + " ORDER BY k.conname) FROM pg_constraint k LEFT JOIN pg_class f"
        + " ON f.oid = k.confrelid WHERE k.conrelid = c.oid),"
        + " (SELECT string_agg(concat_ws(':', i.relname, i.relam, x.indisunique,"
        + " x.indkey, x.indoption, x.indcollation, x.indexprs, x.indpred), ','"
        + " ORDER BY i.relname) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
        + " WHERE x.indrelid = c.oid),"
        + " (SELECT string_agg(concat_ws(':', e.objsubid, e.description), ',' ORDER BY e.objsubid)"
        + " FROM pg_description e WHERE e.objoid = c.oid"
        + " AND e.classoid = 'pg_class'::regclass)))";
  }
}
