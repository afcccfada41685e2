package dev.migrate.engine.schema;

import static schemacrawler.schemacrawler.InformationSchemaKey.FOREIGN_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.INDEXES;
import static schemacrawler.schemacrawler.InformationSchemaKey.PRIMARY_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLES;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_COLUMNS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_CONSTRAINTS;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;

/**
 * The connection's database, from information_schema. MySQL has no unique constraint apart from its
 * unique index, so every unique index reads as a unique constraint; the index InnoDB adds under a
 * foreign key's name is left out, as is the {@code json_valid} check MariaDB adds to a JSON column
 * (which then reads as JSON, not LONGTEXT).
 *
 * @param mariaDb MariaDB spells defaults and check constraints its own way
 * @param functionalIndexes the server has functional key parts (MySQL 8.0.13 and later): such a
 *     part reads as its expression in parentheses, as on PostgreSQL
 */
record MySqlCatalog(boolean mariaDb, boolean functionalIndexes) implements CatalogQueries {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

  /**
   * The catalog for the server {@code version} names ({@code DatabaseMetaData}'s product version).
   */
  static MySqlCatalog forVersion(String version) {
    String v = version.toLowerCase(Locale.ROOT);
    if (v.contains("mariadb")) {
      return new MySqlCatalog(true, false);
    }
    Matcher m = VERSION.matcher(v);
    boolean functional = false;
    if (m.find()) {
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      int patch = Integer.parseInt(m.group(3));
      functional = major > 8 || (major == 8 && (minor > 0 || patch >= 13));
    }
    return new MySqlCatalog(false, functional);
  }

  /** A key part of information_schema.STATISTICS: its column, or its expression in parentheses. */
  private String keyPart() {
    return functionalIndexes ? "IFNULL(COLUMN_NAME, CONCAT('(', EXPRESSION, ')'))" : "COLUMN_NAME";
  }

  private static final String TABLE_KEY = "TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM";
  private static final String OWN = " TABLE_SCHEMA = DATABASE()";

