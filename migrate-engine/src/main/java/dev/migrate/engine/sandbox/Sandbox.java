package dev.migrate.engine.sandbox;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Urls;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throwaway databases on one backend (see the package description): {@link #create()} an empty one,
 * {@link #cloneOf} one with the same content as another. Each is dropped when closed, when this
 * sandbox is closed, or at the latest by a JVM shutdown hook; nothing else is ever dropped but
 * leftovers more than 24 hours old ({@link #leftoversDropped()}).
 *
 * <pre>
 * try (Sandbox sandbox = Sandbox.of(DatabaseKind.POSTGRESQL, adminUrl, null, null);
 *     ThrowawayDatabase db = sandbox.create()) {
 *   try (Connection c = db.connect()) { ... }
 * }
 * </pre>
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
  private static final Set<Sandbox> WITH_DATABASES = ConcurrentHashMap.newKeySet();
  private static final Pattern SERVER_URL =
      Pattern.compile("^(jdbc:[a-z]+://[^/?;]*)(/[^?;]*)?(.*)$", Pattern.DOTALL);
  private static final Pattern SHORT_URL =
      Pattern.compile("^(jdbc:postgresql:)(?!//)([^?]*)(.*)$", Pattern.DOTALL);

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(WITH_DATABASES).forEach(Sandbox::close),
                "migrate-sandbox-cleanup"));
  }

  private final Backend backend;
  private static final ExecutorService SPARES =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "migrate-sandbox-spare");
            t.setDaemon(true);
            return t;
          });

  private final Map<String, ThrowawayDatabase> created = new LinkedHashMap<>();
  private final Set<String> spares = new java.util.LinkedHashSet<>();
  private Future<String> spare;

  /** Clones being made ahead, by the name of their source (see {@link #cloneAhead}). */
  private final Map<String, Ahead> ahead = new java.util.HashMap<>();

  private static final class Ahead {
    int remaining;
    Future<String> pending;
  }

  private boolean closed;
  private final List<String> leftoversDropped;

  private Sandbox(Backend backend) {
    this.backend = backend;
    this.leftoversDropped = dropLeftovers();
  }

  /** SQLite databases as files in the system's temporary directory. */
  public static Sandbox sqlite() {
    return new Sandbox(new SqliteFiles(Path.of(System.getProperty("java.io.tmpdir"))));
  }

  /**
   * Throwaway databases of {@code kind}. For PostgreSQL and MySQL they are made on the server of
   * {@code adminUrl}, whose user needs the privilege to create and drop databases; {@code user} and
   * {@code password} are used when not null (else the URL's). SQLite needs no URL.
   *
   * @throws MigrateException when the server cannot be reached (the URL masked in the message)
   */
  public static Sandbox of(DatabaseKind kind, String adminUrl, String user, String password) {
    if (kind == DatabaseKind.SQLITE) {
      return sqlite();
    }
    if (adminUrl == null || adminUrl.isBlank()) {
      throw MigrateException.badInput(
          "Throwaway " + kind.id() + " databases need the URL of a server to make them on");
    }
    Properties credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    try {
      return new Sandbox(
          kind == DatabaseKind.POSTGRESQL
              ? new PostgresServer(adminUrl, credentials)
              : new MySqlServer(adminUrl, credentials));
    } catch (SQLException e) {
      throw MigrateException.failed(
          "Cannot connect to "
              + Urls.mask(adminUrl)
              + " to make throwaway "
              + kind.id()
              + " databases: "
              + e.getMessage(),
          e);
    }
  }

  Backend backend() {
    return backend;
  }

  public DatabaseKind kind() {
    return backend.kind();
  }

  /** The leftovers of earlier runs (names more than 24 hours old) dropped when this was made. */
  public List<String> leftoversDropped() {
    return leftoversDropped;
  }

  /**
   * A new empty database. On PostgreSQL, where {@code CREATE DATABASE} copies a template (a hundred
   * milliseconds or more), the next one is made in the background meanwhile, so that a suite asking
   * for one database after another mostly finds it ready.
   */
  public ThrowawayDatabase create() {
    Future<String> ready;
    synchronized (this) {
      ready = spare;
      spare = null;
    }
    String name = ready == null ? null : awaitSpare(ready);
    synchronized (this) {
      if (name == null) {
        name = Names.fresh(Instant.now());
        try {
          backend.create(name);
        } catch (Exception e) {
          throw cannot("create throwaway database " + name, e);
        }
      }
      ThrowawayDatabase database = register(name);
      if (kind() == DatabaseKind.POSTGRESQL && !closed) {
        spare = SPARES.submit(this::makeSpare);
      }
      return database;
    }
  }

  /** The names of every database this sandbox holds, a spare being made included (for tests). */
  List<String> held() throws Exception {
    List<Future<String>> pending;
    synchronized (this) {
      pending = inTheBackground();
    }
    for (Future<String> made : pending) {
      made.get();
    }
    synchronized (this) {
      List<String> names = new ArrayList<>(created.keySet());
      names.addAll(spares);
      return names;
    }
  }

  /** What is being made in the background: the spare, and the clones made ahead. */
  private List<Future<String>> inTheBackground() {
    List<Future<String>> pending = new ArrayList<>();
    if (spare != null) {
      pending.add(spare);
    }
    ahead.values().stream().filter(a -> a.pending != null).forEach(a -> pending.add(a.pending));
    return pending;
  }

  /** Made in the background, without holding this sandbox meanwhile. */
  private String makeSpare() throws Exception {
    synchronized (this) {
      if (closed) {
        return null;
      }
    }
    String name = Names.fresh(Instant.now());
    backend.create(name);
    return adopt(name);
  }

  /**
   * A database made in the background, held as a spare; dropped at once if this closed meanwhile.
   */
  private synchronized String adopt(String name) {
    if (closed) {
      dropQuietly(name);
      return null;
    }
    spares.add(name);
    WITH_DATABASES.add(this);
    return name;
  }

  private String awaitSpare(Future<String> ready) {
    try {
      String name = ready.get();
      synchronized (this) {
        if (name != null) {
          spares.remove(name);
        }
      }
      return name;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null; // made in the foreground instead, where a failure is reported
    }
  }

  /**
   * A new database holding what {@code source} holds (PostgreSQL: nothing may be connected to
   * {@code source} meanwhile; MySQL: tables only, a source with views, triggers or routines is
   * refused).
   */
  public ThrowawayDatabase cloneOf(ThrowawayDatabase source) {
    Future<String> ready;
    synchronized (this) {
      if (created.get(source.name()) != source) {
        throw new IllegalArgumentException(source + " was not made by this sandbox");
      }
      Ahead next = ahead.get(source.name());
      ready = next == null ? null : next.pending;
      if (next != null) {
        next.pending = null;
      }
    }
    String name = ready == null ? null : awaitSpare(ready);
    if (name == null) {
      name = Names.fresh(Instant.now());
      try {
        copy(source.name(), name);
      } catch (MigrateException e) {
        throw e;
      } catch (Exception e) {
        throw cannot("clone " + source.name() + " as " + name, e);
      }
    }
    synchronized (this) {
      if (closed) {
        dropQuietly(name);
        throw new IllegalStateException("the sandbox was closed while " + source + " was cloned");
      }
      ThrowawayDatabase database = register(name);
      cloneNextAhead(source.name());
      return database;
    }
  }

  /**
   * Makes clones of {@code source} in the background, one at a time, for up to {@code count} later
   * {@link #cloneOf} calls, which then find one ready (or partly made) instead of starting a copy.
   * Verification does this for a state it saved at a branch point while it walks the first branch.
   * {@code source} must not change from now on; a clone nobody takes is dropped with it.
   */
  public synchronized void cloneAhead(ThrowawayDatabase source, int count) {
    if (created.get(source.name()) != source) {
      throw new IllegalArgumentException(source + " was not made by this sandbox");
    }
    if (count <= 0 || closed) {
      return;
    }
    ahead.computeIfAbsent(source.name(), k -> new Ahead()).remaining = count;
    cloneNextAhead(source.name());
  }

  private void cloneNextAhead(String source) {
    Ahead next = ahead.get(source);
    if (next == null || next.pending != null || next.remaining <= 0 || closed) {
      return;
    }
    next.remaining--;
    next.pending = SPARES.submit(() -> makeClone(source));
  }

  private String makeClone(String source) throws Exception {
    synchronized (this) {
      if (closed || !created.containsKey(source)) {
        return null;
      }
    }
    String name = Names.fresh(Instant.now());
    copy(source, name);
    return adopt(name);
  }

  /** Copies {@code source} as {@code name}; what a failed copy left is dropped. */
  private void copy(String source, String name) throws Exception {
    try {
      backend.cloneInto(source, name);
    } catch (Exception e) {
      dropQuietly(name);
      throw e;
    }
  }

  private ThrowawayDatabase register(String name) {
    ThrowawayDatabase database = new ThrowawayDatabase(this, name, backend);
    created.put(name, database);
    WITH_DATABASES.add(this);
    return database;
  }

  void drop(ThrowawayDatabase database) {
    Future<String> pending;
    synchronized (this) {
      if (created.remove(database.name()) == null) {
        return;
      }
      Ahead next = ahead.remove(database.name());
      pending = next == null ? null : next.pending;
    }
    // a clone still being made of it ends first, and goes with it
    String unused = pending == null ? null : awaitSpare(pending);
    if (unused != null) {
      dropQuietly(unused);
    }
    dropQuietly(database.name());
    synchronized (this) {
      if (created.isEmpty() && spares.isEmpty()) {
        WITH_DATABASES.remove(this);
      }
    }
  }

  private void dropQuietly(String name) {
    try {
      backend.drop(name);
    } catch (Exception e) {
      LOG.warn(
          "Could not drop throwaway {} database {} at {}: {}; drop it by hand",
          kind().id(),
          name,
          backend.where(),
          e.getMessage());
    }
  }

  /** Drops every database this sandbox made and still holds, and lets go of the server. */
  @Override
  public void close() {
    List<Future<String>> pending;
    synchronized (this) {
      closed = true;
      pending = inTheBackground();
      spare = null;
      ahead.clear();
    }
    for (Future<String> made : pending) {
      try {
        made.get(); // let it finish: what it made is dropped
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // nothing was made
      }
    }
    synchronized (this) {
      for (ThrowawayDatabase database : List.copyOf(created.values())) {
        drop(database);
      }
      for (String name : List.copyOf(spares)) {
        dropQuietly(name);
        spares.remove(name);
      }
      WITH_DATABASES.remove(this);
      backend.close();
    }
  }

  private List<String> dropLeftovers() {
    Instant now = Instant.now();
    List<String> dropped = new ArrayList<>();
    try {
      for (String name : backend.existing()) {
        if (Names.leftover(name, now)) {
          backend.drop(name);
          dropped.add(name);
        }
      }
    } catch (Exception e) {
      LOG.warn(
          "Could not clean up leftover throwaway {} databases at {}: {}",
          kind().id(),
          backend.where(),
          e.getMessage());
    }
    if (!dropped.isEmpty()) {
      LOG.info(
          "Dropped {} leftover throwaway {} database(s) more than {} hours old at {}: {}",
          dropped.size(),
          kind().id(),
          Names.LEFTOVER_AGE.toHours(),
          backend.where(),
          String.join(", ", dropped));
    }
    return List.copyOf(dropped);
  }

  private MigrateException cannot(String what, Exception e) {
    String privilege =
        switch (kind()) {
          case POSTGRESQL -> "; the user needs the CREATEDB privilege";
          case MYSQL -> "; the user needs the CREATE and DROP privileges";
          case SQLITE -> "";
        };
    return MigrateException.failed(
        "Cannot " + what + " at " + backend.where() + ": " + e.getMessage() + privilege, e);
  }

  /**
   * The same server URL naming another database: {@code jdbc:postgresql://h:5432/app?ssl=true}
   * becomes {@code jdbc:postgresql://h:5432/<database>?ssl=true}.
   */
  public static String withDatabase(String url, String database) {
    Matcher server = SERVER_URL.matcher(url);
    if (server.matches()) {
      return server.group(1) + "/" + database + server.group(3);
    }
    Matcher local = SHORT_URL.matcher(url);
    if (local.matches()) {
      return local.group(1) + database + local.group(3);
    }
    throw MigrateException.badInput(
        "Cannot find the database part of " + Urls.mask(url) + "; use jdbc:<kind>://host/database");
  }
}
