package dev.migrate.engine.runtime;

import dev.migrate.engine.dialect.DatabaseKind;

/** Accumulates an offline SQL script: statements terminated for the database's own client. */
final class OfflineScript {
  private final DatabaseKind kind;
  private final StringBuilder text = new StringBuilder();

  OfflineScript(DatabaseKind kind) {
    this.kind = kind;
  }

  void line(String line) {
    text.append(line.stripTrailing()).append("\n\n");
  }

  void statement(String sql) {
    String body = sql.strip();
    while (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).stripTrailing();
    }
    if (kind == DatabaseKind.MYSQL && body.contains(";")) {
      // A routine or trigger body: the mysql client needs another delimiter around it.
      text.append("DELIMITER $$\n").append(body).append("$$\nDELIMITER ;\n\n");
    } else {
      text.append(body).append(";\n\n");
    }
  }

  String text() {
    return text.toString().stripTrailing() + "\n";
  }
}
