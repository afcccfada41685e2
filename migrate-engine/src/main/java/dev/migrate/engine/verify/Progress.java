package dev.migrate.engine.verify;

/**
 * One revision verified on one backend, as it happens.
 *
 * @param backend the backend id
 * @param revision the revision just verified
 * @param done how many revisions this backend has verified so far, this one included
 * @param total how many it verifies in all
 * @param line the same in one line for a log: {@code postgresql 8c41e07a5d22 Create task table: ok
 *     (41 ms)}
 */
public record Progress(String backend, String revision, int done, int total, String line) {}
