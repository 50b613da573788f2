package io.accesspath.core.engine.internal;

import io.accesspath.core.seed.ByteSink;
import io.accesspath.core.seed.RowEncoder;
import io.accesspath.core.seed.TableSeed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Generates a table's chunks on a shared pool of threads and hands them to one consumer in chunk
 * order, with at most {@code window} chunks in flight (memory stays bounded whatever the table's
 * size). Since a chunk depends only on its index, the bytes are the same for any number of
 * threads. Buffers are recycled from chunk to chunk.
 */
public final class ChunkPipeline {
    private static final int BUFFER_BYTES = 1 << 20;

    private final ExecutorService pool;
    private final int window;

    public ChunkPipeline(ExecutorService pool, int window) {
        this.pool = pool;
        this.window = Math.max(1, window);
    }

    /** Receives encoded chunks in order. */
    @FunctionalInterface
    public interface Consumer {
        /** {@code length} bytes of {@code bytes}, holding {@code rows} rows. */
        void accept(byte[] bytes, int length, long rows) throws Exception;
    }

    /**
     * Encodes every chunk of the table (with the encoder's header and trailer) into the consumer.
     *
     * @return rows written
     * @throws Exception what the consumer or a generator threw; chunks still in flight are cancelled
     */
    public long run(TableSeed table, RowEncoder encoder, Consumer consumer) throws Exception {
        BlockingQueue<ByteSink> free = new ArrayBlockingQueue<>(window + 1);
        ByteSink edge = new ByteSink(256);
        encoder.begin(edge);
        consumer.accept(edge.array(), edge.size(), 0);
        Deque<Future<Encoded>> inFlight = new ArrayDeque<>();
        int next = 0;
        long rows = 0;
        try {
            while (next < table.chunks() || !inFlight.isEmpty()) {
                while (next < table.chunks() && inFlight.size() < window) {
                    int chunk = next++;
                    inFlight.add(pool.submit(() -> encode(table, chunk, encoder, free)));
                }
                Encoded e = get(inFlight.poll());
                consumer.accept(e.sink.array(), e.sink.size(), e.rows);
                rows += e.rows;
                free.offer(e.sink);
            }
        } finally {
            for (Future<Encoded> f : inFlight) {
                f.cancel(true);
            }
        }
        edge.reset();
        encoder.end(edge);
        consumer.accept(edge.array(), edge.size(), 0);
        return rows;
    }

    private static Encoded encode(TableSeed table, int chunk, RowEncoder encoder, BlockingQueue<ByteSink> free) {
        ByteSink sink = free.poll();
        if (sink == null) {
            sink = new ByteSink(BUFFER_BYTES);
        }
        sink.reset();
        long rows = table.encode(chunk, encoder, sink);
        return new Encoded(sink, rows);
    }

    private static Encoded get(Future<Encoded> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private record Encoded(ByteSink sink, long rows) {}
}
