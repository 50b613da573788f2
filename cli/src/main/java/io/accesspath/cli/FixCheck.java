package io.accesspath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.cli.internal.Log;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.postgres.advise.FixValidation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code explain --validate / --measure}: the suggested indexes checked on the database. */
final class FixCheck {
    static final FixCheck NONE = new FixCheck(List.of(), List.of(), List.of(), false);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> ddls;
    private final List<FixValidation.Validation> validations;
    private final List<FixValidation.Measurement> measurements;
    private final boolean ran;

    private FixCheck(List<String> ddls, List<FixValidation.Validation> validations,
                     List<FixValidation.Measurement> measurements, boolean ran) {
        this.ddls = ddls;
        this.validations = validations;
        this.measurements = measurements;
        this.ran = ran;
    }

    static FixCheck run(ExplainCommand c, Analysis a) {
        Set<String> ddls = new LinkedHashSet<>();
        for (Diagnosis d : a.diagnoses()) {
            for (Fix f : d.fixes()) {
                f.sql().ifPresent(sql -> ddls.addAll(FixValidation.createIndexStatements(sql)));
            }
        }
        List<String> list = List.copyOf(ddls);
        if (list.isEmpty()) {
            if (a.diagnoses().isEmpty() && !c.analyze) {
                Log.info("no diagnoses to validate: diagnoses need EXPLAIN ANALYZE (add --analyze)");
            }
            return new FixCheck(list, List.of(), List.of(), true);
        }
        String sql = c.sql();
        List<FixValidation.Validation> validations = List.of();
        List<FixValidation.Measurement> measurements = List.of();
        if (c.validate) {
            try (Database db = Dialects.forUrl(c.url).connect(c.url, ConnectOptions.DEFAULT)) {
                validations = FixValidation.validate(db, sql, list, c.createHypoPg, m -> Log.info("warning: " + m));
            }
        }
        if (c.measure) {
            Log.info("--measure: building each suggested index for real inside a transaction that is rolled back;"
                    + " its table is SHARE-locked while it builds (writes to it wait, up to the lock timeout)");
            try (Database db = Dialects.forUrl(c.url).connect(c.url, ConnectOptions.DEFAULT.withWrites())) {
                measurements = FixValidation.measure(db, sql, list);
            }
        }
        return new FixCheck(list, validations, measurements, true);
    }

    String text() {
        if (!ran) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n");
        if (ddls.isEmpty()) {
            return sb.append("no index fix to check\n").toString();
        }
        if (validations.isEmpty() && measurements.isEmpty()) {
            sb.append("no suggested index could be checked (see the warnings)\n");
        }
        if (!validations.isEmpty()) {
            sb.append("fix validation (hypothetical indexes, HypoPG; the statement's estimated cost):\n");
            for (FixValidation.Validation v : validations) {
                sb.append("  ").append(v.ddl()).append(": cost ").append(num(v.before())).append(" -> ")
                        .append(num(v.after())).append(" (").append(pct(v.before(), v.after())).append(") ")
                        .append(v.helps() ? "the planner uses it" : "the planner would not use it").append('\n');
            }
        }
        if (!measurements.isEmpty()) {
            sb.append("measured (built for real in a transaction that was rolled back; best of 3 runs):\n");
            for (FixValidation.Measurement m : measurements) {
                sb.append("  ").append(m.ddl()).append(": ").append(num(m.beforeMs())).append(" ms -> ")
                        .append(num(m.afterMs())).append(" ms (").append(pct(m.beforeMs(), m.afterMs()))
                        .append("; built in ").append(num(m.buildMs())).append(" ms) ")
                        .append(m.used() ? "used by the plan" : "not used by the plan").append('\n');
            }
        }
        return sb.toString();
    }

    /** The plan's JSON with "Fix Validation" and "Fix Measurement" added. */
    String json(String planJson) {
        if (!ran) {
            return planJson;
        }
        try {
            var tree = JSON.readTree(planJson);
            ObjectNode root = (ObjectNode) (tree.isArray() ? tree.get(0) : tree);
            ArrayNode vs = root.putArray("Fix Validation");
            for (FixValidation.Validation v : validations) {
                vs.addObject().put("SQL", v.ddl()).put("Cost Before", v.before()).put("Cost After", v.after())
                        .put("Helps", v.helps());
            }
            ArrayNode ms = root.putArray("Fix Measurement");
            for (FixValidation.Measurement m : measurements) {
                ms.addObject().put("SQL", m.ddl()).put("Execution Time Before", m.beforeMs())
                        .put("Execution Time After", m.afterMs()).put("Build Time", m.buildMs()).put("Used", m.used());
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (java.io.IOException e) {
            throw new UserError(List.of(io.accesspath.core.error.Problem.of(io.accesspath.core.error.Loc.NONE,
                    "internal: the plan JSON cannot be read back: " + e.getMessage())), 70, e);
        }
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%,.2f", d);
    }

    private static String pct(double before, double after) {
        if (before <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (after / before - 1) * 100);
    }

    List<String> ddls() {
        return new ArrayList<>(ddls);
    }
}
