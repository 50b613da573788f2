package io.accesspath.core.db;

import java.time.Duration;
import java.util.Objects;

/**
 * How to use a database named by a URL. The defaults are safe for a user's database: every
 * session is read-only (enforced by the server) and every statement has a time limit.
 *
 * @param allowWrites      true to let sessions write; false makes every transaction read-only
 *                         except the ones {@link ApplyMode#ROLLBACK} opens and always rolls back
 * @param statementTimeout the server cancels any statement running longer; zero for no limit
 * @param lockTimeout      the server gives up waiting for a lock after this; zero for no limit
 * @param connectTimeout   how long to wait for the server to accept a connection
 */
public record ConnectOptions(boolean allowWrites, Duration statementTimeout, Duration lockTimeout,
                             Duration connectTimeout) {
    /** Read-only, statements limited to 60 s, locks to 5 s, connecting to 10 s. */
    public static final ConnectOptions DEFAULT =
            new ConnectOptions(false, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10));

    public ConnectOptions {
        requireNotNegative(statementTimeout, "statementTimeout");
        requireNotNegative(lockTimeout, "lockTimeout");
        requireNotNegative(connectTimeout, "connectTimeout");
    }

    /** These options with writes allowed (the explicit opt-in). */
    public ConnectOptions withWrites() {
        return new ConnectOptions(true, statementTimeout, lockTimeout, connectTimeout);
    }

    public ConnectOptions withStatementTimeout(Duration timeout) {
        return new ConnectOptions(allowWrites, timeout, lockTimeout, connectTimeout);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative: " + d);
        }
    }
}
