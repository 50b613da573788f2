package io.accesspath.core.db;

/** What happens to a transaction of DDL once every statement has run. */
public enum ApplyMode {
    /** Keep the result: for a throwaway database or an explicit opt-in to writes. */
    COMMIT,
    /**
     * Prove that the statements run, then roll back: nothing changes in the database. Allowed on
     * a database opened read-only.
     */
    ROLLBACK
}
