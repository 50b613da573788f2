package io.accesspath.postgres;

import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.verify.Variant;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks realistic parameter values for a query from the data, the way real traffic would:
 * from an "anchor" row of the query's table, either a random one (a cold key) or one holding the
 * commonest value of the query's leading equality (a hot key: the busiest customer, the commonest
 * status), with ranges narrow (about 1% of the column's span) or wide (about 10%) around the
 * anchor's value. Statistics come from pg_stats (the caller runs ANALYZE first); random rows from
 * TABLESAMPLE ... REPEATABLE, so picks are the same run after run.
 */
public final class ParameterPicker {
    private final Connection connection;
    private final Schema schema;
    private final long seed;

    public ParameterPicker(Connection connection, Schema schema, long seed) {
        this.connection = connection;
        this.schema = schema;
        this.seed = seed;
    }

    /**
     * Values for every parameter but the cursor ones, for one variant; empty when the data has no
     * row to take them from (an empty table, a hot value whose rows have no links).
     */
    public Optional<Map<String, Object>> pick(Query q, Variant variant) throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Map<String, Object>> anchor = variant.hot() && attempt == 0 ? hotAnchor(q) : Optional.empty();
            if (anchor.isEmpty()) {
                anchor = randomAnchor(q, variant.attempt() * ATTEMPTS + attempt);
            }
            if (anchor.isEmpty()) {
                return Optional.empty();
            }
            Optional<Map<String, Object>> values = valuesFrom(q, anchor.get(), variant);
            if (values.isPresent()) {
                return values;
            }
        }
        return Optional.empty();
    }

    /** Rows tried before giving up: an anchor may hold NULL where a parameter needs a value. */
    static final int ATTEMPTS = 12;

    private Optional<Map<String, Object>> valuesFrom(Query q, Map<String, Object> anchor, Variant variant)
            throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : q.parameters()) {
            if (p.role() == ParameterRole.CURSOR) {
                continue;
            }
            Optional<Object> v = value(q, p, anchor, variant);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            values.put(p.name(), v.get());
        }
        return Optional.of(values);
    }

    // ---- anchors --------------------------------------------------------------------------------

    /** A random row of the query's table. */
    private Optional<Map<String, Object>> randomAnchor(Query q, int attempt) throws SQLException {
        long rows = estimatedRows(q.table());
        double percent = Math.min(100, Math.max(0.01, 100.0 * 400 / Math.max(1, rows)));
        String sql = "SELECT * FROM " + PgIdentifiers.quote(q.table()) + " TABLESAMPLE SYSTEM ("
                + String.format(Locale.ROOT, "%.4f", percent) + ") REPEATABLE (" + (seed + attempt) + ")";
        List<Map<String, Object>> sample = query(sql, List.of());
        if (sample.isEmpty()) {
            sample = query("SELECT * FROM " + PgIdentifiers.quote(q.table()) + " LIMIT 50", List.of());
        }
        if (sample.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sample.get((int) Math.floorMod(seed * 31 + attempt, (long) sample.size())));
    }

    /** A row holding the commonest value of the query's first equality parameter. */
    private Optional<Map<String, Object>> hotAnchor(Query q) throws SQLException {
        for (Parameter p : q.parameters()) {
            if (p.role() != ParameterRole.EQUAL && p.role() != ParameterRole.IN_LIST) {
                continue;
            }
            String table = p.table().orElseThrow();
            String column = p.column().orElseThrow();
            Optional<String> mcv = commonest(table, column);
            if (mcv.isEmpty()) {
                continue;
            }
            String qt = PgIdentifiers.quote(q.table());
            String cond = PgIdentifiers.quote(column) + "::text = ?";
            if (table.equals(q.table())) {
                return first("SELECT * FROM " + qt + " WHERE " + cond + " LIMIT 1", List.of(mcv.get()));
            }
            Optional<String> join = joinCondition(q.table(), table);
            if (join.isPresent()) {
                return first("SELECT q.* FROM " + qt + " q JOIN " + PgIdentifiers.quote(table) + " o ON " + join.get()
                        + " WHERE o." + cond + " LIMIT 1", List.of(mcv.get()));
            }
        }
        return Optional.empty();
    }

    /** The commonest value of a column, from pg_stats, as text. */
    private Optional<String> commonest(String table, String column) throws SQLException {
        List<Map<String, Object>> r = query("SELECT (most_common_vals::text::text[])[1] AS v FROM pg_stats"
                + " WHERE schemaname = current_schema() AND tablename = ? AND attname = ?", List.of(table, column));
        return r.isEmpty() ? Optional.empty() : Optional.ofNullable((String) r.get(0).get("v"));
    }

    /** The join between the query's table (alias q) and another (alias o), through a foreign key. */
    private Optional<String> joinCondition(String queryTable, String other) {
        for (ForeignKey fk : table(other).foreignKeys()) {
            if (fk.referencedTable().equals(queryTable)) {
                return Optional.of(match("o", fk.columns(), "q", fk.referencedColumns()));
            }
        }
        for (ForeignKey fk : table(queryTable).foreignKeys()) {
            if (fk.referencedTable().equals(other)) {
                return Optional.of(match("q", fk.columns(), "o", fk.referencedColumns()));
            }
        }
        return Optional.empty();
    }

    private static String match(String a, List<String> aCols, String b, List<String> bCols) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < aCols.size(); i++) {
            parts.add(a + "." + PgIdentifiers.quote(aCols.get(i)) + " = " + b + "." + PgIdentifiers.quote(bCols.get(i)));
        }
        return String.join(" AND ", parts);
    }

    // ---- values ---------------------------------------------------------------------------------

    private Optional<Object> value(Query q, Parameter p, Map<String, Object> anchor, Variant variant)
            throws SQLException {
        switch (p.role()) {
            case LIMIT:
                return Optional.of(Long.parseLong(p.defaultValue().orElse("50")));
            case OFFSET:
                return Optional.of(variant.deep() ? 10L * q.page().map(pg -> pg.size()).orElse(20) : 0L);
            default:
                break;
        }
        String col = PgIdentifiers.quote(p.column().orElseThrow());
        Optional<Object> related;
        switch (p.role()) {
            case RANGE_LOW, RANGE_HIGH, LOWER_BOUND, UPPER_BOUND:
                related = related(q, p, anchor, col);
                if (related.isEmpty()) {
                    return related;
                }
                Object[] span = span(p);
                return Optional.of(bound(p, related.get(), variant, span));
            case LONGITUDE, LATITUDE:
                return related(q, p, anchor, col + "[" + (p.role() == ParameterRole.LONGITUDE ? 0 : 1) + "]")
                        .map(v -> boxed(p, v));
            case PREFIX:
                return related(q, p, anchor, col).map(v -> v.toString().substring(0, Math.min(3, v.toString().length())));
            case FULLTEXT_TERMS:
                return related(q, p, anchor, col).map(v -> longestWord(v.toString()));
            case CONTAINS, OVERLAPS:
                return related(q, p, anchor, p.isArray() ? col : col + "::text").map(v -> containment(p, v));
            case IN_LIST:
                return related(q, p, anchor, col).map(v -> new Object[] {v});
            case EQUAL:
                return related(q, p, anchor, col).map(v -> p.logicalType().orElse("").equals("email")
                        ? v.toString().toUpperCase(Locale.ROOT) : v);
            default:
                return related(q, p, anchor, col);
        }
    }

    /** A value of {@code expression} in the parameter's table, in the row the anchor is (or links to). */
    private Optional<Object> related(Query q, Parameter p, Map<String, Object> anchor, String expression)
            throws SQLException {
        String table = p.table().orElseThrow();
        String from = PgIdentifiers.quote(table);
        if (table.equals(q.table())) {
            List<String> key = table(table).primaryKey().orElseThrow().columns();
            return one("SELECT " + expression + " FROM " + from + " WHERE " + keyMatch(key),
                    key.stream().map(anchor::get).toList(), p.sqlType());
        }
        for (ForeignKey fk : table(table).foreignKeys()) {
            if (fk.referencedTable().equals(q.table())) {
                return one("SELECT " + expression + " FROM " + from + " WHERE " + keyMatch(fk.columns())
                        + " ORDER BY 1 LIMIT 1", fk.referencedColumns().stream().map(anchor::get).toList(), p.sqlType());
            }
        }
        for (ForeignKey fk : table(q.table()).foreignKeys()) {
            if (fk.referencedTable().equals(table)) {
                return one("SELECT " + expression + " FROM " + from + " WHERE " + keyMatch(fk.referencedColumns()),
                        fk.columns().stream().map(anchor::get).toList(), p.sqlType());
            }
        }
        return Optional.empty();
    }

    /**
     * A range bound around the anchor's value: a two-sided range covers about 1% (narrow) or 10%
     * (wide) of the column's span in the data (its min to its max), centred on the anchor's value;
     * a one-sided bound sits at the anchor's value.
     */
    private static Object bound(Parameter p, Object v, Variant variant, Object[] span) {
        boolean low = p.role() == ParameterRole.RANGE_LOW || p.role() == ParameterRole.LOWER_BOUND;
        boolean twoSided = p.role() == ParameterRole.RANGE_LOW || p.role() == ParameterRole.RANGE_HIGH;
        double half = twoSided ? (variant.wide() ? 0.05 : 0.005) : 0;
        if (v instanceof OffsetDateTime t && span[0] instanceof OffsetDateTime a && span[1] instanceof OffsetDateTime b) {
            long width = (long) (Duration.between(a, b).toSeconds() * half);
            return low ? t.minusSeconds(width) : t.plusSeconds(width + 1);
        }
        if (v instanceof LocalDate d && span[0] instanceof LocalDate a && span[1] instanceof LocalDate b) {
            long width = (long) Math.ceil((b.toEpochDay() - a.toEpochDay()) * half);
            return low ? d.minusDays(width) : d.plusDays(width + 1);
        }
        if (v instanceof Number n && span[0] instanceof Number a && span[1] instanceof Number b) {
            double width = (b.doubleValue() - a.doubleValue()) * half;
            double x = low ? n.doubleValue() - width : n.doubleValue() + width;
            if (v instanceof BigDecimal bd) {
                return BigDecimal.valueOf(x).setScale(bd.scale(), java.math.RoundingMode.HALF_UP)
                        .add(low ? BigDecimal.ZERO : BigDecimal.ONE.movePointLeft(bd.scale()));
            }
            if (v instanceof Long) {
                return low ? (long) Math.floor(x) : (long) Math.ceil(x) + 1;
            }
            if (v instanceof Integer) {
                return low ? (int) Math.floor(x) : (int) Math.ceil(x) + 1;
            }
            return x;
        }
        return v;
    }

    private final Map<String, Object[]> spans = new java.util.HashMap<>();

    /** The smallest and largest value of the parameter's column (read once per column). */
    private Object[] span(Parameter p) throws SQLException {
        String table = p.table().orElseThrow();
        String column = p.column().orElseThrow();
        String key = table + "." + column;
        Object[] known = spans.get(key);
        if (known != null) {
            return known;
        }
        String c = PgIdentifiers.quote(column);
        List<Map<String, Object>> r = query("SELECT min(" + c + ") AS lo, max(" + c + ") AS hi FROM "
                + PgIdentifiers.quote(table), List.of());
        Object[] span = new Object[] {
            QueryBinding.convert(r.get(0).get("lo"), p.sqlType()), QueryBinding.convert(r.get(0).get("hi"), p.sqlType())};
        spans.put(key, span);
        return span;
    }

    /** A coordinate; a box corner is pushed a little outward so the box has area. */
    private static Object boxed(Parameter p, Object v) {
        double d = ((Number) v).doubleValue();
        if (p.name().contains("_min_")) {
            return d - 1;
        }
        if (p.name().contains("_max_")) {
            return d + 1;
        }
        return d;
    }

    /**
     * Containment: one element of an array, or one key of a JSON object, as a filter would ask
     * for it: the most telling key (a text value before a number, a number before a flag), since
     * "featured: true" matches a large share of rows where "series: x" names a few.
     */
    private static Object containment(Parameter p, Object v) {
        if (v instanceof Object[] arr) {
            return arr.length == 0 ? arr : new Object[] {arr[0]};
        }
        String text = v.toString().strip();
        if (!text.startsWith("{")) {
            return text;
        }
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            var node = mapper.readTree(text);
            String bestKey = null;
            int bestRank = Integer.MAX_VALUE;
            for (var it = node.fields(); it.hasNext();) {
                var e = it.next();
                int rank = e.getValue().isTextual() ? 0 : e.getValue().isNumber() ? 1 : 2;
                if (rank < bestRank) {
                    bestRank = rank;
                    bestKey = e.getKey();
                }
            }
            if (bestKey == null) {
                return text;
            }
            var one = mapper.createObjectNode();
            one.set(bestKey, node.get(bestKey));
            return one.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return text;
        }
    }

    /** The longest word of a text: a term the search matches, never a stop word. */
    static String longestWord(String text) {
        String best = "";
        for (String w : text.split("[^\\p{L}]+")) {
            best = w.length() > best.length() ? w : best;
        }
        return best;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("no table " + name));
    }

    private long estimatedRows(String table) throws SQLException {
        List<Map<String, Object>> r = query("SELECT reltuples::bigint AS n FROM pg_class WHERE oid = ?::regclass",
                List.of(PgIdentifiers.quote(table)));
        return r.isEmpty() || r.get(0).get("n") == null ? 0 : ((Number) r.get(0).get("n")).longValue();
    }

    private static String keyMatch(List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add(PgIdentifiers.quote(c) + " = ?");
        }
        return String.join(" AND ", parts);
    }

    private Optional<Object> one(String sql, List<Object> args, String sqlType) throws SQLException {
        List<Map<String, Object>> r = query(sql + (sql.contains(" LIMIT ") ? "" : " LIMIT 1"), args);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Object v = r.get(0).values().iterator().next();
        return Optional.ofNullable(QueryBinding.convert(v, sqlType));
    }

    private Optional<Map<String, Object>> first(String sql, List<Object> args) throws SQLException {
        List<Map<String, Object>> r = query(sql, args);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private List<Map<String, Object>> query(String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnName(i), v instanceof java.sql.Array a
                                ? a.getArray() : v);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
