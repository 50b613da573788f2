package io.accesspath.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the requirements spec, for editors and AI agents that
 * write specs. It describes every key {@link SpecReader} accepts; the reader checks more than a
 * schema can (names that must exist, operators that must fit a type).
 */
public final class SpecSchema {
    private static final String RESOURCE = "spec.schema.json";

    private SpecSchema() {}

    /** The schema, as JSON text. */
    public static String text() {
        return Holder.TEXT;
    }

    /** Loads the schema once, on first use. */
    private static final class Holder {
        static final String TEXT = load();

        private static String load() {
            try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the spec schema is missing from the classpath: " + RESOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
