package dev.migrate.engine.runtime;

import dev.migrate.engine.LockTimeoutException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The lock one migrate run holds on a database from before it reads the version table until it is
 * done. It belongs to the session (or, on SQLite, to the process), never to a committed row, so a
 * killed run cannot leave it behind: PostgreSQL session advisory lock, MySQL {@code GET_LOCK}, and
 * on SQLite an OS lock on {@code <database file>.migrate-lock}.
 */
abstract class MigrationLock implements AutoCloseable {
  private static final long POLL_MILLIS = 50;

  /**
   * In-process users (holders and waiters) per SQLite lock file: the OS lock is per process, not
   * per thread, and closing any channel on the file may release it, so only one thread at a time
   * opens it. An entry lives only while someone uses that file.
   */
  private static final Map<Path, InProcess> IN_PROCESS = new HashMap<>();

  private static final class InProcess {
    final Semaphore semaphore = new Semaphore(1);
    int users;
  }

  private static InProcess enter(Path lockFile) {
    synchronized (IN_PROCESS) {
      InProcess entry = IN_PROCESS.computeIfAbsent(lockFile, p -> new InProcess());
      entry.users++;
      return entry;
    }
  }

  private static void leave(Path lockFile, InProcess entry) {
    synchronized (IN_PROCESS) {
      if (--entry.users == 0) {
        IN_PROCESS.remove(lockFile);
      }
    }
  }

  /** How many SQLite lock files this process is using now (for tests). */
  static int lockFilesInUse() {
    synchronized (IN_PROCESS) {
      return IN_PROCESS.size();
    }
  }

  /**
   * Takes the lock for {@code versionTable} in the connection's database, waiting up to timeout.
   */
  static MigrationLock acquire(
      Connection c, DatabaseKind kind, String versionTable, Duration timeout, String where)
      throws SQLException {
    return switch (kind) {
      case POSTGRESQL -> PostgresLock.acquire(c, versionTable, timeout, where);
      case MYSQL -> MysqlLock.acquire(c, versionTable, timeout, where);
      case SQLITE -> SqliteFileLock.acquire(c, timeout, where);
    };
  }

  @Override
  public abstract void close() throws SQLException;

  static LockTimeoutException timedOut(Duration timeout, String lock, String where) {
    return new LockTimeoutException(timeout, lock, where);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class PostgresLock extends MigrationLock {
    private final Connection connection;
    private final long key;

    private PostgresLock(Connection connection, long key) {
      this.connection = connection;
      this.key = key;
    }

    static PostgresLock acquire(Connection c, String table, Duration timeout, String where)
        throws SQLException {
      String schema;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_schema()")) {
        rs.next();
        schema = rs.getString(1);
      }
      long key = ByteBuffer.wrap(sha256("migrate:" + schema + "." + table)).getLong();
      long deadline = System.nanoTime() + timeout.toNanos();
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, key);
        while (true) {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
              return new PostgresLock(c, key);
            }
          }
          if (System.nanoTime() > deadline) {
            throw timedOut(timeout, "PostgreSQL advisory lock " + key, where);
          }
          sleep();
        }
      }
    }

    @Override
    public void close() throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        ps.setLong(1, key);
        ps.execute();
      }
    }
  }

  private static final class MysqlLock extends MigrationLock {
    private final Connection connection;
    private final String name;

    private MysqlLock(Connection connection, String name) {
      this.connection = connection;
      this.name = name;
    }

    static MysqlLock acquire(Connection c, String table, Duration timeout, String where)
        throws SQLException {
      String database;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
        rs.next();
        database = rs.getString(1);
      }
      // GET_LOCK names are server-wide and at most 64 characters.
      String name = "migrate:" + database + "." + table;
      if (name.length() > 64) {
        name = "migrate:" + HexFormat.of().formatHex(sha256(name)).substring(0, 56);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
        ps.setString(1, name);
        ps.setLong(2, Math.max(0, (timeout.toMillis() + 999) / 1000));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          int result = rs.getInt(1);
          if (rs.wasNull() || result != 1) {
            throw timedOut(timeout, "MySQL GET_LOCK('" + name + "')", where);
          }
        }
      }
      return new MysqlLock(c, name);
    }

    @Override
    public void close() throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        ps.setString(1, name);
        ps.execute();
      }
    }
  }

  private static final class SqliteFileLock extends MigrationLock {
    private final Path lockFile;
    private final InProcess inProcess;
    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(Path lockFile, InProcess inProcess, FileChannel channel, FileLock lock) {
      this.lockFile = lockFile;
      this.inProcess = inProcess;
      this.channel = channel;
      this.lock = lock;
    }

    static MigrationLock acquire(Connection c, Duration timeout, String where) throws SQLException {
      String file = null;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA database_list")) {
        while (rs.next()) {
          if ("main".equals(rs.getString("name"))) {
            file = rs.getString("file");
          }
        }
      }
      if (file == null || file.isEmpty()) {
        // An in-memory database belongs to this one connection: nobody else can migrate it.
        return new MigrationLock() {
          @Override
          public void close() {}
        };
      }
      Path lockFile = Path.of(file + ".migrate-lock").toAbsolutePath().normalize();
      String description = "lock file " + lockFile;
      long deadline = System.nanoTime() + timeout.toNanos();
      InProcess inProcess = enter(lockFile);
      try {
        if (!inProcess.semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
          leave(lockFile, inProcess);
          throw timedOut(timeout, description, where);
        }
      } catch (InterruptedException e) {
        leave(lockFile, inProcess);
        Thread.currentThread().interrupt();
        throw timedOut(timeout, description, where);
      }
      FileChannel channel = null;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        while (true) {
          FileLock lock;
          try {
            lock = channel.tryLock();
          } catch (OverlappingFileLockException e) {
            lock = null;
          }
          if (lock != null) {
            return new SqliteFileLock(lockFile, inProcess, channel, lock);
          }
          if (System.nanoTime() > deadline) {
            throw timedOut(timeout, description, where);
          }
          sleep();
        }
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel);
        inProcess.semaphore.release();
        leave(lockFile, inProcess);
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw MigrateException.failed(
            "Cannot take the migration lock " + lockFile + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel below releases it too
      } finally {
        closeQuietly(channel);
        inProcess.semaphore.release();
        leave(lockFile, inProcess);
      }
    }

    private static void closeQuietly(FileChannel channel) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // nothing more to release
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigrateException.failed("Interrupted while waiting for the migration lock", e);
    }
  }
}
