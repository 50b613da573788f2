package io.accesspath.core.dialect;

import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.LogicalType;
import java.util.List;

/**
 * What the designer asks a database dialect: types, literals, identifiers, capabilities and the
 * special index methods operators need. The PostgreSQL module implements it; a MySQL dialect
 * answers the same questions differently.
 */
public interface DesignDialect {

    /** The dialect id ({@code postgresql}). */
    String id();

    /** The product name for people ({@code PostgreSQL}). */
    String displayName();

    /** The oldest major version the designer targets when none is chosen. */
    int minVersion();

    /** The newest major version the designer knows. */
    int maxVersion();

    /** The first major version with {@code feature}, or {@link Integer#MAX_VALUE} if never. */
    int since(Feature feature);

    default boolean supports(Feature feature, int version) {
        return version >= since(feature);
    }

    /** Quotes an identifier if (and only if) it needs quoting. */
    String quote(String identifier);

    /** A string literal. */
    String literal(String value);

    /** The longest identifier the database keeps. */
    int maxIdentifierLength();

    /** Whether {@code word} is reserved (a table of that name must be quoted everywhere). */
    boolean isReserved(String word);

    /**
     * The physical type of an attribute.
     *
     * @param enumStyle {@code check}, {@code type} or {@code table}
     * @param table     the table the column belongs to (to name enum types)
     */
    TypeChoice columnType(Attribute attribute, LogicalType type, String table, String enumStyle);

    /** The type and default of an identity key column. */
    KeyColumn identityKey();

    /** The type and default of a UUID key column; {@code v7} for time-ordered UUIDs. */
    KeyColumn uuidKey(boolean v7, int version);

    /** The SQL of a literal default value of a logical type ({@code now}, a number, a string). */
    String defaultExpression(LogicalType type, String value, int version);

    /**
     * The expression of a generated full-text document column over the given (already quoted)
     * columns, most important first.
     */
    String fullTextDocument(List<String> quotedColumns, String language);

    /** The type of the generated full-text column. */
    String fullTextType();

    /** The expression that folds a value for case-insensitive comparison ({@code lower(%s)}). */
    String caseFold(String quotedColumn);

    /** The average stored width of a column of this SQL type, for size estimates. */
    int widthOf(String sqlType);

    /**
     * The index method (and operator class) an operator needs on a type, when a plain B-tree
     * cannot serve it: full-text, JSON containment, arrays, ranges, geometry, prefix matching.
     */
    java.util.Optional<IndexMethodChoice> indexFor(io.accesspath.core.spec.AccessPattern.Op op, LogicalType type,
                                                   String sqlType);

    /**
     * An index method for an operator.
     *
     * @param method  the access method
     * @param opclass the operator class, if not the method's default for the type
     * @param reason  why this method serves the operator
     */
    record IndexMethodChoice(io.accesspath.core.schema.Index.Method method, java.util.Optional<String> opclass,
                             String reason) {}

    /** A key column: its type, default expression (may be empty), identity, and why. */
    record KeyColumn(String sqlType, String defaultExpression, boolean identity, String reason,
                     List<io.accesspath.core.design.Decision.Alternative> alternatives) {}
}
