package dev.migrate.engine.verify;

import java.util.List;
import java.util.Objects;

/**
 * One verification result.
 *
 * @param code what kind of finding
 * @param severity error, warning or info
 * @param backend the database it was found on ({@code sqlite}, {@code postgresql}, {@code mysql}),
 *     or null for findings about the revision graph itself
 * @param revision the revision it is about, or null when it is about the graph or the models
 * @param message one sentence saying what is wrong
 * @param details the differences, one plain-words sentence each, in the words of {@code migrate
 *     check}
 */
public record Finding(
    FindingCode code,
    Severity severity,
    String backend,
    String revision,
    String message,
    List<String> details) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    details = List.copyOf(details);
  }

  /** A finding with the code's own severity. */
  public static Finding of(
      FindingCode code, String backend, String revision, String message, List<String> details) {
    return new Finding(code, code.severity(), backend, revision, message, details);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code ERROR DOWNGRADE_LEAVES_TRACE postgresql 1a2b3c: message}, then the details indented. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(severity.name()).append(' ').append(code.name());
    if (backend != null) {
      s.append(' ').append(backend);
    }
    if (revision != null) {
      s.append(' ').append(revision);
    }
    s.append(": ").append(message);
    for (String detail : details) {
      s.append("\n    ").append(detail);
    }
    return s.toString();
  }
}
