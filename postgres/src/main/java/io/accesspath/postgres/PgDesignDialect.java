package io.accesspath.postgres;

import io.accesspath.core.design.Decision.Alternative;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.dialect.Feature;
import io.accesspath.core.dialect.TypeChoice;
import io.accesspath.core.schema.Index;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's answers to the designer: physical types and why, identity and UUID keys,
 * defaults, full-text documents, and the index methods operators need. Targets PostgreSQL 14
 * to 18.
 */
public final class PgDesignDialect implements DesignDialect {
    public static final int MIN_VERSION = 14;
    public static final int MAX_VERSION = 18;

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public int minVersion() {
        return MIN_VERSION;
    }

    @Override
    public int maxVersion() {
        return MAX_VERSION;
    }

    @Override
    public int since(Feature feature) {
        return switch (feature) {
            case PARTIAL_INDEX, EXPRESSION_INDEX, GIN, GIST, BRIN, RANGE_TYPES, EXCLUSION_CONSTRAINTS -> 9;
            case INCLUDE_COLUMNS, GENERATED_COLUMNS -> 12;
            case GEN_RANDOM_UUID -> 13;
            case NULLS_NOT_DISTINCT, FK_SET_NULL_COLUMNS -> 15;
            case HOT_WITH_BRIN -> 16;
            case BTREE_SAOP_ORDERED -> 17;
            case UUIDV7, BTREE_SKIP_SCAN -> 18;
        };
    }

    @Override
    public String quote(String identifier) {
        return PgIdentifiers.quote(identifier);
    }

