/**
 * A Spring-Boot-style entity set for the Hibernate models tests: every id strategy, enums both
 * ways, a LOB, embeddables, an audited mapped superclass with a version, one-to-many (mapped and
 * one-directional), many-to-many, element collections, SINGLE_TABLE and JOINED inheritance and an
 * attribute converter, and Hibernate's own {@code @Check}, {@code @ColumnDefault} and
 * {@code @OnDelete}.
 */
package dev.migrate.engine.model.store;
