package io.accesspath.postgres;

import io.accesspath.core.db.Database;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Queries the seed integration tests ask of a loaded database. */
final class SeedQueries {
    private final Database db;

    SeedQueries(Database db) {
        this.db = db;
    }

    /** The first column of the first row, as a number. */
    double number(String sql) {
        try (Connection c = db.open(); java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, as text. */
    String text(String sql) {
        try (Connection c = db.open(); java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql) {
        return Math.round(number(sql));
    }

    /** The first two columns of every row, as label and number. */
    Map<String, Double> pairs(String sql) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Connection c = db.open(); java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    void execute(String... statements) {
        try (Connection c = db.open(); java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }

    /**
     * For every foreign key of the schema, the referencing rows whose parent is missing (an
     * anti-join), as "table.constraint: n" for the non-zero ones.
     */
    List<String> orphans(Schema schema) {
        List<String> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                String notNull = fk.columns().stream().map(c -> "c." + PgIdentifiers.quote(c) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND "));
                List<String> join = new ArrayList<>();
                for (int i = 0; i < fk.columns().size(); i++) {
                    join.add("p." + PgIdentifiers.quote(fk.referencedColumns().get(i)) + " = c."
                            + PgIdentifiers.quote(fk.columns().get(i)));
                }
                long n = count("SELECT count(*) FROM " + PgIdentifiers.quote(t.name()) + " c WHERE " + notNull
                        + " AND NOT EXISTS (SELECT 1 FROM " + PgIdentifiers.quote(fk.referencedTable()) + " p WHERE "
                        + String.join(" AND ", join) + ")");
                if (n > 0) {
                    out.add(t.name() + "." + fk.name() + ": " + n);
                }
            }
        }
        return out;
    }

    /** Constraints of the tables that are not validated (they would have been skipped during the load). */
    long unvalidatedConstraints() {
        return count("SELECT count(*) FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = k.connamespace WHERE n.nspname = 'public' AND NOT k.convalidated");
    }
}