  @Override
  public InformationSchemaViews views() {
    return InformationSchemaViewsBuilder.builder()
        .withSql(
            TABLES,
            "SELECT "
                + TABLE_KEY
                + ", TABLE_NAME, 'TABLE' AS TABLE_TYPE, NULL AS REMARKS, TABLE_COLLATION,"
                + " TABLE_COMMENT"
                + " FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND"
                + OWN)
        .withSql(
            TABLE_COLUMNS,
            "SELECT "
                + TABLE_KEY
                + ", TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, 1111 AS DATA_TYPE,"
                + " DATA_TYPE AS TYPE_NAME, "
                + varchar("COLUMN_TYPE")
                + " AS COLUMN_TYPE,"
                + " CASE WHEN IS_NULLABLE = 'YES' THEN 1 ELSE 0 END AS NULLABLE,"
                + " COLUMN_DEFAULT AS COLUMN_DEF, CASE WHEN EXTRA LIKE '%auto_increment%'"
                + " THEN 'YES' ELSE 'NO' END AS IS_AUTOINCREMENT, EXTRA, COLLATION_NAME, "
                + varchar("GENERATION_EXPRESSION")
                + " AS GENERATION_EXPRESSION, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE"
                + OWN)
        .withSql(
            PRIMARY_KEYS,
            "SELECT "
                + TABLE_KEY
                + ", TABLE_NAME, COLUMN_NAME, SEQ_IN_INDEX AS KEY_SEQ, INDEX_NAME AS PK_NAME"
                + " FROM information_schema.STATISTICS WHERE INDEX_NAME = 'PRIMARY' AND"
                + OWN)
        .withSql(
            INDEXES,
            "SELECT "
                + TABLE_KEY
                + ", TABLE_NAME, NON_UNIQUE, NULL AS INDEX_QUALIFIER, INDEX_NAME, 3 AS TYPE,"
                + " SEQ_IN_INDEX AS ORDINAL_POSITION, "
                + keyPart()
                + " AS COLUMN_NAME,"
                + " CASE COLLATION WHEN 'D' THEN 'D' ELSE 'A' END AS ASC_OR_DESC,"
                + " 0 AS CARDINALITY, 0 AS PAGES, NULL AS FILTER_CONDITION"
                + " FROM information_schema.STATISTICS WHERE INDEX_NAME <> 'PRIMARY' AND"
                + OWN)
        .withSql(
            FOREIGN_KEYS,
            "SELECT k.REFERENCED_TABLE_SCHEMA AS PKTABLE_CAT, NULL AS PKTABLE_SCHEM,"
                + " k.REFERENCED_TABLE_NAME AS PKTABLE_NAME,"
                + " k.REFERENCED_COLUMN_NAME AS PKCOLUMN_NAME, k.TABLE_SCHEMA AS FKTABLE_CAT,"
                + " NULL AS FKTABLE_SCHEM, k.TABLE_NAME AS FKTABLE_NAME,"
                + " k.COLUMN_NAME AS FKCOLUMN_NAME, k.ORDINAL_POSITION AS KEY_SEQ, "
                + Crawl.jdbcRule("r.UPDATE_RULE")
                + " AS UPDATE_RULE, "
                + Crawl.jdbcRule("r.DELETE_RULE")
                + " AS DELETE_RULE, k.CONSTRAINT_NAME AS FK_NAME, NULL AS PK_NAME,"
                + " 7 AS DEFERRABILITY FROM information_schema.KEY_COLUMN_USAGE k"
                // DISTINCT keeps MariaDB from merging the two: joined directly, it lists the
                // constraints of every database on the server (ten times slower)
                + " JOIN (SELECT DISTINCT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME,"
                + " UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE()) r"
                + " ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME"
                + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL")
        .withSql(TABLE_CONSTRAINTS, checksQuery())
        .toOptions();
  }

  @Override
  public List<String> objectQueries() {
    // separate queries: information_schema tables differ in collation, which a UNION refuses
    List<String> queries = new ArrayList<>();
    // the definition names every table with the database's name, which another copy lacks
    queries.add(
        "SELECT 'v' AS k, NULL AS t, TABLE_NAME AS n, REPLACE(VIEW_DEFINITION,"
            + " CONCAT('`', DATABASE(), '`.'), '') AS d, 0 AS p FROM information_schema.VIEWS WHERE"
            + OWN
            + " ORDER BY TABLE_NAME");
    queries.add(
        "SELECT 't' AS k, EVENT_OBJECT_TABLE AS t, TRIGGER_NAME AS n, CONCAT(ACTION_TIMING,"
            + " ' ', EVENT_MANIPULATION, ' FOR EACH ROW ', ACTION_STATEMENT) AS d,"
            + " ACTION_ORDER AS p"
            + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
            + " ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME");
    // a routine as CREATE states it after its parameters, which routines() puts in front
    queries.add(
        "SELECT IF(ROUTINE_TYPE = 'PROCEDURE', 'p', 'f') AS k, NULL AS t, ROUTINE_NAME AS n,"
            + " CONCAT(IF(ROUTINE_TYPE = 'FUNCTION', CONCAT(' RETURNS ', DTD_IDENTIFIER), ''),"
            + " IF(IS_DETERMINISTIC = 'YES', ' DETERMINISTIC', ' NOT DETERMINISTIC'), ' ',"
            + " SQL_DATA_ACCESS, ' SQL SECURITY ', SECURITY_TYPE, IF(ROUTINE_COMMENT = '', '',"
            + " CONCAT(' COMMENT ', QUOTE(ROUTINE_COMMENT))), ' ', ROUTINE_DEFINITION) AS d,"
            + " 0 AS p FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
            + " ORDER BY ROUTINE_TYPE, ROUTINE_NAME");
    if (mariaDb) {
      queries.add(
          "SELECT 's' AS k, NULL AS t, TABLE_NAME AS n, NULL AS d, 0 AS p"
              + " FROM information_schema.TABLES"
              + " WHERE TABLE_TYPE = 'SEQUENCE' AND"
              + OWN
              + " ORDER BY TABLE_NAME");
    }
    return queries;
  }

  @Override
  public String sequenceDefinition(Connection connection, String name) throws SQLException {
    String sql =
        "SELECT CONCAT_WS(' ', 'START', start_value, 'INCREMENT', increment, 'MINVALUE',"
            + " minimum_value, 'MAXVALUE', maximum_value, 'CACHE', cache_size,"
            + " IF(cycle_option, 'CYCLE', 'NO CYCLE')) FROM `"
            + name.replace("`", "``")
            + "`";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * Each routine as CREATE states it, without its DEFINER: its parameters (one more query, only
   * when there are routines: information_schema.PARAMETERS costs MariaDB as much as the other
   * object queries together) in front of what the object query read.
   */
  @Override
  public List<Schema.Routine> routines(CatalogStatements statements, List<Schema.Routine> read)
      throws SQLException {
    if (read.isEmpty()) {
      return read;
    }
    Map<String, String> parameters = new HashMap<>();
    try (ResultSet rs =
        statements.query(
            "SELECT ROUTINE_TYPE, SPECIFIC_NAME, GROUP_CONCAT(CONCAT_WS(' ', PARAMETER_MODE,"
                + " PARAMETER_NAME, DTD_IDENTIFIER) ORDER BY ORDINAL_POSITION SEPARATOR ', ')"
                + " FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = DATABASE()"
                + " AND ORDINAL_POSITION > 0 GROUP BY ROUTINE_TYPE, SPECIFIC_NAME")) {
      while (rs.next()) {
        parameters.put(
            rs.getString(1).toLowerCase(Locale.ROOT) + " " + rs.getString(2), rs.getString(3));
      }
    }
    List<Schema.Routine> routines = new ArrayList<>();
    for (Schema.Routine routine : read) {
      String kind = routine.kind();
      routines.add(
          new Schema.Routine(
              routine.name(),
              null,
              routine.procedure(),
              "CREATE "
                  + kind.toUpperCase(Locale.ROOT)
                  + " `"
                  + routine.name().replace("`", "``")
                  + "`("
                  + parameters.getOrDefault(kind + " " + routine.name(), "")
                  + ")"
                  + routine.definition()));
    }
    return routines;
  }

  private String checksQuery() {
    // MySQL's CHECK_CONSTRAINTS has no table column; MariaDB's does
    String table = mariaDb ? "" : "t.";
    String select =
        "SELECT "
            + table
            + "CONSTRAINT_SCHEMA AS CONSTRAINT_CATALOG, NULL AS CONSTRAINT_SCHEMA, "
            + table
            + "CONSTRAINT_NAME, TABLE_NAME, 'CHECK' AS CONSTRAINT_TYPE, 'NO' AS IS_DEFERRABLE,"
            + " 'NO' AS INITIALLY_DEFERRED, "
            + varchar("CHECK_CLAUSE")
            + " AS CHECK_CLAUSE";
    return mariaDb
        ? select + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
        : select
            + " FROM information_schema.TABLE_CONSTRAINTS t"
            + " JOIN information_schema.CHECK_CONSTRAINTS c"
            + " ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
            + " AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
            + " WHERE t.CONSTRAINT_SCHEMA = DATABASE() AND t.CONSTRAINT_TYPE = 'CHECK'";
  }

  /**
   * A TEXT column as VARCHAR: SchemaCrawler reads each TEXT value it keeps as an attribute through
   * a 64K-character buffer, which took most of a load's time.
   */
  private static String varchar(String column) {
    return "CAST(" + column + " AS CHAR(16000))";
  }

  @Override
  public void limit(
      Connection connection, SchemaRetrievalOptionsBuilder retrieval, LimitOptionsBuilder limit)
      throws SQLException {
    String database = connection.getCatalog();
    if (database == null || database.isBlank()) {
      throw MigrateException.badInput(
          "the connection has no current database to read; name it in the URL,"
              + " e.g. jdbc:mysql://host:3306/app");
    }
    retrieval.withDoesNotSupportSchemas();
    limit.includeSchemas(Pattern.compile(Pattern.quote(database)));
  }

  @Override
  public Schema.Table table(LoadedTable loaded, List<Schema.Trigger> triggers) {
    String name = loaded.name();
    String tableCollation = loaded.attribute("TABLE_COLLATION");
    List<Schema.CheckConstraint> checks = new ArrayList<>();
    Set<String> jsonColumns = new HashSet<>();
    for (LoadedTable.Check check : Crawl.checks(loaded)) {
      String checkName = check.name();
      String clause = check.attribute("CHECK_CLAUSE");
      if (clause.replace(" ", "").equalsIgnoreCase("json_valid(`" + checkName + "`)")) {
        jsonColumns.add(checkName);
        continue;
      }
      boolean invented = checkName.matches("CONSTRAINT_\\d+") || checkName.matches(".*_chk_\\d+");
      checks.add(
          new Schema.CheckConstraint(invented ? null : checkName, Expressions.stripParens(clause)));
    }
    List<Schema.Column> columns = new ArrayList<>();
    for (LoadedTable.Column column : loaded.columns()) {
      ColumnType type =
          jsonColumns.contains(column.name())
              ? ColumnType.JSON
              : Normalise.type(DatabaseKind.MYSQL, column.declaredType());
      String extra = String.valueOf(column.attribute("EXTRA")).toLowerCase(Locale.ROOT);
      String collation = column.attribute("COLLATION_NAME");
      // MySQL gives '' for a column that is not generated, MariaDB NULL
      String expression = column.attribute("GENERATION_EXPRESSION");
      Schema.Generated generated =
          expression == null || expression.isEmpty()
              ? null
              : new Schema.Generated(expression, extra.contains("stored generated"));
      columns.add(
          new Schema.Column(
              column.name(),
              type,
              column.nullable(),
              generated != null
                  ? null
                  : Normalise.defaultValue(liveDefault(column.defaultValue(), extra), type),
              column.autoincrement(),
              // MariaDB's JSON is LONGTEXT in utf8mb4_bin, which the type implies
              collation == null || collation.equals(tableCollation) || type == ColumnType.JSON
                  ? null
                  : collation,
              generated,
              comment(column.attribute("COLUMN_COMMENT"))));
    }
    List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
    for (LoadedTable.ForeignKey foreignKey : loaded.foreignKeys()) {
      boolean invented = foreignKey.name().matches(Pattern.quote(name) + "_ibfk_\\d+");
      foreignKeys.add(
          Crawl.foreignKey(
              DatabaseKind.MYSQL, foreignKey, keyColumns -> invented ? null : foreignKey.name()));
    }
    List<Schema.Index> indexes = new ArrayList<>();
    List<Schema.UniqueConstraint> uniques = new ArrayList<>();
    for (LoadedTable.Index index : loaded.indexes()) {
      List<String> keyColumns = index.columns();
      String indexName = index.name();
      if (index.unique()) {
        boolean invented =
            indexName.equals(keyColumns.get(0))
                || indexName.matches(Pattern.quote(keyColumns.get(0)) + "_\\d+");
        uniques.add(new Schema.UniqueConstraint(invented ? null : indexName, keyColumns));
      } else if (!foreignKeyIndex(loaded, indexName, keyColumns)) {
        indexes.add(new Schema.Index(indexName, keyColumns, false, index.descending(), null));
      }
    }
    Schema.PrimaryKey primaryKey =
        loaded.primaryKey() != null
            ? new Schema.PrimaryKey(null, loaded.primaryKey().columns())
            : null;
    return new Schema.Table(
            name, columns, primaryKey, indexes, uniques, foreignKeys, checks, triggers)
        .withComment(comment(loaded.attribute("TABLE_COMMENT")));
  }

  /** MySQL says "no comment" with an empty one. */
  private static String comment(String comment) {
    return comment == null || comment.isEmpty() ? null : comment;
  }

  /**
   * COLUMN_DEFAULT as a SQL expression: MariaDB gives one ('text', NULL, current_timestamp());
   * MySQL gives the bare value and marks expressions DEFAULT_GENERATED.
   */
  private String liveDefault(String value, String extra) {
    if (value == null || mariaDb || extra.contains("default_generated")) {
      return value;
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * The index InnoDB creates for a foreign key that has none: named after the key, or after its
   * first column when the key itself is unnamed.
   */
  private static boolean foreignKeyIndex(LoadedTable table, String name, List<String> columns) {
    for (LoadedTable.ForeignKey foreignKey : table.foreignKeys()) {
      if (foreignKey.columns().equals(columns)
          && (name.equals(foreignKey.name())
              || name.equals(columns.get(0))
              || name.matches(Pattern.quote(columns.get(0)) + "_\\d+"))) {
        return true;
      }
    }
    return false;
  }
}
