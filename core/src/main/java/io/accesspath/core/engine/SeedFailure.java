package io.accesspath.core.engine;

import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.util.List;

/**
 * A seed that stopped part way: a table failed to load (or the load was interrupted). That
 * table's transaction was rolled back; the report says which tables were loaded before.
 */
public final class SeedFailure extends UserError {
    private static final long serialVersionUID = 1L;

    private final transient SeedReport report;

    public SeedFailure(List<Problem> problems, int exitCode, SeedReport report, Throwable cause) {
        super(problems, exitCode, cause);
        this.report = report;
    }

    /** What was done before the failure, table by table. */
    public SeedReport report() {
        return report;
    }
}
