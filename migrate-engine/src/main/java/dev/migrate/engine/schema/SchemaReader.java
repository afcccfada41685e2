package dev.migrate.engine.schema;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import schemacrawler.schema.Catalog;

/**
 * Reads a live database into a {@link Schema}: the connection's own database (MySQL), current
 * schema (PostgreSQL, by default {@code public}) or main database (SQLite), without migrate's
 * version and history tables.
 *
 * <p>The load is SchemaCrawler's, limited to that one schema and to the objects compared, with one
 * bulk catalog query per kind of object (pg_catalog, information_schema, sqlite_master and its
 * pragma functions) in place of its per-table metadata walk: verification snapshots the schema at
 * every step of every revision (see {@link Crawl} and SnapshotBenchmark). {@link #fingerprint} is
 * cheaper still and tells when a load can be skipped. Between steps on one connection, {@link
 * #snapshots} reads again only the tables that changed, from the same catalog queries.
 */
public final class SchemaReader {
  /** The tables left out unless told otherwise: migrate's own version and history tables. */
  public static final List<String> DEFAULT_EXCLUDED = List.of("migrate_version", "migrate_history");

  /** SchemaCrawler's loggers, held strongly: java.util.logging forgets the level otherwise. */
  private static final List<Logger> QUIET_LOGGERS = new ArrayList<>();

  private final Set<String> excluded;

  public SchemaReader() {
    this(DEFAULT_EXCLUDED);
  }

