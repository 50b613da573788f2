package io.accesspath.core.db;

import java.util.Objects;

/**
 * One SQL statement of a rendered script, with what it is about, so an error can name the object
 * it was building and a script can carry per-object comments.
 *
 * @param sql     the statement, without a trailing semicolon
 * @param kind    what sort of object it creates or changes ({@link #TABLE}, {@link #INDEX}, ...)
 * @param subject the object's name: a table, an index, {@code table.constraint} for a foreign
 *                key, {@code table} or {@code table.column} for a comment
 */
public record Statement(String sql, String kind, String subject) {
    /** {@code CREATE EXTENSION}. Subject: the extension. */
    public static final String EXTENSION = "extension";
    /** {@code CREATE TYPE}. Subject: the type. */
    public static final String TYPE = "type";
    /** {@code CREATE TABLE}. Subject: the table. */
    public static final String TABLE = "table";
    /** {@code INSERT} of the rows a table holds as part of the schema (lookup values). Subject: the table. */
    public static final String ROWS = "rows";
    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}. Subject: {@code table.constraint}. */
    public static final String FOREIGN_KEY = "foreign-key";
    /** {@code CREATE INDEX}. Subject: the index. */
    public static final String INDEX = "index";
    /** {@code COMMENT ON}. Subject: {@code table} or {@code table.column}. */
    public static final String COMMENT = "comment";

    public Statement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * The statement's key, {@code kind:subject} ({@code index:orders_customer_id_idx}): the same
     * form as a design decision's id, used to attach comments to statements in a script.
     */
    public String key() {
        return kind + ":" + subject;
    }

    /** The first line of the SQL, for one-line messages. */
    public String firstLine() {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline);
    }
}
