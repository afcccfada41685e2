package dev.migrate.engine.cli;

import dev.migrate.engine.verify.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code migrate verify}'s progress on a terminal: one line, rewritten in place after a carriage
 * return as each backend verifies a revision, {@code verify sqlite 120/200 postgresql 95/200 0:14},
 * and erased by {@link #clear} before the report is printed. Where the output is a log or a pipe,
 * the CLI prints {@link Progress#line} per revision instead.
 */
final class LiveProgress implements Consumer<Progress> {
  private final Writer out;
  private final Supplier<Duration> elapsed;
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private int shown;
  private boolean cleared;

  /**
   * @param backends the backends asked for, in the order shown; each shows from its first revision
   *     on (one skipped for want of a server never does)
   * @param elapsed the time since verification began
   */
  LiveProgress(Writer out, List<String> backends, Supplier<Duration> elapsed) {
    this.out = out;
    this.elapsed = elapsed;
    for (String backend : backends) {
      counts.put(backend, null);
    }
  }

  /** Draws the line as it is now: before the first revision is done, and as the clock moves. */
  synchronized void redraw() {
    draw();
  }

  @Override
  public synchronized void accept(Progress progress) {
    counts.put(progress.backend(), new int[] {progress.done(), progress.total()});
    draw();
  }

  /** Draws again after {@link #clear}, for a note printed on a line of its own in between. */
  synchronized void resume() {
    cleared = false;
    draw();
  }

  /** Erases the line, leaving the cursor at its start; nothing is drawn after it until resumed. */
  synchronized void clear() {
    write("\r" + " ".repeat(shown) + "\r");
    shown = 0;
    cleared = true;
  }

  /** The line as it reads now. */
  synchronized String line() {
    StringBuilder line = new StringBuilder("verify ");
    counts.forEach(
        (backend, count) -> {
          if (count != null) {
            line.append(' ')
                .append(backend)
                .append(' ')
                .append(count[0])
                .append('/')
                .append(count[1])
                .append(' ');
          }
        });
    long seconds = elapsed.get().toSeconds();
    return line.append(' ')
        .append(seconds / 60)
        .append(':')
        .append(String.format("%02d", seconds % 60))
        .toString();
  }

  private void draw() {
    if (cleared) {
      return;
    }
    String line = line();
    // spaces cover what a longer line before left behind
    write("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    shown = line.length();
  }

  private void write(String text) {
    try {
      out.write(text);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
