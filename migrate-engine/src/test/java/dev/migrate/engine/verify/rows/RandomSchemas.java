package dev.migrate.engine.verify.rows;

import dev.migrate.engine.dialect.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random CREATE TABLE sets in a backend's own SQL: columns of every kind (and some of the
 * backend's own types, PostgreSQL enums, MySQL ENUM), NULL and NOT NULL, primary keys single,
 * composite, autoincrement or none, unique constraints, foreign keys to earlier tables, to the
 * table itself and (through a nullable column) to a later table, and CHECK constraints of the
 * simple forms the generator understands.
 */
final class RandomSchemas {
  private final DatabaseKind kind;
  private final Random random;
  private final List<String> statements = new ArrayList<>();
  private final List<String> afterwards = new ArrayList<>();
  private final List<Key> keys = new ArrayList<>();
  private final List<TableText> tables = new ArrayList<>();
  private int enums;

  /** A table's column definitions and table constraints, rendered once all tables are made. */
  private record TableText(String name, List<String> columns, List<String> constraints) {
    String sql() {
      List<String> parts = new ArrayList<>(columns);
      parts.addAll(constraints);
      return "CREATE TABLE " + name + " (\n  " + String.join(",\n  ", parts) + "\n)";
    }
  }

  /** A table's single-column primary key that others can reference. */
  private record Key(String table, String column, String type) {}

  private RandomSchemas(DatabaseKind kind, long seed) {
    this.kind = kind;
    this.random = new Random(seed);
  }

  /** The statements that create the schema, in order. */
  static List<String> statements(DatabaseKind kind, long seed) {
    RandomSchemas schemas = new RandomSchemas(kind, seed);
    int tables = 2 + schemas.random.nextInt(4);
    for (int t = 0; t < tables; t++) {
      schemas.table("t" + t, t);
    }
    List<String> all = new ArrayList<>(schemas.statements);
    schemas.tables.forEach(t -> all.add(t.sql()));
    all.addAll(schemas.afterwards);
    return all;
  }

