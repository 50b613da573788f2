package io.accesspath.postgres.advise;

import io.accesspath.core.db.Database;
import io.accesspath.core.design.Design;
import io.accesspath.core.error.UserError;
import io.accesspath.core.query.Query;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.WritePattern;
import io.accesspath.core.verify.Variant;
import io.accesspath.postgres.ParameterPicker;
import io.accesspath.postgres.QueryBinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A spec's access patterns as a workload: each pattern's first-page SQL (as {@code accesspath
 * queries} writes it), weighted by its frequency per second, with representative values picked
 * from the data (a random row's values, narrow ranges: the typical call, as verify picks them);
 * a pattern whose values cannot be picked is costed by its generic plan. And the write cost of an
 * index from the spec's write patterns.
 */
public final class SpecWorkload {
    private SpecWorkload() {
    }

    /** The patterns' statements, with values picked from {@code db}'s data (read-only). */
    public static List<WorkloadStatement> statements(Database db, Design design, List<Query> queries, long seed) {
        Schema schema = design.schema();
        List<WorkloadStatement> out = new ArrayList<>();
        try (Connection c = db.open()) {
            ParameterPicker picker = new ParameterPicker(c, schema, seed);
            for (Query q : queries) {
                Optional<Map<String, Object>> values;
                try {
                    values = q.parameters().isEmpty() ? Optional.of(Map.of())
                            : picker.pick(q, new Variant(false, false, false, 0));
                } catch (SQLException e) {
                    values = Optional.empty();
                }
                double weight = q.frequency().perSecond();
                if (values.isPresent()) {
                    Map<String, Object> v = values.get();
                    List<String> order = q.firstPage().parameters();
                    out.add(new WorkloadStatement(q.name(), weight, q.firstPage().jdbcSql(), Optional.of(
                            (connection, ps) -> QueryBinding.bind(connection, schema, ps, q, order, v))));
                } else {
                    out.add(WorkloadStatement.of(q.name(), weight, q.firstPage().jdbcSql()));
                }
            }
        } catch (SQLException e) {
            throw UserError.database("cannot pick parameter values on " + db.target() + ": " + PgWhatIf.oneLine(e), e);
        }
        return out;
    }

    /**
     * Index entries written per second for an index, from the spec's write patterns: inserts and
     * deletes of its table's rows, plus updates of a column the index holds (updates of other
     * columns can stay HOT); times 5 for GIN (several keys per row), as the designer estimates.
     */
    public static ToDoubleFunction<IndexDef> writeCosts(Spec spec) {
        return d -> {
            Optional<Entity> entity = spec.entities().stream().filter(e -> e.table().equals(d.table())).findFirst();
            if (entity.isEmpty()) {
                return 0;
            }
            String text = (String.join(" ", d.keys()) + " " + String.join(" ", d.include()) + " "
                    + d.where().orElse("")).replace("\"", "");
            double perSecond = 0;
            for (WritePattern w : spec.writesOf(entity.get().name())) {
                perSecond += w.inserts().perSecond() + w.deletes().perSecond();
                for (WritePattern.Update u : w.updates()) {
                    if (u.attributes().stream().anyMatch(a -> text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(a)
                            + "(_[a-z0-9_]+)?\\b.*"))) {
                        perSecond += u.rate().perSecond();
                    }
                }
            }
            return perSecond * (d.method().equals("gin") ? 5 : 1);
        };
    }
}
