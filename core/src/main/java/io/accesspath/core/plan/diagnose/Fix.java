package io.accesspath.core.plan.diagnose;

import java.util.Objects;
import java.util.Optional;

/**
 * One way to remove the cause of a diagnosis.
 *
 * @param action what to do, in a sentence
 * @param sql    the statement(s) that do it, where there are any: CREATE INDEX, CREATE
 *               STATISTICS, ANALYZE, VACUUM, SET, or a rewritten predicate; each statement ends
 *               with a semicolon, several are separated by newlines
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