    @Override
    public String literal(String value) {
        return PgLiterals.quote(value);
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public boolean isReserved(String word) {
        return PgIdentifiers.needsQuoting(word);
    }

    @Override
    public TypeChoice columnType(Attribute attribute, LogicalType type, String table, String enumStyle) {
        if (type instanceof LogicalType.Identifier t) {
            return choice("varchar(" + t.maxLength() + ")", List.of(),
                    "A short code people see and type: varchar(" + t.maxLength() + ") states the limit in the type,"
                            + " where ORMs and clients see it; it is stored exactly like text, and widening it later is"
                            + " a catalog-only change.",
                    List.of(alt("text + CHECK (char_length(...) <= " + t.maxLength() + ")",
                                    "the same, but the limit hides in a constraint"),
                            alt("char(" + t.maxLength() + ")", "pads with spaces and compares padded values")),
                    Math.min(t.maxLength(), 24) + 1);
        }
        if (type instanceof LogicalType.Text t && t.maxLength().isPresent()) {
            return choice("varchar(" + t.maxLength().getAsInt() + ")",
                    List.of(), "Text with a declared maximum of " + t.maxLength().getAsInt() + " characters: varchar(n)"
                            + " enforces it at no storage cost over text.",
                    List.of(alt("text + CHECK", "the same check, less visible to tools"),
                            alt("text", "would accept longer values than the spec allows")),
                    Math.min(t.maxLength().getAsInt() / 2, 60) + 1);
        }
        if (type instanceof LogicalType.Text t) {
            return choice("text", List.of(),
                    "Free text without a declared limit: PostgreSQL stores text and varchar the same way, and an"
                            + " arbitrary limit would only cause migrations later.",
                    List.of(alt("varchar(255)", "an arbitrary limit from other databases; no benefit here")), 41);
        }
        if (type instanceof LogicalType.Email t) {
            return choice("text", List.of("%s ~ '^[^@[:space:]]+@[^@[:space:]]+$'"),
                    "An email address: text with a light shape check (one @, no spaces); full address validation"
                            + " belongs in the application (only a sent mail proves an address). Compared"
                            + " case-insensitively through lower().",
                    List.of(alt("citext", "case-insensitive by type, but an extension to install and slower operators"),
                            alt("varchar(320)", "the RFC maximum; no real protection, one more thing to migrate")),
                    25);
        }
        if (type instanceof LogicalType.Url t) {
            return choice("text", List.of("%s ~ '^https?://'"),
                    "A URL: text checked to start with http:// or https://; no length limit (URLs can be long).",
                    List.of(alt("varchar(2048)", "an arbitrary limit")), 60);
        }
        if (type instanceof LogicalType.Int t) {
            return choice("integer", List.of(), "A 32-bit whole number (up to 2.1 billion), 4 bytes.",
                    List.of(alt("bigint", "twice the space for a range the spec does not need")), 4);
        }
        if (type instanceof LogicalType.BigInt t) {
            return choice("bigint", List.of(), "A 64-bit whole number, 8 bytes.", List.of(), 8);
        }
        if (type instanceof LogicalType.Decimal t) {
            return choice("numeric(" + t.precision() + "," + t.scale() + ")", List.of(),
                    "An exact number with " + t.precision() + " digits, " + t.scale() + " after the point: numeric"
                            + " never rounds the way binary floating point does.",
                    List.of(alt("double precision", "fast, but 0.1 + 0.2 is not 0.3: wrong for exact quantities")),
                    numericWidth(t.precision()));
        }
        if (type instanceof LogicalType.Money t) {
            return choice("numeric(" + t.precision() + "," + t.scale() + ")", List.of(),
                    "An amount of money: exact numeric(" + t.precision() + "," + t.scale() + "), never floating point.",
                    List.of(alt("the money type", "formatting depends on lc_monetary, no currency, fixed scale"),
                            alt("bigint cents", "fast and exact, but every reader must know the scale"),
                            alt("double precision", "rounding errors in sums")),
                    numericWidth(t.precision()));
        }
        if (type instanceof LogicalType.Bool t) {
            return choice("boolean", List.of(), "true or false, 1 byte.", List.of(), 1);
        }
        if (type instanceof LogicalType.Date t) {
            return choice("date", List.of(), "A calendar date without time, 4 bytes.", List.of(), 4);
        }
        if (type instanceof LogicalType.Timestamp t) {
            return choice("timestamptz", List.of(),
                    "A point in time: timestamptz stores an absolute instant (UTC inside) and converts to the session's"
                            + " time zone on output, 8 bytes.",
                    List.of(alt("timestamp (without time zone)", "drops the offset: the same value means different"
                            + " instants for clients in different zones")), 8);
        }
        if (type instanceof LogicalType.Uuid t) {
            return choice("uuid", List.of(), "A UUID in its native 16-byte type.",
                    List.of(alt("text", "36 bytes and slower comparisons")), 16);
        }
        if (type instanceof LogicalType.Json t) {
            return choice("jsonb", List.of(),
                    "A JSON document: jsonb is parsed once, stored in binary, indexable with GIN (containment @>).",
                    List.of(alt("json", "keeps the text verbatim (key order, duplicates) but is re-parsed on every"
                            + " access and cannot be GIN-indexed")), 200);
        }
        if (type instanceof LogicalType.Enum t) {
            return enumChoice(attribute, t, table, enumStyle);
        }
        if (type instanceof LogicalType.Array t) {
                TypeChoice element = columnType(attribute, t.element(), table, "check");
                return choice(element.sqlType() + "[]", List.of(),
                        "A short list read and written with its row: a " + element.sqlType() + " array; GIN indexes"
                                + " containment (@>) and overlap (&&).",
                        List.of(alt("a child table", "per-element constraints and foreign keys, at the cost of a join"),
                                alt("jsonb", "untyped elements")), 60);
            }
        if (type instanceof LogicalType.GeoPoint t) {
            return choice("point", List.of(),
                    "A point (x = longitude, y = latitude) in the built-in point type: GiST answers nearest-neighbour"
                            + " (ORDER BY <->) and box searches. Distances are planar degrees.",
                    List.of(alt("PostGIS geography(Point, 4326)", "true distances on the sphere, but an extension this"
                            + " design does not assume is installed"),
                            alt("two numeric columns", "no spatial index")), 16);
        }
        if (type instanceof LogicalType.SearchableText t) {
            return choice(t.maxLength().isPresent()
                            ? "varchar(" + t.maxLength().getAsInt() + ")" : "text", List.of(),
                    "Searchable text: the text itself, searched through the generated search_vector column (" + t.language()
                            + ").", List.of(), 200);
        }
        if (type instanceof LogicalType.Range t) {
            return choice(rangeType(t.element()), List.of(),
                    "A range in PostgreSQL's " + rangeType(t.element()) + ": one column with bounds, overlap (&&) and"
                            + " containment operators, GiST-indexable and usable in EXCLUDE constraints.",
                    List.of(alt("two columns (start, end)", "overlap queries need two conditions and no index serves"
                            + " them well")), 24);
        }
        throw new IllegalArgumentException("no PostgreSQL type for " + type);
    }

    private TypeChoice enumChoice(Attribute attribute, LogicalType.Enum t, String table, String enumStyle) {
        List<String> quoted = new ArrayList<>();
        for (String v : t.values()) {
            quoted.add(literal(v));
        }
        int avg = (int) Math.round(t.values().stream().mapToInt(String::length).average().orElse(8)) + 1;
        List<Alternative> alts = new ArrayList<>();
        if ("type".equals(enumStyle)) {
            String typeName = table + "_" + attribute.name();
            alts.add(alt("text + CHECK (... IN (...))", "readable and easy to change, 1 byte + length per value"));
            alts.add(alt("a lookup table", "values carry data and change at run time, at the cost of a foreign key"));
            return new TypeChoice(quote(typeName), List.of(),
                    "An enum type " + typeName + " (enum_style: type): 4 bytes a value, sorted in declaration order."
                            + " Adding a value is ALTER TYPE ... ADD VALUE; removing or renaming one needs a new type.",
                    alts, 4, Optional.of(typeName));
        }
        if ("table".equals(enumStyle)) {
            alts.add(alt("text + CHECK (... IN (...))", "no join or foreign-key check, but the values live in DDL"));
            alts.add(alt("an enum type", "4 bytes and ordered, but removing a value means a new type and a rewrite"));
            return new TypeChoice("text", List.of(),
                    "One of " + t.values().size() + " values, kept as rows of a lookup table (enum_style: table) that"
                            + " this column references: values can carry data and change at run time with an INSERT,"
                            + " at the cost of a foreign-key check on every write.",
                    alts, avg, Optional.empty());
        }
        alts.add(alt("an enum type", "4 bytes and ordered, but removing a value means a new type and a rewrite"));
        alts.add(alt("a lookup table", "values carry data and change at run time, at the cost of a foreign key check per"
                + " write"));
        return new TypeChoice("text", List.of("%s IN (" + String.join(", ", quoted) + ")"),
                "One of " + t.values().size() + " values: text with a CHECK constraint. Readable in every client,"
                        + " and changing the set is a constraint swap (ADD ... NOT VALID, then VALIDATE) without a table"
                        + " rewrite.",
                alts, avg, Optional.empty());
    }

    private static String rangeType(LogicalType element) {
        if (element instanceof LogicalType.Int) {
            return "int4range";
        }
        if (element instanceof LogicalType.BigInt) {
            return "int8range";
        }
        if (element instanceof LogicalType.Decimal || element instanceof LogicalType.Money) {
            return "numrange";
        }
        if (element instanceof LogicalType.Date) {
            return "daterange";
        }
        return "tstzrange";
    }

    private static int numericWidth(int precision) {
        return 5 + (precision + 3) / 4 * 2;
    }

    private static TypeChoice choice(String type, List<String> checks, String reason, List<Alternative> alts, int width) {
        return new TypeChoice(type, checks, reason, alts, width, Optional.empty());
    }

    private static Alternative alt(String option, String verdict) {
        return new Alternative(option, verdict);
    }

    @Override
    public KeyColumn identityKey() {
        return new KeyColumn("bigint", "", true,
                "A bigint identity: 8 bytes, generated by the database, increasing, so new rows go to the right edge of"
                        + " the key index (compact, cache-friendly) and it never runs out. GENERATED ALWAYS refuses ids"
                        + " supplied by the application by accident.",
                List.of(alt("integer identity", "4 bytes less, but overflows at 2.1 billion rows: a painful migration"),
                        alt("uuid (v4)", "globally unique and unguessable, but 16 bytes in every key and reference, and"
                                + " random values scatter inserts over the whole index (more page splits, WAL and"
                                + " cache misses at volume)"),
                        alt("uuid v7", "time-ordered, so index-friendly; still 16 bytes; choose it with key: uuidv7"
                                + " when ids must be generated outside the database")));
    }

    @Override
    public KeyColumn uuidKey(boolean v7, int version) {
        if (v7) {
            boolean builtin = version >= since(Feature.UUIDV7);
            return new KeyColumn("uuid", builtin ? "uuidv7()" : "", false,
                    "A version-7 UUID: globally unique, generated anywhere, and time-ordered, so inserts append to the"
                            + " key index like an identity does. 16 bytes in every key and reference."
                            + (builtin ? "" : " Generated by the application (PostgreSQL " + since(Feature.UUIDV7)
                            + " has uuidv7())."),
                    List.of(alt("bigint identity", "half the size; choose it unless ids must be created outside the"
                            + " database"), alt("uuid v4", "random: scatters inserts over the index")));
        }
        return new KeyColumn("uuid", "gen_random_uuid()", false,
                "A random UUID (v4): globally unique, unguessable, generated anywhere. Costs 16 bytes in every key and"
                        + " reference, and random values spread inserts over the whole index (more page splits, WAL and"
                        + " cache misses as it grows).",
                List.of(alt("bigint identity", "8 bytes, increasing, cheaper to index"),
                        alt("uuid v7", "time-ordered: keeps uniqueness without scattering inserts")));
    }

    @Override
    public String defaultExpression(LogicalType type, String value, int version) {
        if (value.equals(Attribute.DEFAULT_NOW)) {
            return type instanceof LogicalType.Date ? "CURRENT_DATE" : "now()";
        }
        if (value.equals(Attribute.DEFAULT_RANDOM)) {
            return "gen_random_uuid()";
        }
        if (type instanceof LogicalType.Int || type instanceof LogicalType.BigInt || type instanceof LogicalType.Decimal
                || type instanceof LogicalType.Money) {
            return value;
        }
        if (type instanceof LogicalType.Bool) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (type instanceof LogicalType.Json) {
            return literal(value) + "::jsonb";
        }
        return literal(value);
    }

    @Override
    public String fullTextDocument(List<String> quotedColumns, String language) {
        char[] weights = {'A', 'B', 'C', 'D'};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < quotedColumns.size(); i++) {
            char w = weights[Math.min(i, 3)];
            parts.add("setweight(to_tsvector(" + literal(language) + "::regconfig, coalesce(" + quotedColumns.get(i)
                    + ", '')), " + literal(String.valueOf(w)) + ")");
        }
        return String.join(" || ", parts);
    }

