package io.accesspath.core.plan;

import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.internal.PlanReaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads EXPLAIN output into a {@link Plan}.
 *
 * <p>Accepted: FORMAT JSON (the array PostgreSQL prints or one bare query object, with or
 * without ANALYZE, BUFFERS, VERBOSE, SETTINGS, WAL) and the default text format (with or
 * without those options, TIMING OFF, COSTS OFF), each also as pasted from psql (the
 * {@code QUERY PLAN} header and rule, {@code (N rows)} footer, {@code +} and wrapped-line marks,
 * leading and trailing spaces) or copied from pgAdmin. A text plan gives the fields FORMAT JSON
 * would have printed for it, under the same names, except those the text format does not show.
 * Unknown node types and fields are kept verbatim.
 *
 * <p>Input that is not a plan raises a {@link UserError} (exit code
 * {@link UserError#INVALID_INPUT}) located at the first line that does not fit, with a hint.
 */
public final class PlanParser {

    private PlanParser() {
    }

    /**
     * Reads JSON or text EXPLAIN output, telling them apart by the first character.
     *
     * @param source the name errors are located in (a file name, or "stdin")
     */
    public static Plan parse(String input, String source) {
        return PlanReaders.read(input, source);
    }

    /** Reads a file of EXPLAIN output (UTF-8); errors carry the file name. */
    public static Plan parse(Path file) {
        String input;
        try {
            input = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.io("cannot read plan file " + file + ": " + e.getMessage(), e);
        }
        return parse(input, file.toString());
    }

    /** Reads EXPLAIN (FORMAT JSON) output only. */
    public static Plan parseJson(String input, String source) {
        return PlanReaders.readJson(input, source);
    }

    /** Reads text EXPLAIN output only. */
    public static Plan parseText(String input, String source) {
        return PlanReaders.readText(input, source);
    }
}
