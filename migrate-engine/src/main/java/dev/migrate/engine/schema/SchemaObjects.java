package dev.migrate.engine.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objects a revision can create besides tables, read with the bulk queries of {@link
 * CatalogQueries#objectQueries()}: views, sequences, enum types, triggers by table, and routines.
 */
record SchemaObjects(
    List<Schema.View> views,
    List<Schema.Sequence> sequences,
    List<Schema.EnumType> enumTypes,
    Map<String, List<Schema.Trigger>> triggers,
    List<Schema.Routine> routines) {

  static SchemaObjects read(Connection connection, CatalogQueries queries) throws SQLException {
    return read(CatalogStatements.oneOff(connection), queries);
  }

  static SchemaObjects read(CatalogStatements statements, CatalogQueries queries)
      throws SQLException {
    Connection connection = statements.connection();
    List<Schema.View> views = new ArrayList<>();
    List<Schema.Sequence> sequences = new ArrayList<>();
    Map<String, List<String>> labels = new LinkedHashMap<>();
    Map<String, List<Schema.Trigger>> triggers = new LinkedHashMap<>();
    List<Schema.Routine> routines = new ArrayList<>();
    {
      for (String sql : queries.objectQueries()) {
        try (ResultSet rs = statements.query(sql)) {
          while (rs.next()) {
            String name = rs.getString(3);
            String text = rs.getString(4);
            switch (rs.getString(1)) {
              case "v" -> views.add(new Schema.View(name, text, rs.getInt(5) == 1));
              case "s" -> sequences.add(new Schema.Sequence(name, text));
              case "e" -> labels.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
              case "t" ->
                  triggers
                      .computeIfAbsent(key(rs.getString(2)), k -> new ArrayList<>())
                      .add(new Schema.Trigger(name, text));
              case "f", "p" ->
                  routines.add(
                      new Schema.Routine(name, rs.getString(2), rs.getString(1).equals("p"), text));
              default -> throw new IllegalStateException("unknown object kind " + rs.getString(1));
            }
          }
        }
      }
    }
    for (int i = 0; i < sequences.size(); i++) {
      Schema.Sequence sequence = sequences.get(i);
      if (sequence.definition() == null) {
        sequences.set(
            i,
            new Schema.Sequence(
                sequence.name(), queries.sequenceDefinition(connection, sequence.name())));
      }
    }
    routines = queries.routines(statements, routines);
    List<Schema.EnumType> enumTypes = new ArrayList<>();
    labels.forEach((name, values) -> enumTypes.add(new Schema.EnumType(name, values)));
    return new SchemaObjects(views, sequences, enumTypes, triggers, routines);
  }

  boolean isEmpty() {
    return views.isEmpty()
        && sequences.isEmpty()
        && enumTypes.isEmpty()
        && triggers.isEmpty()
        && routines.isEmpty();
  }

  List<Schema.Trigger> triggersOf(String table) {
    return triggers.getOrDefault(key(table), List.of());
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }
}
