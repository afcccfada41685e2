package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.verify.BackendRun;
import dev.migrate.engine.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML page read back as XML: graph nodes and edges, matrix, findings, escaping. */
class HtmlReportTest {

  @Test
  void oneNodePerRevisionColouredByItsWorstFindingOverAllBackends() throws Exception {
    Element page = page(Samples.branchAndMerge());
    Map<String, String> classes = new LinkedHashMap<>();
    for (Element node : all(page, "//*[local-name()='g' and contains(@class, 'node')]")) {
      classes.put(node.getAttribute("data-revision"), node.getAttribute("class"));
    }
    assertThat(classes)
        .isEqualTo(
            Map.of(
                Samples.A, "node clean",
                Samples.B, "node error",
                Samples.C, "node info",
                Samples.D, "node clean",
                Samples.E, "node warning head"));
    Element e = all(page, "//*[@data-revision='" + Samples.E + "' and local-name()='g']").get(0);
    assertThat(all(e, "*[local-name()='title']").get(0).getTextContent())
        .isEqualTo(
            "e1f2a3b4c5d6 Drop legacy <note> & \"flags\" (head)\n"
                + "worst: warning, 4 findings\nversions/e.sql");
  }

  @Test
  void nodesInLayersFromTheRootsAndEdgesFromParentToChild() throws Exception {
    Element page = page(Samples.branchAndMerge());
    Map<String, Integer> y = new LinkedHashMap<>();
    for (Element node : all(page, "//*[local-name()='g' and contains(@class, 'node')]")) {
      Matcher m =
          Pattern.compile("translate\\(\\S+ (\\S+)\\)").matcher(node.getAttribute("transform"));
      assertThat(m.matches()).isTrue();
      y.put(node.getAttribute("data-revision"), Integer.parseInt(m.group(1)));
    }
    assertThat(y.get(Samples.A)).isLessThan(y.get(Samples.B));
    assertThat(y.get(Samples.B)).isEqualTo(y.get(Samples.C));
    assertThat(y.get(Samples.C)).isLessThan(y.get(Samples.D));
    assertThat(y.get(Samples.D)).isLessThan(y.get(Samples.E));
    assertThat(edges(page, "parent"))
        .isEqualTo(
            List.of(
                Samples.A + ">" + Samples.B,
                Samples.A + ">" + Samples.C,
                Samples.B + ">" + Samples.D,
                Samples.C + ">" + Samples.D,
                Samples.D + ">" + Samples.E));
    assertThat(edges(page, "depends-on")).isEqualTo(List.of(Samples.C + ">" + Samples.E));
  }

  @Test
  void theMatrixHasARowPerRevisionAndACellPerBackend() throws Exception {
    Element page = page(Samples.branchAndMerge());
    assertThat(all(page, "//table[@class='matrix']")).hasSize(1);
    List<String> rows = new ArrayList<>();
    for (Element row : all(page, "//table[@class='matrix']/tbody/tr")) {
      StringBuilder line = new StringBuilder(row.getAttribute("data-revision"));
      for (Element cell : all(row, "td[contains(@class, 'cell')]")) {
        line.append(' ')
            .append(cell.getAttribute("data-backend"))
            .append('=')
            .append(cell.getAttribute("class").substring("cell ".length()));
      }
      rows.add(line.toString());
    }
    assertThat(rows)
        .isEqualTo(
            List.of(
                Samples.A + " sqlite=clean postgresql=clean mysql=not-run",
                Samples.B + " sqlite=clean postgresql=error mysql=not-run",
                Samples.C + " sqlite=clean postgresql=info mysql=not-run",
                Samples.D + " sqlite=clean postgresql=clean mysql=not-run",
                Samples.E + " sqlite=warning postgresql=warning mysql=not-run"));
    assertThat(text(page, "//table[@class='matrix']//th[@class='skipped']/@title"))
        .isEqualTo("skipped: MIGRATE_TEST_MYSQL_URL is not set");
  }

  @Test
  void everyFindingWithItsDetailLines() throws Exception {
    Element page = page(Samples.branchAndMerge());
    List<Element> findings = all(page, "//article[contains(@class, 'finding')]");
    assertThat(findings.stream().map(f -> f.getAttribute("data-code")).toList())
        .isEqualTo(
            List.of(
                "DESTRUCTIVE_CHANGE",
                "IRREVERSIBLE",
                "DOWNGRADE_LEAVES_TRACE",
                "UPGRADE_NOT_REPEATABLE",
                "DATA_LOSS",
                "DESTRUCTIVE_CHANGE",
                "IRREVERSIBLE"));
    Element trace = findings.get(2);
    assertThat(trace.getAttribute("class")).isEqualTo("finding error");
    assertThat(all(trace, ".//pre/span").stream().map(Element::getTextContent).toList())
        .isEqualTo(
            List.of(
                "index ix_account_email on account is still there after down",
                "column account.email is still there after down"));
    assertThat(all(findings.get(0), ".//pre/span").get(0).getAttribute("class"))
        .isEqualTo("line removed");
    assertThat(text(page, "//header//*[@class='counts']"))
        .isEqualTo("2 errors, 2 warnings, 3 info");
  }

  @Test
  void selfContainedNoScriptNoNetwork() {
    String html = HtmlReport.render(Samples.branchAndMerge());
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http:")
        .doesNotContain("https:");
  }

  @Test
  void allTextEscaped() throws Exception {
    String html = HtmlReport.render(Samples.tricky());
    assertThat(html).doesNotContain("\u0007").doesNotContain("<b>\"q\"");
    Element page = page(Samples.tricky());
    String visible = Samples.TRICKY.replace("\u0007", "\\u0007");
    assertThat(text(page, "//table[@class='matrix']/tbody/tr/td[2]")).isEqualTo(visible);
    assertThat(text(page, "//article//p[@class='message']")).isEqualTo(visible);
    assertThat(text(page, "//article//pre/span[1]")).isEqualTo(visible);
  }

  @Test
  void anEmptyResultStillRenders() throws Exception {
    VerificationResult empty =
        new VerificationResult(
            List.of(),
            List.of(),
            List.of(new BackendRun("sqlite", null, Duration.ZERO)),
            List.of(),
            List.of(),
            0,
            Duration.ZERO);
    Element page = page(empty);
    assertThat(text(page, "//header//*[@class='verdict']")).isEqualTo("✔ passed");
    assertThat(text(page, "//p[@class='none']")).isEqualTo("No findings.");
  }

  @Test
  void writeCreatesIndexHtmlInTheReportDirectory(@TempDir Path dir) throws Exception {
    Path file = HtmlReport.write(Samples.branchAndMerge(), dir.resolve("verify-report"));
    assertThat(file).isEqualTo(dir.resolve("verify-report/index.html"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(HtmlReport.render(Samples.branchAndMerge()));
  }

  private static Element page(VerificationResult result) throws Exception {
    String html = HtmlReport.render(result);
    // The page is well-formed XML; its doctype has no DTD, so the strict parser takes it without
    // it.
    return JunitReportTest.parse(html.replaceFirst("<!DOCTYPE html>\n", ""));
  }

  private static List<String> edges(Element page, String kind) throws Exception {
    return all(page, "//*[local-name()='path' and @class='edge " + kind + "']").stream()
        .map(e -> e.getAttribute("data-from") + ">" + e.getAttribute("data-to"))
        .toList();
  }

  static List<Element> all(Element context, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element context, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, context);
  }
}
