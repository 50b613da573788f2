package io.accesspath.postgres;

import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.schema.Schema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Binds query parameters with the JDBC types their SQL types call for, and reads rows back: the
 * glue between the query model and a PostgreSQL connection.
 */
public final class QueryBinding {
    private QueryBinding() {
    }

    /** Binds the statement's parameters in JDBC order. */
    public static void bind(Connection connection, Schema schema, PreparedStatement ps, Query q, List<String> order,
                            Map<String, Object> values) throws SQLException {
        for (int i = 0; i < order.size(); i++) {
            Parameter p = q.parameter(order.get(i)).orElseThrow();
            Object v = values.get(p.name());
            if (p.isArray()) {
                String element = p.sqlType().substring(0, p.sqlType().length() - 2).replaceAll("\\(.*\\)", "");
                boolean builtin = schema.enumTypes().stream().noneMatch(e -> e.name().equals(element));
                ps.setArray(i + 1, connection.createArrayOf(builtin ? element : "text", (Object[]) v));
            } else if (v instanceof UUID || v instanceof OffsetDateTime || v instanceof LocalDate) {
                ps.setObject(i + 1, v);
            } else if (v == null) {
                ps.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** The JDBC value of a column value, as a parameter of {@code sqlType} binds it. */
    public static Object convert(Object v, String sqlType) {
        if (v == null) {
            return null;
        }
        String t = sqlType.toLowerCase(Locale.ROOT);
        try {
            if (v instanceof java.sql.Array a && !t.endsWith("[]")) {
                Object[] elements = (Object[]) a.getArray();
                return elements.length == 0 ? null : elements[0];
            }
            if (v instanceof java.sql.Array a) {
                return a.getArray();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (t.equals("timestamptz") && v instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (t.equals("date") && v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (t.equals("bigint") && v instanceof Number n) {
            return n.longValue();
        }
        if (t.equals("integer") && v instanceof Number n) {
            return n.intValue();
        }
        if (t.startsWith("numeric") && v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (t.equals("double precision") && v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof org.postgresql.util.PGobject o) {
            return o.getValue();
        }
        return v;
    }

    /** The rows a statement returns, each as its column values by label. */
    public static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i), v instanceof org.postgresql.util.PGobject o
                            ? o.getValue() : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The cursor values of the next page: the sort columns of the last row of a page. */
    public static Map<String, Object> cursor(Query q, Map<String, Object> lastRow) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : q.parametersWith(ParameterRole.CURSOR)) {
            values.put(p.name(), convert(lastRow.get(p.column().orElseThrow()), p.sqlType()));
        }
        return values;
    }
}
