package io.accesspath.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Stops a seed from another thread (a shutdown hook on Ctrl-C or SIGTERM): the bulk loads in
 * progress are cancelled and rolled back, no further table starts, and the seed ends with a
 * {@link SeedFailure} whose report says which tables were loaded. A table whose commit had already
 * begun finishes it and counts as loaded.
 */
public final class SeedCancel {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** Cancels; runs the registered actions once, on the calling thread. */
    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = List.copyOf(actions);
        }
        for (Runnable r : run) {
            r.run();
        }
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * Runs {@code action} on cancellation (at once when already cancelled).
     *
     * @return what unregisters it
     */
    public Runnable onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }
}
