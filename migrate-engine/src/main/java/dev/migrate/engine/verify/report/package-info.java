/**
 * The report writers of {@code migrate verify}: plain text for the terminal, JSON, JUnit XML,
 * Markdown for pull requests and a self-contained HTML page. Each renders one {@link
 * dev.migrate.engine.verify.VerificationResult}; their formats are a contract.
 */
package dev.migrate.engine.verify.report;