    @Override
    public String fullTextType() {
        return "tsvector";
    }

    @Override
    public String caseFold(String quotedColumn) {
        return "lower(" + quotedColumn + ")";
    }

    @Override
    public int widthOf(String sqlType) {
        String t = sqlType.toLowerCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return 60;
        }
        if (t.startsWith("varchar(")) {
            int n = Integer.parseInt(t.substring(8, t.length() - 1));
            return Math.min(n / 2, 60) + 1;
        }
        if (t.startsWith("numeric")) {
            return 12;
        }
        return switch (t) {
            case "bigint", "timestamptz", "double precision" -> 8;
            case "integer", "date", "real" -> 4;
            case "smallint" -> 2;
            case "boolean" -> 1;
            case "uuid", "point" -> 16;
            case "jsonb" -> 200;
            case "tsvector" -> 0;
            default -> 40;
        };
    }

    private static Optional<IndexMethodChoice> containment(LogicalType type) {
        if (type instanceof LogicalType.Json) {
            return Optional.of(new IndexMethodChoice(Index.Method.GIN, Optional.of("jsonb_path_ops"),
                    "GIN with jsonb_path_ops answers @> containment from hashed paths; smaller and faster than the"
                            + " default jsonb_ops, which only key-existence operators (?, ?|, ?&) need."));
        }
        if (type instanceof LogicalType.Array) {
            return Optional.of(new IndexMethodChoice(Index.Method.GIN, Optional.empty(),
                    "GIN indexes each array element: @> and && read only the rows holding the searched elements."));
        }
        if (type instanceof LogicalType.Range) {
            return Optional.of(new IndexMethodChoice(Index.Method.GIST, Optional.empty(),
                    "GiST indexes ranges by their bounds: && (overlaps) and @> (contains) become index searches."));
        }
        return Optional.empty();
    }

    @Override
    public Optional<IndexMethodChoice> indexFor(AccessPattern.Op op, LogicalType type, String sqlType) {
        return switch (op) {
            case FULLTEXT -> type instanceof LogicalType.SearchableText
                    ? Optional.of(new IndexMethodChoice(Index.Method.GIN, Optional.empty(),
                    "GIN on the tsvector maps each word to the rows that contain it: a @@ search reads only the posting"
                            + " lists of the query's words."))
                    : Optional.empty();
            case CONTAINS, OVERLAPS -> containment(type);
            case NEAR, WITHIN -> type instanceof LogicalType.GeoPoint
                    ? Optional.of(new IndexMethodChoice(Index.Method.GIST, Optional.empty(),
                    "GiST on points answers box searches (<@) and nearest-first scans (ORDER BY <-> ... LIMIT) that"
                            + " stop after the requested rows."))
                    : Optional.empty();
            case PREFIX -> {
                String lower = sqlType.toLowerCase(Locale.ROOT);
                if (lower.startsWith("varchar")) {
                    yield Optional.of(new IndexMethodChoice(Index.Method.BTREE, Optional.of("varchar_pattern_ops"),
                            "LIKE 'x%' uses a B-tree only with the pattern operator class (unless the collation is C)."));
                }
                if (lower.equals("text")) {
                    yield Optional.of(new IndexMethodChoice(Index.Method.BTREE, Optional.of("text_pattern_ops"),
                            "LIKE 'x%' uses a B-tree only with the pattern operator class (unless the collation is C)."));
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }
}
