package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * large-offset: a Limit whose input produced at least {@link #MIN_SKIPPED} rows more than the
 * Limit returned, and at least {@link #MIN_SKIPPED_SHARE} of its input: the OFFSET rows were
 * produced only to be thrown away. Suggests keyset pagination, written out when a Sort below
 * gives the ORDER BY keys. Its time is the input's, in proportion to the rows skipped.
 */
final class LargeOffsetRule implements Rule {
    /** Rows skipped, over all loops. */
    static final double MIN_SKIPPED = 1_000;
    /** Share of the input's rows skipped. */
    static final double MIN_SKIPPED_SHARE = 0.5;

    @Override
    public Kind kind() {
        return Kind.LARGE_OFFSET;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().equals("Limit"))
                .forEach(limit -> Context.outer(limit).flatMap(input -> check(ctx, limit, input)).ifPresent(out::add));
        return out;
    }

    private Optional<Diagnosis> check(Context ctx, PlanNode limit, PlanNode input) {
        double produced = Context.rows(input);
        double returned = Context.rows(limit);
        double skipped = produced - returned;
        if (skipped < MIN_SKIPPED || skipped / produced < MIN_SKIPPED_SHARE) {
            return Optional.empty();
        }
        Evidence evidence = new Evidence(List.of(fact("Actual Rows", returned, "rows"),
                fact("Input Rows", produced, "rows"), fact("Rows Skipped", skipped, "rows")),
                "The Limit returned " + Fmt.count(returned) + " rows after its input produced " + Fmt.count(produced)
                        + ": " + Fmt.count(skipped) + " were skipped by OFFSET.");
        String cause = "OFFSET does not skip work: every skipped row is fetched, joined and sorted like the returned "
                + "ones, so each later page costs more than the one before.";
        List<String> keys = sortKey(input);
        Fix fix;
        String rule = "Paginate by key instead: remember the ORDER BY values of the last row of a page and ask for the "
                + "rows after them, with an index on those columns (end the ORDER BY with a unique column, such as the "
                + "primary key, so no row is skipped or repeated).";
        boolean ascending = !keys.isEmpty() && keys.stream().noneMatch(k -> k.endsWith(" DESC"));
        boolean descending = !keys.isEmpty() && keys.stream().allMatch(k -> k.endsWith(" DESC"));
        if (ascending || descending) {
            List<String> cols = keys.stream().map(k -> k.replaceFirst(" DESC$", "")).toList();
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= cols.size(); i++) {
                params.add("$" + i);
            }
            fix = Fix.of(rule, "WHERE (" + String.join(", ", cols) + ") " + (ascending ? ">" : "<") + " ("
                    + String.join(", ", params) + ") ORDER BY " + String.join(", ", keys) + " LIMIT "
                    + (long) limit.actualRows().orElse(returned));
        } else {
            fix = Fix.of(rule);
        }
        OptionalDouble inputTime = ctx.inclusive(input);
        OptionalDouble time = inputTime.isPresent()
                ? OptionalDouble.of(inputTime.getAsDouble() * skipped / produced) : OptionalDouble.empty();
        return Optional.of(ctx.diagnosis(kind(), Optional.of(limit), evidence, cause, List.of(fix),
                Context.Gain.of(time, skipped, "Keyset pagination reads only the rows of the page.")));
    }

    /** The sort key of the first Sort on the input's outer path, if any. */
    private static List<String> sortKey(PlanNode input) {
        Optional<PlanNode> at = Optional.of(input);
        while (at.isPresent()) {
            if (!at.get().sortKey().isEmpty()) {
                return at.get().sortKey();
            }
            at = Context.outer(at.get());
        }
        return List.of();
    }
}
