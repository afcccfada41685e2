package dev.migrate.engine.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection; the caller closes it. A {@code DataSource::getConnection} fits. */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