  /**
   * @param excludedTables tables to leave out (compared case-insensitively), typically the
   *     configured version and history tables
   */
  public SchemaReader(Collection<String> excludedTables) {
    this.excluded =
        excludedTables.stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Sets SchemaCrawler's own loggers (and only those) to WARNING, once per JVM and only where no
   * level was configured (a logging.properties or a test runner's setting wins): each load
   * otherwise logs about 270 INFO lines through java.util.logging. Every {@link #read} calls this;
   * call it before loading SchemaCrawler catalogs of your own.
   */
  public static synchronized void quietSchemaCrawler() {
    if (QUIET_LOGGERS.isEmpty()) {
      for (String name : List.of("schemacrawler", "us.fatehi")) {
        Logger logger = Logger.getLogger(name);
        if (logger.getLevel() == null) {
          logger.setLevel(Level.WARNING);
        }
        QUIET_LOGGERS.add(logger);
      }
    }
  }

  /** The schema as the database has it now. */
  public Schema read(Connection connection) {
    try {
      CatalogQueries queries = CatalogQueries.of(kind(connection), connection);
      Catalog catalog = Crawl.load(connection, queries);
      SchemaObjects objects = SchemaObjects.read(connection, queries);
      return new Schema(
          catalog.getTables().stream()
              .filter(t -> !excluded(t.getName()))
              .map(t -> queries.table(Crawl.loaded(t), objects.triggersOf(t.getName())))
              .toList(),
          objects.views(),
          objects.sequences(),
          objects.enumTypes(),
          objects.routines(),
          true);
    } catch (MigrateException e) {
      throw e;
    } catch (SQLException | RuntimeException e) {
      throw MigrateException.failed("could not read the database schema: " + e.getMessage(), e);
    }
  }

  /**
   * A digest of the catalog rows a {@link #read} depends on: when two fingerprints of a database
   * are equal, so are the schemas read at those moments, and the second load can be skipped. It
   * changes whenever a table, column, default, key, index or constraint does (and sometimes when
   * none of these changed, e.g. after a table is rebuilt; that only costs a load). It combines the
   * per-table digests {@link Snapshots} compares.
   */
  public String fingerprint(Connection connection) {
    try {
      CatalogQueries queries = CatalogQueries.of(kind(connection), connection);
      CatalogStatements statements = CatalogStatements.oneOff(connection);
      return combined(
          Fingerprints.tables(statements, queries, this::excluded),
          SchemaObjects.read(statements, queries));
    } catch (SQLException e) {
      throw MigrateException.failed(
          "could not read the database schema fingerprint: " + e.getMessage(), e);
    }
  }

  private String combined(Map<String, String> tables, SchemaObjects objects) {
    MessageDigest digest = Fingerprints.sha256();
    tables.forEach(
        (table, text) ->
            digest.update((table + "\u0001" + text + "\u0000").getBytes(StandardCharsets.UTF_8)));
    Map<String, List<Schema.Trigger>> triggers = new TreeMap<>(objects.triggers());
    triggers.keySet().removeIf(this::excluded);
    digest.update(
        (objects.views()
                + "|"
                + objects.sequences()
                + "|"
                + objects.enumTypes()
                + "|"
                + triggers
                + "|"
                + objects.routines())
            .getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Snapshots of one connection's schema that cost what changed: see {@link Snapshots}. Use one per
   * connection (and database) and close it when done; it is not thread-safe.
   */
  public Snapshots snapshots(Connection connection) {
    return new Snapshots(connection, false);
  }

  /**
   * {@link #snapshots} of a database this process owns and may add to (a throwaway one): on
   * PostgreSQL, when the user is a superuser, it installs event triggers that log which tables each
   * DDL command touches, in a schema of its own ({@code migrate_verify}, which no snapshot reads),
   * and each refresh then digests only those tables instead of every table.
   */
  public Snapshots snapshotsOfOwnDatabase(Connection connection) {
    return new Snapshots(connection, true);
  }

  /**
   * Repeated snapshots of one connection's schema, as verification takes them between steps. Each
   * {@link #refresh} reads a digest per table (one catalog query; a few on MySQL) and the objects
   * besides tables (views, sequences, enum types, triggers), then reads again only the tables whose
   * digest moved or that appeared, straight from the same catalog queries a {@link #read} runs
   * through SchemaCrawler (without its fixed cost of some 20 ms), and keeps every other table from
   * the call before. The result equals a {@link #read} at that moment.
   */
  public final class Snapshots implements AutoCloseable {
    private final Connection connection;
    private final CatalogStatements statements;
    private CatalogQueries queries;
    private Map<String, String> digests = Map.of();
    private final Map<String, Schema.Table> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Tables read before, by name and digest: a table whose digest returns is not read again. */
    private final Map<String, Seen> seen = new java.util.HashMap<>();

    private String fingerprint;
    private boolean refreshed;

    /** Null unless asked for, and on PostgreSQL only. */
    private PostgresDdlLog ddlLog;

    private boolean logDdl;
    private SchemaObjects objects;

    /** MySQL: the views and sequences at the last narrowed refresh (they have no digest). */
    private final Set<String> notTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * The statements run since the last refresh, when the caller says (see {@link #refreshAfter}).
     */
    private List<String> since;

    private Snapshots(Connection connection, boolean logDdl) {
      this.connection = connection;
      this.statements = CatalogStatements.kept(connection);
      this.logDdl = logDdl;
    }

    /** How many refreshes digested every table instead of reading the DDL log (for tests). */
    private int fullDigests;

    int fullDigests() {
      return fullDigests;
    }

    /**
     * The digests of every table now: from the DDL log where there is one that can be trusted, else
     * by digesting them all.
     */
    private Map<String, String> digestsNow() throws SQLException {
      if (logDdl) {
        logDdl = false;
        if (queries instanceof PostgresCatalog) {
          ddlLog = PostgresDdlLog.install(connection);
        }
      }
      if (ddlLog != null && objects != null) {
        PostgresDdlLog.Changes changes;
        try {
          changes = ddlLog.drain(statements, digests, tables, SchemaReader.this::excluded);
        } catch (SQLException e) {
          ddlLog = null; // the log was dropped or altered by what ran: digest everything from now
          changes = null;
        }
        if (changes != null) {
          if (changes.objects() || (changes.tablesChanged() && !objects.isEmpty())) {
            objects = SchemaObjects.read(statements, queries);
          }
          return changes.digests();
        }
      }
      List<String> ran = since;
      since = null;
      if (ran != null && queries instanceof MySqlCatalog && objects != null && !digests.isEmpty()) {
        Map<String, String> narrowed = digestsAfter(ran);
        if (narrowed != null) {
          return narrowed;
        }
      }
      if (ddlLog != null) {
        ddlLog.reset(statements);
      }
      fullDigests++;
      Map<String, String> now =
          Fingerprints.tables(statements, queries, SchemaReader.this::excluded);
      if (!(queries instanceof SqliteCatalog && objects != null && !sqliteObjectsMoved(now))) {
        objects = SchemaObjects.read(statements, queries);
      }
      return now;
    }

    /**
     * SQLite: whether a view or trigger may have changed, which only a changed CREATE text can say:
     * its digests are those texts, a view's under its own name, a trigger's in its table's.
     */
    private boolean sqliteObjectsMoved(Map<String, String> now) {
      Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      names.addAll(now.keySet());
      names.addAll(digests.keySet());
      for (String name : names) {
        String before = digests.get(name);
        String after = now.get(name);
        if (!Objects.equals(before, after)
            && (VIEW_OR_TRIGGER.matcher(String.valueOf(before)).find()
                || VIEW_OR_TRIGGER.matcher(String.valueOf(after)).find())) {
          return true;
        }
      }
      return false;
    }

    /**
     * MySQL, after {@code ran}: the digests of the tables those statements name, of the tables that
     * appeared and of the tables referencing either; the others' as before. Null when the
     * statements may have changed anything.
     */
    private Map<String, String> digestsAfter(List<String> ran) throws SQLException {
      // what was there before: the tables digested, and the views and sequences seen last time
      Set<String> before = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      before.addAll(digests.keySet());
      before.addAll(notTables);
      Optional<Set<String>> named = StatementScope.tablesNamed(ran, before);
      if (named.isEmpty()) {
        return null;
      }
      // the digests most steps need come with the listing: of the tables named, and of those
      // whose foreign keys reference one of them
      Set<String> early = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      early.addAll(named.get());
      early.addAll(SchemaReader.referencing(tables.values(), named.get()));
      early.retainAll(digests.keySet());
      Fingerprints.MysqlListing listing =
          Fingerprints.mysqlListing(statements, SchemaReader.this::excluded, early);
      Map<String, String> types = listing.types();
      Set<String> moved = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      moved.addAll(named.get());
      types.keySet().stream().filter(name -> !before.contains(name)).forEach(moved::add);
      before.stream().filter(name -> !types.containsKey(name)).forEach(moved::add);
      Set<String> candidates = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      candidates.addAll(moved);
      candidates.addAll(SchemaReader.referencing(tables.values(), moved));
      candidates.removeIf(name -> !BASE_TABLE.equals(types.get(name)));
      boolean objectsMoved =
          StatementScope.mayChangeObjects(ran)
              || moved.stream().anyMatch(name -> objectOrTriggered(name, types.get(name)));
      Map<String, String> fresh = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      Set<String> rest = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      rest.addAll(candidates);
      if (listing.digests() != null) {
        listing
            .digests()
            .forEach(
                (name, digest) -> {
                  if (candidates.contains(name)) {
                    fresh.put(name, digest);
                  }
                });
        rest.removeAll(early);
      }
      fresh.putAll(Fingerprints.mysqlTables(statements, SchemaReader.this::excluded, rest));
      Map<String, String> now = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      notTables.clear();
      types.forEach(
          (name, type) -> {
            if (!BASE_TABLE.equals(type)) {
              notTables.add(name);
              return;
            }
            String digest = candidates.contains(name) ? fresh.get(name) : digests.get(name);
            if (digest != null) {
              now.put(name, digest);
            }
          });
      if (objectsMoved) {
        objects = SchemaObjects.read(statements, queries);
      }
      return now;
    }

    /**
     * Whether a name that appeared, vanished or was named is, or was, a view or sequence, or a
     * table with triggers: then the objects besides tables are read again.
     */
    private boolean objectOrTriggered(String name, String typeNow) {
      return (typeNow != null && !"BASE TABLE".equals(typeNow))
          || objects.views().stream().anyMatch(v -> v.name().equalsIgnoreCase(name))
          || objects.sequences().stream().anyMatch(q -> q.name().equalsIgnoreCase(name))
          || !objects.triggersOf(name).isEmpty();
    }

    /**
     * The schema after {@code ran} ran, since the last call, and nothing else changed it (no other
     * session, no statement left out): on MySQL only the tables those statements can have changed
     * are digested again. Null, or on other databases, as {@link #refresh()}.
     */
    public Schema refreshAfter(List<String> ran) {
      since = ran == null ? null : List.copyOf(ran);
      return refresh();
    }

    /** The schema as the database has it now, reusing the tables unchanged since the last call. */
    public Schema refresh() {
      try {
        if (queries == null) {
          queries = CatalogQueries.of(kind(connection), connection);
        }
        Map<String, String> now = digestsNow();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
          if (!entry.getValue().equals(digests.get(entry.getKey()))) {
            changed.add(entry.getKey());
          }
        }
        // A key names the columns it references, so a rename there changes the referencing
        // table: every digest says so (each backend's spells the referenced columns' names), and
        // each digests the referencing tables of a table that changed again.
        tables.keySet().removeIf(name -> !now.containsKey(name));
        changed.forEach(tables::remove);
        Map<String, String> current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        current.putAll(now);
        List<String> toRead = new ArrayList<>();
        for (String name : changed) {
          Seen earlier = seen.get(seenKey(name, current));
          if (earlier != null && earlier.stillValid(current)) {
            tables.put(name, earlier.table()); // back to a state read before: a down undoing an up
          } else {
            toRead.add(name);
          }
        }
        DirectTables.read(statements, queries, toRead)
            .forEach(
                (name, loaded) -> {
                  Schema.Table table = queries.table(loaded, List.of());
                  tables.put(name, table);
                  Map<String, String> referenced = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                  table
                      .foreignKeys()
                      .forEach(
                          k ->
                              referenced.put(
                                  k.referencedTable(), current.get(k.referencedTable())));
                  seen.put(seenKey(name, current), new Seen(table, referenced));
                });
        digests = now;
        fingerprint = null; // combined when asked for: most refreshes are not
        refreshed = true;
        return new Schema(
            tables.values().stream()
                .map(t -> t.withTriggers(objects.triggersOf(t.name())))
                .toList(),
            objects.views(),
            objects.sequences(),
            objects.enumTypes(),
            objects.routines(),
            true);
      } catch (MigrateException e) {
        throw e;
      } catch (SQLException | RuntimeException e) {
        throw MigrateException.failed("could not read the database schema: " + e.getMessage(), e);
      }
    }

    private static String seenKey(String name, Map<String, String> digests) {
      return name.toLowerCase(Locale.ROOT) + '\0' + digests.get(name);
    }

    /**
     * A table as read, with the digests of the tables its foreign keys reference then (their column
     * names are part of it).
     */
    private record Seen(Schema.Table table, Map<String, String> referenced) {
      boolean stillValid(Map<String, String> digests) {
        return referenced.entrySet().stream()
            .allMatch(e -> Objects.equals(digests.get(e.getKey()), e.getValue()));
      }
    }

    /**
     * Closes the statements kept for the next refresh (the connection stays open); a refresh after
     * this prepares them again.
     */
    @Override
    public void close() {
      statements.close();
    }

    /**
     * The {@link SchemaReader#fingerprint} as of the last {@link #refresh}, without a query;
     * refreshes first if there was none.
     */
    public String fingerprint() {
      if (!refreshed) {
        refresh();
      }
      if (fingerprint == null) {
        fingerprint = combined(digests, objects);
      }
      return fingerprint;
    }
  }

  private static final String BASE_TABLE = "BASE TABLE";

  private static final java.util.regex.Pattern VIEW_OR_TRIGGER =
      java.util.regex.Pattern.compile(
          "\\b(?:view|trigger)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The tables whose foreign keys reference one of {@code moved} (their names are in them). */
  static List<String> referencing(Collection<Schema.Table> tables, Set<String> moved) {
    return tables.stream()
        .filter(t -> t.foreignKeys().stream().anyMatch(k -> moved.contains(k.referencedTable())))
        .map(Schema.Table::name)
        .toList();
  }

  private boolean excluded(String table) {
    return excluded.contains(table.toLowerCase(Locale.ROOT));
  }

  private static DatabaseKind kind(Connection connection) throws SQLException {
    return DatabaseKind.fromJdbcUrl(connection.getMetaData().getURL());
  }

  /**
   * The models as this database would store them and this reader would read them back: each column
   * type through the database's own spelling ({@code UUID} is TEXT on SQLite and CHAR(36) on MySQL;
   * an autoincrement key on SQLite is the INTEGER rowid alias) and each default in the reader's
   * spelling. Models read from a catalog keep their types. Compare models with a live schema only
   * in this form.
   */
  public static Schema asStored(DatabaseKind kind, Schema models) {
    Dialect dialect = Dialect.of(kind);
    List<Schema.Table> tables = new ArrayList<>();
    for (Schema.Table table : models.tables()) {
      List<Schema.Column> columns = new ArrayList<>();
      for (Schema.Column column : table.columns()) {
        // read from this backend's catalog already (a SQL models file): a MariaDB native UUID
        // stays UUID, though migrate itself writes UUID as CHAR(36) there
        ColumnType type =
            models.catalog()
                ? column.type()
                : column.type().kind() == ColumnType.Kind.CUSTOM
                    ? Normalise.type(kind, column.type().sql())
                    : Normalise.type(kind, dialect.typeSql(column.type()));
        if (kind == DatabaseKind.SQLITE && column.autoincrement() && isInteger(type)) {
          type = ColumnType.INTEGER;
        }
        columns.add(
            new Schema.Column(
                column.name(),
                type,
                column.nullable(),
                Normalise.defaultValue(column.defaultValue(), type),
                column.autoincrement(),
                column.collation(),
                column.generated(),
                column.comment()));
      }
      tables.add(table.withColumns(columns));
    }
    return models.withTables(tables);
  }

  private static boolean isInteger(ColumnType type) {
    return type.kind() == ColumnType.Kind.SMALLINT
        || type.kind() == ColumnType.Kind.INTEGER
        || type.kind() == ColumnType.Kind.BIGINT;
  }
}
