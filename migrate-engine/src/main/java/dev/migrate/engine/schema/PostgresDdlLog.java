package dev.migrate.engine.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which tables DDL touched since the last look, on a PostgreSQL database this process owns (a
 * throwaway one): two event triggers write the objects of every DDL command, from any session, into
 * {@code migrate_verify.ddl_log}, so that {@link SchemaReader.Snapshots} digests those tables only
 * instead of every table. What the log cannot place (a type or domain altered, a schema or
 * extension made, an object kind it does not know, the log itself tampered with) asks for the full
 * digest of every table. The triggers never fail a user's DDL: an error in them is swallowed and
 * marks the log as lost (in a sequence, which the snapshots' own connection sees too), which also
 * asks for the full digest.
 */
final class PostgresDdlLog {
  /**
   * The log (what to look at, by table oid or by name) and the event triggers that keep it. At
   * ddl_command_end the objects exist, so each is placed by its catalog row; at sql_drop they are
   * gone, so each is placed by its address. COMMENT ON TABLE or COLUMN reports the table's pg_class
   * row, so a comment changed is logged as a change of its table.
   */
  private static final String INSTALL =
      """
      CREATE SCHEMA migrate_verify;
      -- unlogged: emptied at every look, it needs no WAL
      CREATE UNLOGGED TABLE migrate_verify.ddl_log (tab oid, what text NOT NULL, name text);
      -- called once a trigger failed: a sequence, seen at once by every session, rolled back by none
      CREATE SEQUENCE migrate_verify.lost;
      CREATE FUNCTION migrate_verify.ddl_end() RETURNS event_trigger LANGUAGE plpgsql AS $f$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
          IF r.classid = 'pg_class'::regclass THEN
            INSERT INTO migrate_verify.ddl_log
              SELECT CASE WHEN c.relkind IN ('r', 'p') THEN c.oid
                  WHEN c.relkind = 'i' THEN x.indrelid END,
                CASE WHEN c.relkind IN ('r', 'p', 'i') THEN 'table'
                  WHEN c.relkind IN ('t', 'c') THEN 'none' ELSE 'objects' END, NULL
              FROM pg_class c LEFT JOIN pg_index x ON x.indexrelid = c.oid WHERE c.oid = r.objid;
            IF NOT FOUND THEN
              INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'all', NULL);
            END IF;
            -- a rename, or a move to another schema, changes the names without a trace
            IF r.command_tag = 'ALTER TABLE' THEN
              INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'names', NULL);
            END IF;
          ELSIF r.classid = 'pg_trigger'::regclass THEN
            INSERT INTO migrate_verify.ddl_log
              SELECT tgrelid, 'table', NULL FROM pg_trigger WHERE oid = r.objid;
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'objects', NULL);
          ELSIF r.classid = 'pg_constraint'::regclass THEN
            INSERT INTO migrate_verify.ddl_log
              SELECT CASE WHEN conrelid <> 0 THEN conrelid END,
                CASE WHEN conrelid <> 0 THEN 'table' ELSE 'all' END, NULL
              FROM pg_constraint WHERE oid = r.objid;
          ELSIF r.classid = 'pg_attrdef'::regclass THEN
            INSERT INTO migrate_verify.ddl_log
              SELECT adrelid, 'table', NULL FROM pg_attrdef WHERE oid = r.objid;
          -- a type altered can rename what columns show; one made cannot. A function or
          -- procedure made, replaced or altered is an object of its own
          ELSIF (r.classid = 'pg_type'::regclass AND r.command_tag LIKE 'CREATE %')
              OR r.classid IN ('pg_proc'::regclass, 'pg_rewrite'::regclass) THEN
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'objects', NULL);
          ELSE
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'all', NULL);
          END IF;
        END LOOP;
      {{lost}}
      END $f$;
      CREATE FUNCTION migrate_verify.ddl_drop() RETURNS event_trigger LANGUAGE plpgsql AS $f$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
          IF r.object_type = 'table' THEN
            IF r.schema_name = current_schema() THEN
              INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'dropped', r.object_name);
            END IF;
          ELSIF r.object_type IN ('toast table', 'type') THEN
            NULL;
          ELSIF r.object_type IN ('table column', 'table constraint', 'default value')
              AND cardinality(r.address_names) = 3 THEN
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'name', r.address_names[2]);
          ELSIF r.object_type = 'trigger' AND cardinality(r.address_names) = 3
              AND r.address_names[3] LIKE 'RI\\_ConstraintTrigger%' THEN
            NULL;
          ELSIF r.object_type = 'trigger' AND cardinality(r.address_names) = 3 THEN
            INSERT INTO migrate_verify.ddl_log
              VALUES (NULL, 'name', r.address_names[2]), (NULL, 'objects', NULL);
          -- an index goes with its table, or with an ALTER TABLE logged at its end
          ELSIF r.object_type = 'index' AND TG_TAG IN ('DROP TABLE', 'ALTER TABLE') THEN
            NULL;
          ELSIF r.object_type = 'index' AND cardinality(r.address_names) = 2 THEN
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'index', r.address_names[2]);
          ELSIF r.object_type IN ('view', 'materialized view', 'sequence', 'function',
              'procedure', 'aggregate', 'rule', 'composite type') THEN
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'objects', NULL);
          ELSE
            INSERT INTO migrate_verify.ddl_log VALUES (NULL, 'all', NULL);
          END IF;
        END LOOP;
      {{lost}}
      END $f$;
      CREATE EVENT TRIGGER migrate_verify_ddl_end ON ddl_command_end
        EXECUTE FUNCTION migrate_verify.ddl_end();
      CREATE EVENT TRIGGER migrate_verify_ddl_drop ON sql_drop
        EXECUTE FUNCTION migrate_verify.ddl_drop();
      -- fire under session_replication_role = replica too
      ALTER EVENT TRIGGER migrate_verify_ddl_end ENABLE ALWAYS;
      ALTER EVENT TRIGGER migrate_verify_ddl_drop ENABLE ALWAYS
      """
          // each function's error handler: marks the log lost where every session sees it
          .replace(
              "{{lost}}",
              """
              EXCEPTION WHEN OTHERS THEN
                BEGIN
                  PERFORM nextval('migrate_verify.lost');
                -- the sequence is gone: reading it fails, which also tells
                EXCEPTION WHEN OTHERS THEN NULL;
                END;""");

  private static final String INTACT =
      "(SELECT count(*) FROM pg_event_trigger WHERE evtname IN ('migrate_verify_ddl_end',"
          + " 'migrate_verify_ddl_drop') AND evtenabled = 'A') = 2"
          + " AND NOT (SELECT is_called FROM migrate_verify.lost)";

  /**
   * One round trip: empties the log and returns what the log held ({@code table} entries resolved
   * to today's names, {@code dropped} tables), the digests of the tables it names ({@code d}),
   * after an ALTER TABLE every table's name ({@code n}, announced by {@code N}), and {@code lost}
   * when the log cannot be trusted.
   */
  private static final String DRAIN =
      "WITH log AS (DELETE FROM migrate_verify.ddl_log RETURNING tab, what, name),"
          // each row looked up by its key (an index scan), not joined with all of pg_class
          + " touched AS (SELECT coalesce((SELECT c.relname FROM pg_class c WHERE c.oid = log.tab"
          + " AND c.relnamespace = current_schema()::regnamespace), log.name) AS name, log.what"
          + " FROM log)"
          // every table's name only where a step may have renamed or moved one: what is
          // created or dropped the log names
          + " SELECT 'N' AS k, NULL AS name, NULL AS digest"
          + " WHERE EXISTS (SELECT 1 FROM log WHERE what = 'names')"
          + " UNION ALL SELECT 'n', c.relname, NULL FROM pg_class c"
          + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
          + " AND EXISTS (SELECT 1 FROM log WHERE what = 'names')"
          + " UNION ALL SELECT DISTINCT what, name, NULL FROM touched"
          + " WHERE what NOT IN ('table', 'none', 'names') OR name IS NOT NULL"
          + " UNION ALL "
          // the tables named, and those whose foreign keys reference one of them (a key spells
          // the names of the columns it references)
          + Fingerprints.postgresDigestsOfNamed(
              "(SELECT name FROM touched WHERE name IS NOT NULL UNION SELECT r.relname"
                  + " FROM touched JOIN pg_class p ON p.relname = touched.name"
                  + " AND p.relnamespace = current_schema()::regnamespace"
                  + " JOIN pg_constraint k ON k.confrelid = p.oid AND k.contype = 'f'"
                  + " JOIN pg_class r ON r.oid = k.conrelid"
                  + " AND r.relnamespace = current_schema()::regnamespace)",
              "'d', ")
          + " UNION ALL SELECT 'lost', NULL, NULL WHERE NOT ("
          + INTACT
          + ")";

  private PostgresDdlLog() {}

  /**
   * Installs the log in the connection's database, or finds it there (a clone of a database that
   * had it), and switches JIT compilation off for the connection's session. Null when it cannot be:
   * event triggers need a superuser.
   */
  static PostgresDdlLog install(Connection connection) {
    try (Statement s = connection.createStatement()) {
      // The planner cannot know how few rows the log holds: its estimate for the drain passes
      // the JIT threshold, and compiling it took 40 ms where the query needs 1. No catalog
      // query of this connection (the snapshots' own, on a database of ours) gains from JIT.
      s.execute("SET jit = off");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                  + " to_regclass('migrate_verify.ddl_log') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return null;
        }
        if (rs.getBoolean(2)) {
          return new PostgresDdlLog();
        }
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        s.execute(INSTALL);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        return null;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      return new PostgresDdlLog();
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * What changed since the last drain: the digests of the tables the log names and of tables that
   * appeared without an entry, or null when every table must be digested.
   *
   * @param previous the digests before (table name to digest)
   * @param tables the tables as read before, to find the table of a dropped index
   */
  Changes drain(
      CatalogStatements statements,
      Map<String, String> previous,
      Map<String, Schema.Table> tables,
      java.util.function.Predicate<String> excluded)
      throws SQLException {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> digests = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> touched = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    boolean listed = false;
    boolean objects = false;
    boolean full = false;
    try (ResultSet rs = statements.query(DRAIN)) {
      while (rs.next()) {
        String name = rs.getString(2);
        switch (rs.getString(1)) {
          case "N" -> listed = true;
          case "n" -> names.add(name);
          case "dropped" -> dropped.add(name);
          case "d" -> digests.put(name, Fingerprints.digest(rs.getString(3)));
          case "table", "name" -> touched.add(name);
          case "index" -> {
            String table = tableOfIndex(tables, name);
            if (table == null) {
              full = true;
            } else {
              touched.add(table);
            }
          }
          case "objects" -> objects = true;
          default -> full = true; // 'all', 'lost'
        }
      }
    }
    if (full) {
      return null;
    }
    if (!listed) { // no table renamed or moved: the names before, less those dropped, and the new
      names.addAll(previous.keySet());
      names.removeAll(dropped);
      names.addAll(digests.keySet());
    }
    names.removeIf(excluded);
    // a table's digest names the tables its foreign keys reference
    Set<String> moved = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    moved.addAll(touched);
    previous.keySet().stream().filter(name -> !names.contains(name)).forEach(moved::add);
    touched.addAll(SchemaReader.referencing(tables.values(), moved));
    Map<String, String> now = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> missing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : names) {
      String digest = digests.containsKey(name) ? digests.get(name) : previous.get(name);
      if (digest == null || (touched.contains(name) && !digests.containsKey(name))) {
        missing.add(name);
      } else {
        now.put(name, digest);
      }
    }
    if (!missing.isEmpty()) {
      try (ResultSet rs =
          statements.query(
              Fingerprints.postgresDigestsOfNamed("(SELECT unnest(?::text[]) AS name)", ""),
              java.util.List.of(
                  statements.connection().createArrayOf("text", missing.toArray())))) {
        while (rs.next()) {
          now.put(rs.getString(1), Fingerprints.digest(rs.getString(2)));
        }
      }
    }
    boolean changed = !now.equals(previous);
    return new Changes(now, objects, changed);
  }

  /** Empties the log and forgets a lost mark, before every table is digested. */
  void reset(CatalogStatements statements) throws SQLException {
    try (ResultSet rs =
        statements.query(
            "WITH log AS (DELETE FROM migrate_verify.ddl_log RETURNING 1)"
                + " SELECT setval('migrate_verify.lost', 1, false), (SELECT count(*) FROM log)")) {
      rs.next();
    }
  }

  private static String tableOfIndex(Map<String, Schema.Table> tables, String index) {
    for (Schema.Table table : tables.values()) {
      boolean has =
          table.indexes().stream().anyMatch(i -> index.equalsIgnoreCase(i.name()))
              || table.uniqueConstraints().stream().anyMatch(u -> index.equalsIgnoreCase(u.name()))
              || (table.primaryKey() != null && index.equalsIgnoreCase(table.primaryKey().name()));
      if (has) {
        return table.name();
      }
    }
    return null;
  }

  /**
   * The digests of every table now, whether objects besides tables (views, sequences, enum types,
   * triggers) may have changed, and whether any table did.
   */
  record Changes(Map<String, String> digests, boolean objects, boolean tablesChanged) {}
}
