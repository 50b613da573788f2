package io.accesspath.bench;

import io.accesspath.core.seed.ByteSink;
import io.accesspath.core.seed.Row;
import io.accesspath.core.seed.RowEncoder;
import io.accesspath.core.seed.SeedColumn;
import io.accesspath.core.seed.TableSeed;
import io.accesspath.core.seed.ValueText;
import io.accesspath.postgres.PgIdentifiers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What people write by hand: a prepared INSERT, typed parameters bound row by row, executeBatch
 * every 1,000 rows, one transaction per table. Inserts the same generated rows as the seed.
 */
final class BatchInsert {
    private static final int BATCH = 1_000;

    private BatchInsert() {
    }

    /** Inserts the first {@code limit} rows of the table (whole chunks); returns the rows inserted. */
    static long insert(Connection c, TableSeed t, long limit) throws SQLException {
        String sql = "INSERT INTO " + PgIdentifiers.quote(t.name()) + " ("
                + t.columns().stream().map(col -> PgIdentifiers.quote(col.name())).collect(Collectors.joining(", "))
                + ")" + (t.identityColumn().isPresent() ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
                + t.columns().stream().map(BatchInsert::placeholder).collect(Collectors.joining(", ")) + ")";
        long[] rows = {0};
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            RowEncoder binder = (row, out) -> {
                try {
                    bind(ps, t, row);
                    ps.addBatch();
                    if (++rows[0] % BATCH == 0) {
                        ps.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("inserting into " + t.name(), e);
                }
            };
            ByteSink unused = new ByteSink(16);
            for (int chunk = 0; chunk < t.chunks() && rows[0] < limit; chunk++) {
                t.encode(chunk, binder, unused);
            }
            ps.executeBatch();
        }
        return rows[0];
    }

    private static String placeholder(SeedColumn c) {
        return c.sqlType().equals("jsonb") ? "?::jsonb" : "?";
    }

    private static void bind(PreparedStatement ps, TableSeed t, Row row) throws SQLException {
        for (int i = 0; i < t.columns().size(); i++) {
            SeedColumn c = t.columns().get(i);
            int p = i + 1;
            if (row.isNull(i)) {
                ps.setNull(p, java.sql.Types.OTHER);
                continue;
            }
            switch (c.kind()) {
                case INT2, INT4 -> ps.setInt(p, (int) row.longValue(i));
                case INT8 -> ps.setLong(p, row.longValue(i));
                case NUMERIC -> ps.setBigDecimal(p, BigDecimal.valueOf(row.longValue(i), c.scale()));
                case BOOL -> ps.setBoolean(p, row.longValue(i) != 0);
                case DATE -> ps.setObject(p, LocalDate.ofEpochDay(row.longValue(i)));
                case TIMESTAMPTZ -> ps.setObject(p, OffsetDateTime.ofInstant(Instant.EPOCH.plusNanos(
                        row.longValue(i) * 1000), ZoneOffset.UTC));
                case UUID -> ps.setObject(p, new UUID(row.longValue(i), row.secondLong(i)));
                default -> {
                    StringBuilder sb = new StringBuilder();
                    ValueText.append(row, i, c, sb);
                    ps.setString(p, sb.toString());
                }
            }
        }
    }
}
