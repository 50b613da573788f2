package io.accesspath.postgres;

/**
 * Quotes string literals for PostgreSQL DDL (comments, enum labels), where parameters cannot be
 * bound. Like libpq's {@code PQescapeLiteral}: single quotes are doubled, and a value with
 * backslashes becomes an {@code E'...'} literal with the backslashes doubled, so the literal means
 * the same whatever {@code standard_conforming_strings} is.
 */
public final class PgLiterals {
    private PgLiterals() {}

    /**
     * The value as an SQL string literal.
     *
     * @throws IllegalArgumentException when the value contains a NUL character (PostgreSQL text
     *                                  cannot hold one)
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot contain a NUL character: "
                    + value.replace('\0', '?'));
        }
        String body = value.replace("'", "''");
        if (body.indexOf('\\') >= 0) {
            return "E'" + body.replace("\\", "\\\\") + "'";
        }
        return "'" + body + "'";
    }
}
