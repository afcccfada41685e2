package dev.migrate.engine.verify.report;

import dev.migrate.engine.verify.VerificationResult;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The formats of {@code migrate verify --format}: {@code text}, {@code json}, {@code junit}, {@code
 * markdown}.
 */
public enum ReportFormat {
  TEXT(TextReport::render),
  JSON(JsonReport::render),
  JUNIT(JunitReport::render),
  MARKDOWN(MarkdownReport::render);

  private final Function<VerificationResult, String> renderer;

  ReportFormat(Function<VerificationResult, String> renderer) {
    this.renderer = renderer;
  }

  public String render(VerificationResult result) {
    return renderer.apply(result);
  }

  /** The option's value: {@code text}, {@code json}, {@code junit}, {@code markdown}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of an option's value, in any case. */
  public static Optional<ReportFormat> byId(String id) {
    for (ReportFormat format : values()) {
      if (format.id().equalsIgnoreCase(id.strip())) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
