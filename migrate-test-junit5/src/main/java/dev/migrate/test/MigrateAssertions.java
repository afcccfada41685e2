package dev.migrate.test;

import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.verify.Finding;
import dev.migrate.engine.verify.FindingCode;
import dev.migrate.engine.verify.Severity;
import dev.migrate.engine.verify.VerificationResult;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;

/**
 * AssertJ assertions on schemas, differences and verification findings, whose failures say what is
 * there in plain words:
 *
 * <pre>{@code
 * assertThat(db.schema()).hasTable("task").hasColumn("title").ofType(varchar(200)).notNull();
 * assertThatDifferences(diff).isEmpty();
 * assertThat(result).hasNoErrors();
 * assertThat(result).containsCode(DATA_LOSS).forRevision("3f2a9c1d7b10");
 * assertThat(db.query("select first_name, last_name from account")).containsExactly(tuple("Ada", "Lovelace"));
 * }</pre>
 */
public final class MigrateAssertions {
  private MigrateAssertions() {}

  public static SchemaAssert assertThat(Schema schema) {
    return new SchemaAssert(schema);
  }

  public static FindingsAssert assertThat(VerificationResult result) {
    return new FindingsAssert(result.findings());
  }

  /**
   * The rows of a query as AssertJ tuples, to compare with {@code tuple(...)}: {@code
   * assertThat(db.query("select first_name, last_name from account")).containsExactly(tuple("Ada",
   * "Lovelace"))}.
   */
  public static ListAssert<Tuple> assertThat(Rows rows) {
    return Assertions.assertThat(rows.stream().map(row -> Tuple.tuple(row.toArray())).toList());
  }

  public static DifferencesAssert assertThatDifferences(List<Difference> differences) {
    return new DifferencesAssert(differences);
  }

  public static final class SchemaAssert extends AbstractAssert<SchemaAssert, Schema> {
    SchemaAssert(Schema actual) {
      super(actual, SchemaAssert.class);
    }

    public TableAssert hasTable(String name) {
      isNotNull();
      Schema.Table table =
          actual
              .table(name)
              .orElseThrow(
                  () ->
                      failure(
                          "Expecting a table %s but the schema has %s",
                          name, actual.tables().stream().map(Schema.Table::name).toList()));
      return new TableAssert(table);
    }

    public SchemaAssert hasNoTable(String name) {
      isNotNull();
      if (actual.table(name).isPresent()) {
        throw failure("Expecting no table %s but the schema has it", name);
      }
      return this;
    }
  }

  public static final class TableAssert extends AbstractAssert<TableAssert, Schema.Table> {
    TableAssert(Schema.Table actual) {
      super(actual, TableAssert.class);
    }

    public ColumnAssert hasColumn(String name) {
      Schema.Column column =
          actual
              .column(name)
              .orElseThrow(
                  () ->
                      failure(
                          "Expecting table %s to have a column %s but it has %s",
                          actual.name(),
                          name,
                          actual.columns().stream().map(Schema.Column::name).toList()));
      return new ColumnAssert(actual.name(), column);
    }

    public TableAssert hasIndex(String name) {
      if (actual.indexes().stream().noneMatch(i -> i.name().equalsIgnoreCase(name))) {
        throw failure(
            "Expecting table %s to have an index %s but it has %s",
            actual.name(), name, actual.indexes().stream().map(Schema.Index::name).toList());
      }
      return this;
    }
  }

  public static final class ColumnAssert extends AbstractAssert<ColumnAssert, Schema.Column> {
    private final String table;

    ColumnAssert(String table, Schema.Column actual) {
      super(actual, ColumnAssert.class);
      this.table = table;
    }

    /** The same logical type (INT and INTEGER are one type; VARCHAR(100) and (200) are not). */
    public ColumnAssert ofType(ColumnType type) {
      if (!actual.type().kind().equals(type.kind())
          || !java.util.Objects.equals(actual.type().length(), type.length())
          || !java.util.Objects.equals(actual.type().precision(), type.precision())
          || !java.util.Objects.equals(actual.type().scale(), type.scale())) {
        throw failure(
            "Expecting column %s.%s to be %s but it is %s",
            table, actual.name(), spelled(type), spelled(actual.type()));
      }
      return this;
    }

    private static String spelled(ColumnType type) {
      if (type.kind() == ColumnType.Kind.CUSTOM) {
        return type.sql();
      }
      if (type.length() != null) {
        return type.kind() + "(" + type.length() + ")";
      }
      if (type.kind() == ColumnType.Kind.DECIMAL) {
        return "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      }
      return type.kind().name();
    }

    public ColumnAssert notNull() {
      if (actual.nullable()) {
        throw failure(
            "Expecting column %s.%s to be NOT NULL but it is nullable", table, actual.name());
      }
      return this;
    }

    public ColumnAssert nullable() {
      if (!actual.nullable()) {
        throw failure(
            "Expecting column %s.%s to be nullable but it is NOT NULL", table, actual.name());
      }
      return this;
    }
  }

  public static final class DifferencesAssert
      extends AbstractAssert<DifferencesAssert, List<Difference>> {
    DifferencesAssert(List<Difference> actual) {
      super(actual, DifferencesAssert.class);
    }

    /** No difference; the failure lists each in the words of {@code migrate check}. */
    public DifferencesAssert isEmpty() {
      isNotNull();
      if (!actual.isEmpty()) {
        throw failure(
            "Expecting no differences but found %d:%n  %s",
            actual.size(),
            actual.stream().map(Difference::describe).collect(Collectors.joining("\n  ")));
      }
      return this;
    }
  }

  public static final class FindingsAssert extends AbstractAssert<FindingsAssert, List<Finding>> {
    FindingsAssert(List<Finding> actual) {
      super(actual, FindingsAssert.class);
    }

    public FindingsAssert hasNoErrors() {
      List<Finding> errors = actual.stream().filter(f -> f.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        throw failure("Expecting no error findings but found:%n%s", describe(errors));
      }
      return this;
    }

    /** The findings of {@code code}; fails when there is none. */
    public FindingsAssert containsCode(FindingCode code) {
      List<Finding> found = actual.stream().filter(f -> f.code() == code).toList();
      if (found.isEmpty()) {
        throw failure("Expecting a %s finding but found:%n%s", code, describe(actual));
      }
      return new FindingsAssert(found);
    }

    /** Narrows to the findings about {@code revision}; fails when there is none. */
    public FindingsAssert forRevision(String revision) {
      List<Finding> found = actual.stream().filter(f -> revision.equals(f.revision())).toList();
      if (found.isEmpty()) {
        throw failure("Expecting a finding for revision %s among:%n%s", revision, describe(actual));
      }
      return new FindingsAssert(found);
    }

    private static String describe(List<Finding> findings) {
      return findings.isEmpty()
          ? "  (none)"
          : findings.stream().map(f -> "  " + f.describe()).collect(Collectors.joining("\n"));
    }
  }
}
