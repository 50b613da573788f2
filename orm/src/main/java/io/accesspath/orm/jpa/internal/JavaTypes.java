package io.accesspath.orm.jpa.internal;

import java.util.Locale;
import java.util.Optional;

/** The Java type of a PostgreSQL column type, and the imports it needs. */
public final class JavaTypes {
    private JavaTypes() {
    }

    /**
     * The Java type of a SQL type as the schema spells it ({@code varchar(200)}, {@code numeric(14,2)},
     * {@code text[]}); empty for types Hibernate cannot map natively (point, ranges, user types).
     */
    public static Optional<String> of(String sqlType) {
        String t = sqlType.toLowerCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return of(t.substring(0, t.length() - 2)).map(e -> e + "[]");
        }
        if (t.startsWith("varchar") || t.startsWith("char") || t.equals("text") || t.equals("jsonb")
                || t.equals("json")) {
            return Optional.of("String");
        }
        if (t.startsWith("numeric")) {
            return Optional.of("java.math.BigDecimal");
        }
        return Optional.ofNullable(switch (t) {
            case "bigint" -> "Long";
            case "integer" -> "Integer";
            case "smallint" -> "Short";
            case "boolean" -> "Boolean";
            case "double precision" -> "Double";
            case "real" -> "Float";
            case "timestamptz" -> "java.time.OffsetDateTime";
            case "timestamp" -> "java.time.LocalDateTime";
            case "date" -> "java.time.LocalDate";
            case "uuid" -> "java.util.UUID";
            default -> null;
        });
    }

}
