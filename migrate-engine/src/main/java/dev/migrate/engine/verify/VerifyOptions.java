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
 */
public record VerifyOptions(
    long seed,
    Map<Check, String> skips,
    String minimumDowngrade,
    boolean failOnDestructive,
    SchemaDiff.Options tables,
    Consumer<Progress> progress,
    java.util.List<Fixture> fixtures,
    java.util.Set<String> stamped) {

  public static final long DEFAULT_SEED = 42;

  public VerifyOptions {
    skips = Map.copyOf(skips);
    Objects.requireNonNull(tables, "tables");
    progress = progress == null ? step -> {} : progress;
    fixtures = java.util.List.copyOf(fixtures);
    stamped = java.util.Set.copyOf(stamped);
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
        java.util.Set.of());
  }

  public VerifyOptions withSeed(long newSeed) {
    return new VerifyOptions(
        newSeed, skips, minimumDowngrade, failOnDestructive, tables, progress, fixtures, stamped);
  }

  public VerifyOptions withSkips(Map<Check, String> newSkips) {
    return new VerifyOptions(
        seed, newSkips, minimumDowngrade, failOnDestructive, tables, progress, fixtures, stamped);
  }

  public VerifyOptions withMinimumDowngrade(String revision) {
    return new VerifyOptions(
        seed, skips, revision, failOnDestructive, tables, progress, fixtures, stamped);
  }

  public VerifyOptions withFailOnDestructive(boolean fail) {
    return new VerifyOptions(
        seed, skips, minimumDowngrade, fail, tables, progress, fixtures, stamped);
  }

  public VerifyOptions withTables(SchemaDiff.Options newTables) {
    return new VerifyOptions(
        seed, skips, minimumDowngrade, failOnDestructive, newTables, progress, fixtures, stamped);
  }

  public VerifyOptions withProgress(Consumer<Progress> newProgress) {
    return new VerifyOptions(
        seed, skips, minimumDowngrade, failOnDestructive, tables, newProgress, fixtures, stamped);
  }

  public VerifyOptions withFixtures(java.util.List<Fixture> newFixtures) {
    return new VerifyOptions(
        seed, skips, minimumDowngrade, failOnDestructive, tables, progress, newFixtures, stamped);
  }

  public VerifyOptions withStamped(java.util.Set<String> revisions) {
    return new VerifyOptions(
        seed, skips, minimumDowngrade, failOnDestructive, tables, progress, fixtures, revisions);
  }
}
