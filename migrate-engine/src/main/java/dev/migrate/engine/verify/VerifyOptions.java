package dev.migrate.engine.verify;

import dev.migrate.engine.diff.SchemaDiff;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a verification runs.
 *
 * @param seed the seed of the generated rows; the report shows it so that a failure can be replayed
 * @param skips checks skipped for every revision (project opt-outs and excluded checks): check to
 *     the reason the report shows
 * @param minimumDowngrade a revision below which history is not walked down (it and its ancestors
 *     are only upgraded), or null to walk every revision down
 * @param failOnDestructive whether {@code DESTRUCTIVE_CHANGE} is an error instead of a warning
 * @param tables which tables the model comparison looks at
 * @param progress told of each revision on each backend as it is verified
 * @param fixtures data run before or at revisions
 * @param stamped revisions stamped instead of run (their version row is written, their statements
 *     are not run, their checks are skipped)
 * @param walkers at most how many parts a backend's walk is split into, walked at the same time on
 *     databases of their own; 0 for as many as the cores allow beside the other backends
 */
public record VerifyOptions(
    long seed,
    Map<Check, String> skips,
    String minimumDowngrade,
    boolean failOnDestructive,
    SchemaDiff.Options tables,
    Consumer<Progress> progress,
    java.util.List<Fixture> fixtures,
    java.util.Set<String> stamped,
    int walkers) {

  public static final long DEFAULT_SEED = 42;

  public VerifyOptions {
    skips = Map.copyOf(skips);
    Objects.requireNonNull(tables, "tables");
    progress = progress == null ? step -> {} : progress;
    fixtures = java.util.List.copyOf(fixtures);
    stamped = java.util.Set.copyOf(stamped);
    if (walkers < 0) {
      throw new IllegalArgumentException("walkers must be 0 (automatic) or more: " + walkers);
    }
  }

  public static VerifyOptions defaults() {
    return new VerifyOptions(
        DEFAULT_SEED,
        Map.of(),
        null,
        false,
        SchemaDiff.Options.ALL,
        null,
        java.util.List.of(),
        java.util.Set.of(),
        0);
  }

  public VerifyOptions withSeed(long newSeed) {
    return new VerifyOptions(
        newSeed,
        skips,
        minimumDowngrade,
        failOnDestructive,
        tables,
        progress,
        fixtures,
        stamped,
        walkers);
  }

  public VerifyOptions withSkips(Map<Check, String> newSkips) {
    return new VerifyOptions(
        seed,
        newSkips,
        minimumDowngrade,
        failOnDestructive,
        tables,
        progress,
        fixtures,
        stamped,
        walkers);
  }

  public VerifyOptions withMinimumDowngrade(String revision) {
    return new VerifyOptions(
        seed, skips, revision, failOnDestructive, tables, progress, fixtures, stamped, walkers);
  }

  public VerifyOptions withFailOnDestructive(boolean fail) {
    return new VerifyOptions(
        seed, skips, minimumDowngrade, fail, tables, progress, fixtures, stamped, walkers);
  }

  public VerifyOptions withTables(SchemaDiff.Options newTables) {
    return new VerifyOptions(
        seed,
        skips,
        minimumDowngrade,
        failOnDestructive,
        newTables,
        progress,
        fixtures,
        stamped,
        walkers);
  }

  public VerifyOptions withProgress(Consumer<Progress> newProgress) {
    return new VerifyOptions(
        seed,
        skips,
        minimumDowngrade,
        failOnDestructive,
        tables,
        newProgress,
        fixtures,
        stamped,
        walkers);
  }

  public VerifyOptions withFixtures(java.util.List<Fixture> newFixtures) {
    return new VerifyOptions(
        seed,
        skips,
        minimumDowngrade,
        failOnDestructive,
        tables,
        progress,
        newFixtures,
        stamped,
        walkers);
  }

  public VerifyOptions withWalkers(int count) {
    return new VerifyOptions(
        seed,
        skips,
        minimumDowngrade,
        failOnDestructive,
        tables,
        progress,
        fixtures,
        stamped,
        count);
  }

  public VerifyOptions withStamped(java.util.Set<String> revisions) {
    return new VerifyOptions(
        seed,
        skips,
        minimumDowngrade,
        failOnDestructive,
        tables,
        progress,
        fixtures,
        revisions,
        walkers);
  }
}
