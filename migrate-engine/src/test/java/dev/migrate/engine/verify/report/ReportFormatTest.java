package dev.migrate.engine.verify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code --format} values and the writer each one picks. */
class ReportFormatTest {

  @Test
  void idsAreTheOptionValues() {
    assertThat(Arrays.stream(ReportFormat.values()).map(ReportFormat::id).toList())
        .isEqualTo(List.of("text", "json", "junit", "markdown"));
    assertThat(ReportFormat.byId(" JUnit ")).contains(ReportFormat.JUNIT);
    assertThat(ReportFormat.byId("html")).isEmpty();
  }

  @Test
  void eachFormatRendersWithItsWriter() {
    var result = Samples.branchAndMerge();
    assertThat(ReportFormat.TEXT.render(result)).isEqualTo(TextReport.render(result));
    assertThat(ReportFormat.JSON.render(result)).isEqualTo(JsonReport.render(result));
    assertThat(ReportFormat.JUNIT.render(result)).isEqualTo(JunitReport.render(result));
    assertThat(ReportFormat.MARKDOWN.render(result)).isEqualTo(MarkdownReport.render(result));
  }
}
