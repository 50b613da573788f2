package io.accesspath.core.db;

import java.time.Duration;
import java.util.List;

/**
 * What applying a list of statements took.
 *
 * @param mode       whether the transaction was committed or rolled back
 * @param statements each statement with the time it took, in the order they ran
 * @param total      the whole transaction, including its commit or rollback
 */
public record ApplyResult(ApplyMode mode, List<Timing> statements, Duration total) {
    public ApplyResult {
        statements = List.copyOf(statements);
    }

    /** The time one statement took. */
    public record Timing(Statement statement, Duration elapsed) {}
}
