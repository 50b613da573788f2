package io.accesspath.core.plan.diagnose;

import java.util.Objects;
import java.util.Optional;

/**
 * One way to remove the cause of a diagnosis.
 *
 * @param action what to do, in a sentence
 * @param sql    the SQL that does it, where there is any: statements (CREATE INDEX, CREATE
 *               STATISTICS, ANALYZE, VACUUM, SET, RESET), each ending with a semicolon and
 *               several separated by newlines; or a rewritten predicate or clause to put in the
 *               query in place of the one the plan shows (no semicolon)
 */
public record Fix(String action, Optional<String> sql) {

    public Fix {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sql, "sql");
    }

    public static Fix of(String action) {
        return new Fix(action, Optional.empty());
    }

    public static Fix of(String action, String sql) {
        return new Fix(action, Optional.of(sql));
    }
}
