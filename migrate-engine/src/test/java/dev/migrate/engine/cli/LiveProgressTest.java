package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.verify.Progress;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The live progress line of {@code migrate verify} on a terminal, written to a Writer. */
class LiveProgressTest {
  private final StringWriter out = new StringWriter();
  private final AtomicReference<Duration> clock = new AtomicReference<>(Duration.ZERO);
  private final LiveProgress live =
      new LiveProgress(out, List.of("sqlite", "postgresql", "mysql"), clock::get);

  private static Progress step(String backend, int done) {
    return new Progress(backend, "a1", done, 200, backend + " a1 Add: ok (3 ms)");
  }

  @Test
  void oneLineRewrittenInPlaceWithEachBackendsCountAndTheTime() {
    live.redraw();
    assertThat(out.toString()).isEqualTo("\rverify  0:00");

    clock.set(Duration.ofSeconds(14));
    live.accept(step("mysql", 60));
    live.accept(step("sqlite", 120));
    live.accept(step("postgresql", 95));

    assertThat(out.toString()).doesNotContain("\n");
    String last = out.toString().substring(out.toString().lastIndexOf('\r') + 1);
    assertThat(last).isEqualTo("verify  sqlite 120/200  postgresql 95/200  mysql 60/200  0:14");
  }

  @Test
  void aShorterLineCoversWhatTheLongerOneLeftAndClearErasesIt() {
    LiveProgress one = new LiveProgress(out, List.of("sqlite", "mysql"), clock::get);
    clock.set(Duration.ofSeconds(61 * 60 + 5));
    one.accept(step("sqlite", 100)); // verify  sqlite 100/200  61:05
    clock.set(Duration.ofSeconds(5));
    one.accept(step("sqlite", 101)); // verify  sqlite 101/200  0:05, one character shorter
    String text = out.toString();
    assertThat(text.substring(text.lastIndexOf('\r') + 1))
        .isEqualTo("verify  sqlite 101/200  0:05 ");

    one.clear();
    String cleared = out.toString().substring(text.length());
    assertThat(cleared)
        .isEqualTo("\r" + " ".repeat("verify  sqlite 101/200  0:05".length()) + "\r");
  }
}
