package dev.migrate.engine.revision.source;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.Irreversible;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionBody;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

/**
 * A Java revision's work: each {@link #plan} creates a fresh instance of the class, calls {@code
 * upgrade} or {@code downgrade} on a fresh {@link Ops} and returns what it recorded. A class
 * annotated {@link Irreversible} is not asked to downgrade; its reason is the plan's. An exception
 * from the class is a {@link MigrateException#badInput} naming the class and the direction.
 */
public final class JavaRevisionBody implements RevisionBody {
  private final Constructor<? extends Migration> constructor;
  private final Revision.Transactional transactional;

  public JavaRevisionBody(Constructor<? extends Migration> constructor) {
    this.constructor = constructor;
    Revision revision = constructor.getDeclaringClass().getAnnotation(Revision.class);
    this.transactional = revision == null ? Revision.Transactional.AUTO : revision.transactional();
  }

  public Class<? extends Migration> migrationClass() {
    return constructor.getDeclaringClass();
  }

  @Override
  public MigrationPlan plan(Direction direction, DatabaseKind database) {
    String className = constructor.getDeclaringClass().getName();
    Irreversible declared = constructor.getDeclaringClass().getAnnotation(Irreversible.class);
    if (direction == Direction.DOWNGRADE && declared != null) {
      return new MigrationPlan(
          List.of(), Optional.of(declaration() + declared.reason()), transactional);
    }
    Ops ops = new Ops(database);
    try {
      Migration migration = constructor.newInstance();
      if (direction == Direction.UPGRADE) {
        migration.upgrade(ops);
      } else {
        migration.downgrade(ops);
      }
    } catch (InvocationTargetException e) {
      throw failure(className, "constructor", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw failure(className, "constructor", e);
    } catch (MigrateException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw failure(className, direction.word() + "()", e);
    }
    Optional<String> reason = ops.irreversibleReason().map(r -> declaration() + r);
    return new MigrationPlan(ops.operations(), reason, transactional);
  }

  /** {@code declared irreversible (V0004_DropNotes): }, then the reason the class gives. */
  private String declaration() {
    return "declared irreversible (" + constructor.getDeclaringClass().getSimpleName() + "): ";
  }

  /** The declaration as {@code v1} checksums hashed it, naming the class in full. */
  @Override
  public String v1Declaration(Direction direction, DatabaseKind database, String reason) {
    String given =
        reason.startsWith(declaration()) ? reason.substring(declaration().length()) : reason;
    return "declared irreversible in " + constructor.getDeclaringClass().getName() + ": " + given;
  }

  private static MigrateException failure(String className, String where, Throwable cause) {
    return MigrateException.badInput(
        "Java revision " + className + " failed in " + where + ": " + cause + "; fix the class",
        cause);
  }

  @Override
  public String toString() {
    return "Java revision " + constructor.getDeclaringClass().getName();
  }
}
