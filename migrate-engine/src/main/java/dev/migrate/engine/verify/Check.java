package dev.migrate.engine.verify;

/**
 * The checks verification runs, each reporting one finding code. The labels name the tests of the
 * JUnit extension and the rows of reports: {@code postgresql › 1a2b3c Add task › down restores the
 * schema}.
 */
public enum Check {
  GRAPH_VALID("graph valid", FindingCode.GRAPH_INVALID),
  SINGLE_HEAD("single head", FindingCode.MULTIPLE_HEADS),
  UPGRADE("upgrade", FindingCode.UPGRADE_FAILED),
  REVERSIBLE("has a downgrade", FindingCode.IRREVERSIBLE),
  DOWNGRADE("downgrade", FindingCode.DOWNGRADE_FAILED),
  DOWN_RESTORES_SCHEMA("down restores the schema", FindingCode.DOWNGRADE_LEAVES_TRACE),
  UP_REPEATABLE("up again gives the same schema", FindingCode.UPGRADE_NOT_REPEATABLE),
  DATA_KEPT("data round trip", FindingCode.DATA_LOSS),
  NOT_DESTRUCTIVE("destructive lint", FindingCode.DESTRUCTIVE_CHANGE),
  MODELS_MATCH("models match at head", FindingCode.MODEL_DRIFT),
  /**
   * Reported only where it has something to say: per applied revision of {@code --against}'s
   * database, and for a Java revision whose checksum changes from one load to the next.
   */
  CHECKSUM_UNCHANGED("checksum unchanged", FindingCode.CHECKSUM_MISMATCH);

  private final String label;
  private final FindingCode code;

  Check(String label, FindingCode code) {
    this.label = label;
    this.code = code;
  }

  public String label() {
    return label;
  }

  public FindingCode code() {
    return code;
  }

  /** The setting's name of this check, for include/exclude and opt-outs: {@code data_loss}. */
  public String id() {
    return code.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The check of a setting's name: a finding code in lower or upper case. */
  public static java.util.Optional<Check> byId(String id) {
    for (Check check : values()) {
      if (check.id().equalsIgnoreCase(id.strip())
          || check.code.name().equalsIgnoreCase(id.strip())) {
        return java.util.Optional.of(check);
      }
    }
    return java.util.Optional.empty();
  }

  /** Every check's id, for messages: "graph_invalid, multiple_heads, ...". */
  public static String ids() {
    return java.util.Arrays.stream(values())
        .map(Check::id)
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