  private void table(String name, int index) {
    List<String> parts = new ArrayList<>();
    List<String> checkable = new ArrayList<>();
    List<String> constraints = new ArrayList<>();
    int shape = random.nextInt(5);
    String keyType = null;
    String keyColumn = null;
    switch (shape) {
      case 0 -> parts.add(autoincrementKey());
      case 1 -> {
        parts.add("id " + pick("INTEGER", "BIGINT") + " NOT NULL PRIMARY KEY");
      }
      case 2 -> parts.add("code VARCHAR(" + (4 + random.nextInt(30)) + ") NOT NULL PRIMARY KEY");
      case 3 -> {
        parts.add("a INTEGER NOT NULL");
        parts.add("b VARCHAR(12) NOT NULL");
        constraints.add("PRIMARY KEY (a, b)");
      }
      default -> {} // no primary key
    }
    if (shape <= 1) {
      keyColumn = "id";
      keyType = kind == DatabaseKind.SQLITE || shape == 0 ? "INTEGER" : parts.get(0).split(" ")[1];
      if (shape == 0 && kind == DatabaseKind.POSTGRESQL) {
        keyType = "INTEGER";
      }
    } else if (shape == 2) {
      keyColumn = "code";
      keyType = parts.get(0).split(" ")[1];
    }
    int columns = 2 + random.nextInt(7);
    List<String> uniqueCandidates = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String column = "c" + c;
      Column made = column(column);
      boolean notNull = random.nextInt(3) == 0;
      parts.add(column + " " + made.type + (notNull ? " NOT NULL" : ""));
      if (made.check != null && random.nextInt(2) == 0) {
        checkable.add(made.check);
      }
      if (made.uniqueOk && (made.check == null || !made.check.contains(" IN ("))) {
        uniqueCandidates.add(column);
      }
    }
    if (!uniqueCandidates.isEmpty() && random.nextInt(2) == 0) {
      String first = uniqueCandidates.get(random.nextInt(uniqueCandidates.size()));
      String second = uniqueCandidates.get(random.nextInt(uniqueCandidates.size()));
      String list = first.equals(second) || random.nextBoolean() ? first : first + ", " + second;
      constraints.add("CONSTRAINT uq_" + name + " UNIQUE (" + list + ")");
    }
    if (random.nextInt(4) == 0 && kind != DatabaseKind.SQLITE) {
      parts.add("g BIGINT GENERATED ALWAYS AS (c0_len) STORED".replace("c0_len", "1"));
    }
    if (!keys.isEmpty() && random.nextInt(4) != 0) {
      Key parent = keys.get(random.nextInt(keys.size()));
      boolean notNull = random.nextInt(3) == 0;
      parts.add("p_" + parent.table + " " + parent.type + (notNull ? " NOT NULL" : ""));
      constraints.add(
          "FOREIGN KEY (p_"
              + parent.table
              + ") REFERENCES "
              + parent.table
              + " ("
              + parent.column
              + ")");
    }
    if (keyColumn != null && random.nextInt(3) == 0) {
      boolean notNull = random.nextInt(3) == 0 && shape != 0;
      parts.add("parent_" + keyColumn + " " + keyType + (notNull ? " NOT NULL" : ""));
      constraints.add(
          "FOREIGN KEY (parent_" + keyColumn + ") REFERENCES " + name + " (" + keyColumn + ")");
    }
    for (int k = 0; k < checkable.size(); k++) {
      boolean named = random.nextBoolean();
      constraints.add(
          (named ? "CONSTRAINT ck_" + name + "_" + k + " " : "")
              + "CHECK ("
              + checkable.get(k)
              + ")");
    }
    tables.add(new TableText(name, parts, constraints));
    if (keyColumn != null) {
      Key key = new Key(name, keyColumn, keyType);
      if (index > 0 && random.nextInt(4) == 0) {
        // a cycle: the first table points at this later one through a nullable column
        String column = "later_" + name;
        if (kind == DatabaseKind.SQLITE) {
          tables.get(0).columns().add(column + " " + keyType);
          tables
              .get(0)
              .constraints()
              .add("FOREIGN KEY (" + column + ") REFERENCES " + name + " (" + keyColumn + ")");
        } else {
          afterwards.add("ALTER TABLE t0 ADD COLUMN " + column + " " + keyType);
          afterwards.add(
              "ALTER TABLE t0 ADD FOREIGN KEY ("
                  + column
                  + ") REFERENCES "
                  + name
                  + " ("
                  + keyColumn
                  + ")");
        }
      }
      keys.add(key);
    }
  }

  private String autoincrementKey() {
    return switch (kind) {
      case POSTGRESQL ->
          pick(
              "id SERIAL PRIMARY KEY",
              "id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
              "id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
      case MYSQL -> "id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY";
      case SQLITE -> pick("id INTEGER PRIMARY KEY", "id INTEGER PRIMARY KEY AUTOINCREMENT");
    };
  }

  /** A column's type, a check on it of a simple form, and whether it may be in a unique key. */
  private record Column(String type, String check, boolean uniqueOk) {}

  private Column column(String name) {
    int choice = random.nextInt(22);
    switch (choice) {
      case 0:
        return new Column("SMALLINT", numericCheck(name, 1, 30000), true);
      case 1:
        return new Column("INTEGER", numericCheck(name, -1000, 1_000_000), true);
      case 2:
        return new Column("BIGINT", numericCheck(name, 0, 1_000_000_000_000L), true);
      case 3, 4:
        {
          int length = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(200);
          return new Column("VARCHAR(" + length + ")", textCheck(name, length), true);
        }
      case 5:
        {
          int length = 1 + random.nextInt(20);
          return new Column("CHAR(" + length + ")", textCheck(name, length), true);
        }
      case 6:
        return new Column("TEXT", textCheck(name, 1000), kind != DatabaseKind.MYSQL);
      case 7:
        return new Column("BOOLEAN", null, false);
      case 8:
        return new Column("DATE", null, true);
      case 9:
        return new Column(
            kind == DatabaseKind.SQLITE ? "TIME" : "TIME(" + random.nextInt(7) + ")", null, false);
      case 10:
        {
          int p = random.nextInt(7);
          return new Column(
              switch (kind) {
                case POSTGRESQL -> "TIMESTAMP(" + p + ")";
                case MYSQL -> "DATETIME(" + p + ")";
                case SQLITE -> "TIMESTAMP";
              },
              null,
              true);
        }
      case 11:
        {
          int p = random.nextInt(7);
          return new Column(
              switch (kind) {
                case POSTGRESQL -> "TIMESTAMPTZ(" + p + ")";
                case MYSQL -> "TIMESTAMP(" + p + ") NULL";
                case SQLITE -> "DATETIME";
              },
              null,
              false);
        }
      case 12:
        return new Column(
            kind == DatabaseKind.MYSQL ? "FLOAT" : "REAL", numericCheck(name, -50, 50), false);
      case 13:
        return new Column(
            kind == DatabaseKind.POSTGRESQL ? "DOUBLE PRECISION" : "DOUBLE",
            numericCheck(name, 0, 1e9),
            false);
      case 14:
        {
          int precision = 1 + random.nextInt(18);
          int scale = random.nextInt(Math.min(precision, 6) + 1);
          return new Column(
              "DECIMAL(" + precision + "," + scale + ")",
              numericCheck(name, 0, Math.pow(10, precision - scale) - 1),
              true);
        }
      case 15:
        return new Column(
            switch (kind) {
              case POSTGRESQL -> "BYTEA";
              case MYSQL -> pick("LONGBLOB", "BLOB", "VARBINARY(40)");
              case SQLITE -> "BLOB";
            },
            null,
            false);
      case 16:
        return new Column(
            switch (kind) {
              case POSTGRESQL -> "UUID";
              case MYSQL -> "CHAR(36)";
              case SQLITE -> "TEXT";
            },
            null,
            kind != DatabaseKind.SQLITE);
      case 17:
        return new Column(
            switch (kind) {
              case POSTGRESQL -> pick("JSON", "JSONB");
              case MYSQL -> "JSON";
              case SQLITE -> "JSON";
            },
            null,
            false);
      case 18:
        return enumColumn(name);
      case 19:
        return switch (kind) {
          case POSTGRESQL -> new Column(pick("INTERVAL", "INET"), null, false);
          case MYSQL ->
              new Column(
                  pick("TINYINT UNSIGNED", "MEDIUMINT", "YEAR", "TINYTEXT", "INT UNSIGNED"),
                  null,
                  false);
          case SQLITE -> new Column("NUMERIC", null, false);
        };
      default:
        return new Column("VARCHAR(" + (5 + random.nextInt(60)) + ")", inCheck(name), true);
    }
  }

  private Column enumColumn(String name) {
    List<String> labels =
        List.of("draft", "open", "done", "gone", "ünïcode").subList(0, 2 + random.nextInt(4));
    String quoted = "'" + String.join("', '", labels) + "'";
    return switch (kind) {
      case POSTGRESQL -> {
        String type = "mood" + enums++;
        statements.add("CREATE TYPE " + type + " AS ENUM (" + quoted + ")");
        yield new Column(type, null, false);
      }
      case MYSQL -> new Column("ENUM(" + quoted + ")", null, false);
      case SQLITE -> new Column("TEXT", name + " IN (" + quoted + ")", false);
    };
  }

  private String numericCheck(String name, double low, double high) {
    long a = (long) low;
    long b = (long) Math.max(low + 10, Math.min(high, low + 10 + random.nextInt(1000)));
    return switch (random.nextInt(6)) {
      case 0 -> name + " > " + a;
      case 1 -> name + " >= " + a;
      case 2 -> name + " < " + b;
      case 3 -> name + " <= " + b;
      case 4 -> name + " BETWEEN " + a + " AND " + b;
      default ->
          random.nextBoolean() ? name + " IN (" + a + ", " + b + ", " + (a + b) / 2 + ")" : null;
    };
  }

  private String textCheck(String name, int length) {
    String fn =
        switch (kind) {
          case MYSQL -> pick("char_length", "length");
          default -> "length";
        };
    return switch (random.nextInt(4)) {
      case 0 -> name + " <> ''";
      case 1 -> fn + "(" + name + ") <= " + Math.max(1, length / 2);
      case 2 -> fn + "(" + name + ") >= 1";
      default -> null;
    };
  }

  private String inCheck(String name) {
    return name + " IN ('alpha', 'beta', 'gamma', 'delta', 'épsilon')";
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
