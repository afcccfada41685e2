package dev.migrate.engine.bench;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.LoadedModels;
import dev.migrate.engine.model.ModelSource;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.util.List;

/**
 * Times a {@code models=hibernate:} load of the test entity set ({@code
 * dev.migrate.engine.model.store}: 20 classes, 18 tables): Hibernate boots its metadata, exports
 * the create DDL, and the DDL is applied to a throwaway database and read back. Cold is the first
 * load in the JVM (Hibernate's classes loaded and initialised then); warm is the median of the
 * loads after it. Run by hand (see docs/benchmarks.md), never as a test; one backend per run gives
 * each its own cold figure.
 */
public final class HibernateModelsBenchmark {
  private static final String STORE = "dev.migrate.engine.model.store";
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

  public static void main(String[] args) throws Exception {
    SchemaReader.quietSchemaCrawler();
    List<DatabaseKind> kinds = Rounds.backends();
    System.out.printf(
        "hibernate:%s, Hibernate ORM %s, warm = median of %d loads%n",
        STORE, org.hibernate.Version.getVersionString(), ROUNDS);
    System.out.printf("%-10s %10s %10s %8s%n", "backend", "cold", "warm", "tables");
    boolean first = true;
    for (DatabaseKind kind : kinds) {
      try (TestDatabase db = TestDatabases.create(kind)) {
        ModelSource.Spec spec = ModelSource.parse("hibernate:" + STORE, null);
        long start = System.nanoTime();
        LoadedModels models = load(spec, kind, db);
        long cold = System.nanoTime() - start;
        long[] warm = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
          long begin = System.nanoTime();
          load(spec, kind, db);
          warm[i] = System.nanoTime() - begin;
        }
        System.out.printf(
            "%-10s %10s %8.1f ms %8d%n",
            kind.id(),
            first ? String.format("%.1f ms", cold / 1e6) : "(warm JVM)",
            Rounds.medianMillis(warm),
            models.schema().tables().size());
        first = false;
      }
    }
  }

  private static LoadedModels load(ModelSource.Spec spec, DatabaseKind kind, TestDatabase db) {
    return ModelSource.read(
        spec,
        kind,
        HibernateModelsBenchmark.class.getClassLoader(),
        db.url(),
        null,
        null,
        c -> new SchemaReader().read(c));
  }
}
