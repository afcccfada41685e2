/**
 * The task board's JPA entities: the models the example's revisions must arrive at ({@code
 * models=jpa:dev.migrate.examples.domain}). migrate reads them by reflection; no JPA provider runs.
 * Deletes cascade in the application, so no foreign key has an ON DELETE action.
 */
package dev.migrate.examples.domain;
