package io.accesspath.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quotes PostgreSQL identifiers exactly where needed, the way the server's own
 * {@code quote_ident()} does: an identifier stays bare when it is lower case ASCII letters, digits
 * and underscores, starts with a letter or underscore and is not a keyword that needs quoting;
 * anything else is double-quoted with embedded double quotes doubled.
 *
 * <p>The keywords are those of PostgreSQL 18 whose category is not "unreserved", so an identifier
 * quoted here parses on every supported server (14 to 18).
 */
public final class PgIdentifiers {
    /** PostgreSQL's identifier length limit in bytes ({@code NAMEDATALEN - 1}). */
    public static final int MAX_BYTES = 63;

    private static final Set<String> KEYWORDS = loadKeywords();

    private PgIdentifiers() {}

    /**
     * The identifier as it must appear in SQL.
     *
     * @throws IllegalArgumentException when the identifier is empty, contains a NUL character or
     *                                  is longer than {@value #MAX_BYTES} bytes in UTF-8 (the
     *                                  server would silently truncate it)
     */
    public static String quote(String identifier) {
        validate(identifier);
        if (!needsQuoting(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Whether {@link #quote(String)} puts this identifier in double quotes. */
    public static boolean needsQuoting(String identifier) {
        return !isPlain(identifier) || isKeyword(identifier);
    }

    /** Whether the word is a PostgreSQL keyword that cannot be used bare as an identifier. */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    private static boolean isPlain(String identifier) {
        char first = identifier.charAt(0);
        if (!(isLowerAscii(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(isLowerAscii(c) || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static void validate(String identifier) {
        if (identifier.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier cannot contain a NUL character: "
                    + identifier.replace('\0', '?'));
        }
        int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("identifier '" + identifier + "' is " + bytes
                    + " bytes long; PostgreSQL truncates identifiers to " + MAX_BYTES + " bytes");
        }
    }

    private static Set<String> loadKeywords() {
        String resource = "keywords.txt";
        try (InputStream in = PgIdentifiers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource io/accesspath/postgres/" + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" ", 2)[0])
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/accesspath/postgres/" + resource, e);
        }
    }
}
