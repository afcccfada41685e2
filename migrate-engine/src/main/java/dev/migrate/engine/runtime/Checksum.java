package dev.migrate.engine.runtime;

/**
 * A revision's checksums on one backend, as the history table stores them.
 *
 * @param up over its upgrade ({@code checksum} column): a change stops upgrades
 * @param down over its downgrade ({@code down_checksum} column): a change is only a warning, since
 *     fixing a downgrade is what verification asks for
 */
record Checksum(String up, String down) {}
