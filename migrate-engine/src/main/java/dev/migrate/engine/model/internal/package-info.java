/**
 * Not API: the adapter that boots the application's own Hibernate for {@code models=hibernate:}.
 * Only {@link dev.migrate.engine.model.internal.HibernateAdapter} refers to Hibernate; it is loaded
 * next to the application's classes, and only when Hibernate is among them.
 */
package dev.migrate.engine.model.internal;
