package dev.migrate.engine.verify;

/** The codes of verification findings, with their usual severity. [contract] */
public enum FindingCode {
  MULTIPLE_HEADS(Severity.ERROR),
  GRAPH_INVALID(Severity.ERROR),
  UPGRADE_FAILED(Severity.ERROR),
  DOWNGRADE_FAILED(Severity.ERROR),
  IRREVERSIBLE(Severity.ERROR),
  DOWNGRADE_LEAVES_TRACE(Severity.ERROR),
  UPGRADE_NOT_REPEATABLE(Severity.ERROR),
  MODEL_DRIFT(Severity.ERROR),
  DATA_LOSS(Severity.ERROR),
  CHECKSUM_MISMATCH(Severity.ERROR),
  DESTRUCTIVE_CHANGE(Severity.WARNING);

  private final Severity severity;

  FindingCode(Severity severity) {
    this.severity = severity;
  }

  /** The severity of a defect of this kind (opt-outs and declared facts are {@code info}). */
  public Severity severity() {
    return severity;
  }
}
