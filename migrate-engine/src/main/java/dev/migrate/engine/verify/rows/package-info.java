/**
 * The data side of the {@code DATA_LOSS} check: {@link dev.migrate.engine.verify.rows.RowGenerator}
 * plans seeded rows for a live schema, {@link dev.migrate.engine.verify.rows.RowWriter} inserts
 * them (skipping, with a note, what the database refuses) and deletes them again, {@link
 * dev.migrate.engine.verify.rows.DataImage} reads the rows of tables before and after a step, and
 * {@link dev.migrate.engine.verify.rows.DataImage#lossesIn} lists what the later image lost as
 * {@link dev.migrate.engine.verify.rows.DataLoss} entries in plain words.
 */
package dev.migrate.engine.verify.rows;
