package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium lays the page out, and the test reads back
 * what it drew. Skipped, saying why, when no Chromium is installed ({@code apt-get install
 * chromium}). The screenshot is left in {@code target/verify-report.png}.
 */
class HtmlReportBrowserTest {
  private static final Path SCREENSHOT = Path.of("target", "verify-report.png");

  /**
   * Appended to a copy of the page only: the report itself has no script. It writes what the
   * browser laid out into a {@code <pre id="probe">} as JSON, which {@code --dump-dom} then prints.
   */
  private static final String PROBE =
      """
      <script>
      const box = e => e.getBoundingClientRect();
      const nodes = [...document.querySelectorAll('svg g.node')].map(g => ({
        revision: g.dataset.revision,
        stroke: getComputedStyle(g.querySelector('rect')).stroke,
        width: Math.round(box(g).width),
        top: Math.round(box(g).top)
      }));
      const matrix = document.querySelector('table.matrix');
      const probe = document.createElement('pre');
      probe.id = 'probe';
      probe.textContent = JSON.stringify({
        nodes,
        edges: document.querySelectorAll('svg path.edge').length,
        matrixRows: matrix.tBodies[0].rows.length,
        matrixWidth: Math.round(box(matrix).width),
        findings: document.querySelectorAll('article.finding').length
      });
      document.body.appendChild(probe);
      </script>
      """;

  private static Path chromium;

  /** {@code MIGRATE_TEST_CHROMIUM} names the browser; otherwise the usual Debian paths. */
  @BeforeAll
  static void findChromium() {
    String named = System.getenv("MIGRATE_TEST_CHROMIUM");
    Stream<String> candidates =
        named != null && !named.isBlank()
            ? Stream.of(named)
            : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    List<String> tried = new ArrayList<>();
    chromium =
        candidates
            .peek(tried::add)
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(
        chromium != null,
        "no Chromium at "
            + String.join(", ", tried)
            + ": install it (apt-get install chromium) to render the HTML report in a browser");
  }

  @Test
  void theBrowserDrawsOneNodePerRevisionColouredByItsFindingAndTheMatrix(@TempDir Path dir)
      throws Exception {
    String page = HtmlReport.render(Samples.branchAndMerge());
    Path probed = dir.resolve("probed.html");
    Files.writeString(probed, page.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);

    String dom = run(dir, "--dump-dom", probed.toUri().toString());
    int start = dom.indexOf("<pre id=\"probe\">");
    assertThat(start).as("the probe's output in the dumped DOM").isNotNegative();
    String json = dom.substring(start + 16, dom.indexOf("</pre>", start)).replace("&quot;", "\"");
    Map<?, ?> laidOut = (Map<?, ?>) StrictJson.parse(json);

    List<?> nodes = (List<?>) laidOut.get("nodes");
    assertThat(nodes.stream().map(n -> ((Map<?, ?>) n).get("revision")).toList())
        .isEqualTo(List.of(Samples.A, Samples.B, Samples.C, Samples.D, Samples.E));
    List<String> strokes = new ArrayList<>();
    for (Object n : nodes) {
      Map<?, ?> node = (Map<?, ?>) n;
      assertThat((BigDecimal) node.get("width")).isGreaterThan(BigDecimal.valueOf(100));
      strokes.add((String) node.get("stroke"));
    }
    assertThat(strokes)
        .isEqualTo(
            List.of(
                "rgb(26, 127, 55)",
                "rgb(207, 34, 46)",
                "rgb(9, 105, 218)",
                "rgb(26, 127, 55)",
                "rgb(191, 135, 0)"));
    BigDecimal rootTop = (BigDecimal) ((Map<?, ?>) nodes.get(0)).get("top");
    BigDecimal headTop = (BigDecimal) ((Map<?, ?>) nodes.get(4)).get("top");
    assertThat(headTop).isGreaterThan(rootTop);
    assertThat(laidOut.get("edges")).isEqualTo(BigDecimal.valueOf(6));
    assertThat(laidOut.get("matrixRows")).isEqualTo(BigDecimal.valueOf(5));
    assertThat((BigDecimal) laidOut.get("matrixWidth")).isGreaterThan(BigDecimal.valueOf(500));
    assertThat(laidOut.get("findings")).isEqualTo(BigDecimal.valueOf(7));
  }

  @Test
  void theScreenshotShowsTheColoursOfTheGraph(@TempDir Path dir) throws Exception {
    Path report = HtmlReport.write(Samples.branchAndMerge(), dir.resolve("report"));
    Path png = dir.resolve("shot.png");
    run(
        dir,
        "--hide-scrollbars",
        "--window-size=1200,1500",
        "--screenshot=" + png,
        report.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG from Chromium").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    // Node fills, only the graph and the matrix use them: error, warning, info, clean.
    for (int rgb : new int[] {0xffebe9, 0xfff8c5, 0xddf4ff, 0xdafbe1}) {
      assertThat(pixels(image, rgb)).as("pixels of #%06x", rgb).isGreaterThan(500);
    }
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(png, SCREENSHOT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static long pixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  /** Runs headless Chromium with its own profile in {@code dir}; returns what it printed. */
  private static String run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + command);
    }
    assertThat(process.exitValue())
        .as("Chromium's exit code; it said: %s", Files.readString(err))
        .isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
