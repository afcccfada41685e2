/**
 * What the {@code migrate} commands and the Maven plugin's goals share, over a {@link
 * dev.migrate.engine.config.MigrateConfig}: reading the configured revisions into a graph,
 * comparing a database with the configured models, checking a database ({@code migrate check}) and
 * verifying as configured ({@code migrate verify}). Each front end only parses its own options and
 * prints; the verdicts come from here, so they never differ.
 */
package dev.migrate.engine.command;
