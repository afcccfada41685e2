package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML read back with the JDK's parser: suites, cases, counts, names and escaping. */
class JunitReportTest {

  @Test
  void oneSuiteForTheGraphAndOnePerBackendWithTheirCounts() throws Exception {
    Element root = parse(JunitReport.render(Samples.branchAndMerge()));
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(attributes(root)).isEqualTo(List.of("75", "4", "0", "10", "12.345"));
    List<Element> suites = children(root, "testsuite");
    assertThat(suites.stream().map(s -> s.getAttribute("name")).toList())
        .isEqualTo(
            List.of(
                "migrate.verify.graph",
                "migrate.verify.sqlite",
                "migrate.verify.postgresql",
                "migrate.verify.mysql"));
    assertThat(attributes(suites.get(0))).isEqualTo(List.of("2", "0", "0", "0", "2.345"));
    assertThat(attributes(suites.get(1))).isEqualTo(List.of("36", "1", "0", "4", "2.100"));
    assertThat(attributes(suites.get(2))).isEqualTo(List.of("36", "3", "0", "5", "7.900"));
    assertThat(attributes(suites.get(3))).isEqualTo(List.of("1", "0", "0", "1", "0.000"));
    for (Element suite : suites) {
      List<Element> cases = children(suite, "testcase");
      assertThat(cases).hasSize(Integer.parseInt(suite.getAttribute("tests")));
      assertThat(count(cases, "failure"))
          .isEqualTo(Integer.parseInt(suite.getAttribute("failures")));
      assertThat(count(cases, "skipped"))
          .isEqualTo(Integer.parseInt(suite.getAttribute("skipped")));
      assertThat(cases)
          .allMatch(c -> c.getAttribute("classname").equals(suite.getAttribute("name")));
    }
  }

  @Test
  void aFailedCheckCarriesItsFindingsMessageCodeAndDetails() throws Exception {
    Element root = parse(JunitReport.render(Samples.branchAndMerge()));
    String name = "8b41e0c2d9a7 Add email to account › down restores the schema";
    Element failed = testcase(root, "migrate.verify.postgresql", name);
    assertThat(children(testcase(root, "migrate.verify.sqlite", name), "failure")).isEmpty();
    Element failure = only(failed, "failure");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("the schema after down differs from the schema before up");
    assertThat(failure.getAttribute("type")).isEqualTo("DOWNGRADE_LEAVES_TRACE");
    assertThat(failure.getTextContent())
        .isEqualTo(
            "ERROR DOWNGRADE_LEAVES_TRACE postgresql 8b41e0c2d9a7: the schema after down differs"
                + " from the schema before up\n"
                + "    index ix_account_email on account is still there after down\n"
                + "    column account.email is still there after down");
    assertThat(children(testcase(root, "migrate.verify.graph", "graph valid"), "failure"))
        .isEmpty();
  }

  @Test
  void skippedChecksAndBackendsSayWhyAndInfoGoesToSystemOut() throws Exception {
    Element root = parse(JunitReport.render(Samples.branchAndMerge()));
    assertThat(
            only(
                    testcase(
                        root,
                        "migrate.verify.postgresql",
                        "c05d7e9f1a22 Create task table › data round trip"),
                    "skipped")
                .getAttribute("message"))
        .isEqualTo("check opted out: task rows come from a trigger");
    Element mysql = testcase(root, "migrate.verify.mysql", "mysql");
    assertThat(only(mysql, "skipped").getAttribute("message"))
        .isEqualTo("MIGRATE_TEST_MYSQL_URL is not set");
    List<Element> declared = new ArrayList<>();
    for (Element suite : children(root, "testsuite")) {
      for (Element c : children(suite, "testcase")) {
        if (c.getAttribute("name").endsWith("› has a downgrade")
            && c.getAttribute("name").startsWith(Samples.E)) {
          declared.add(c);
        }
      }
    }
    assertThat(declared).hasSize(2);
    assertThat(only(declared.get(0), "system-out").getTextContent())
        .isEqualTo(
            "INFO IRREVERSIBLE sqlite e1f2a3b4c5d6: declared irreversible: legacy notes are"
                + " dropped for good");
    assertThat(children(declared.get(0), "failure")).isEmpty();
  }

  @Test
  void markupQuotesAndControlCharactersAreEscaped() throws Exception {
    String xml = JunitReport.render(Samples.tricky());
    assertThat(xml).doesNotContain("\u0007").contains("&lt;b&gt;&quot;q&quot; &amp; &#39;a&#39;");
    Element root = parse(xml);
    String visible = Samples.TRICKY.replace("\u0007", "\\u0007");
    Element c = testcase(root, "migrate.verify.sqlite", "r1 " + visible + " › data round trip");
    Element failure = only(c, "failure");
    assertThat(failure.getAttribute("message")).isEqualTo(visible);
    assertThat(failure.getTextContent())
        .isEqualTo(
            "ERROR DATA_LOSS sqlite r1: "
                + visible
                + "\n    "
                + visible
                + "\n    line\nbreak\ttab");
  }

  @Test
  void writeCreatesTheDirectoryAndTheFile(@TempDir Path dir) throws Exception {
    Path file = JunitReport.write(Samples.tricky(), dir.resolve("reports/verify.xml"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(JunitReport.render(Samples.tricky()));
  }

  static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return doc.getDocumentElement();
  }

  private static List<String> attributes(Element e) {
    return List.of(
        e.getAttribute("tests"),
        e.getAttribute("failures"),
        e.getAttribute("errors"),
        e.getAttribute("skipped"),
        e.getAttribute("time"));
  }

  static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element only(Element parent, String tag) {
    List<Element> found = children(parent, tag);
    assertThat(found).as("<%s> in %s", tag, parent.getAttribute("name")).hasSize(1);
    return found.get(0);
  }

  private static long count(List<Element> cases, String tag) {
    return cases.stream().filter(c -> !children(c, tag).isEmpty()).count();
  }

  private static Element testcase(Element root, String classname, String name) {
    List<Element> found = new ArrayList<>();
    for (Element suite : children(root, "testsuite")) {
      for (Element c : children(suite, "testcase")) {
        if (c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name)) {
          found.add(c);
        }
      }
    }
    assertThat(found).as("test case %s", name).hasSize(1);
    return found.get(0);
  }
}
