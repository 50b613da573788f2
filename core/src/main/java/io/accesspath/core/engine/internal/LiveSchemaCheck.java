package io.accesspath.core.engine.internal;

import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.SeedSupport;
import io.accesspath.core.seed.TableSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the tables and columns of a user's database with the design before seeding it, one
 * line per difference. Blocking differences make the seed impossible (a missing table, a missing
 * required column, a required column the design does not know); the others are worked around
 * (a missing optional column is left out, a different type is loaded as text).
 */
public final class LiveSchemaCheck {
    /** Every difference, one line each, blocking ones included. */
    public final List<String> differences = new ArrayList<>();
    /** The differences that make the seed impossible. */
    public final List<String> blocking = new ArrayList<>();
    /** Per table, design columns the database does not have (left out of the load). */
    public final Map<String, Set<String>> missing = new HashMap<>();
    /** Tables with a column whose type differs: loaded in the text format, which converts. */
    public final Set<String> textOnly = new HashSet<>();

    public LiveSchemaCheck(SeedPlan plan, Schema live, SeedSupport support) {
        Schema design = plan.design().schema();
        for (TableSeed seeded : plan.tables()) {
            Table d = design.table(seeded.name()).orElseThrow();
            Optional<Table> l = live.table(seeded.name());
            if (l.isEmpty()) {
                block("table " + d.name() + " is missing from the database");
                continue;
            }
            compare(seeded, d, l.get(), support);
        }
    }

    private void compare(TableSeed seeded, Table d, Table l, SeedSupport support) {
        Set<String> written = new HashSet<>();
        seeded.columns().forEach(c -> written.add(c.name()));
        for (Column dc : d.columns()) {
            Optional<Column> lc = l.column(dc.name());
            String where = "table " + d.name() + ": column " + dc.name();
            if (lc.isEmpty()) {
                if (written.contains(dc.name()) && !dc.nullable()) {
                    block(where + " (" + dc.type() + " NOT NULL) is missing from the database");
                } else {
                    differ(where + " (" + dc.type() + ") is missing from the database; it is left out");
                    missing.computeIfAbsent(d.name(), k -> new HashSet<>()).add(dc.name());
                }
                continue;
            }
            Column c = lc.get();
            if (!written.contains(dc.name())) {
                continue;
            }
            if (c.generated().isPresent()) {
                block(where + " is generated in the database (" + c.generated().get() + ") but written by the seed");
                continue;
            }
            if (!support.sameType(dc.type(), c.type())) {
                differ(where + " is " + c.type() + " in the database, " + dc.type() + " in the design; it is loaded"
                        + " as text");
                textOnly.add(d.name());
            }
            if (dc.nullable() && !c.nullable()) {
                block(where + " is NOT NULL in the database but optional in the design (the seed writes NULLs)");
            }
        }
        for (Column c : l.columns()) {
            if (d.column(c.name()).isPresent()) {
                continue;
            }
            boolean filled = c.nullable() || c.defaultExpression().isPresent() || c.identity().isPresent()
                    || c.generated().isPresent();
            String where = "table " + d.name() + ": column " + c.name() + " (" + c.type() + ")";
            if (filled) {
                differ(where + " is not in the design; it is left to its default");
            } else {
                block(where + " is NOT NULL without a default and not in the design; the seed cannot fill it");
            }
        }
    }

    private void differ(String line) {
        differences.add(line);
    }

    private void block(String line) {
        differences.add(line);
        blocking.add(line);
    }
}
