package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;
import io.accesspath.core.plan.diagnose.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * jit-dominates: JIT compilation ("JIT" / "Timing" / "Total") took at least
 * {@link #MIN_SHARE} of the execution time. Suggests turning JIT off for the query, or raising
 * the cost thresholds above this plan's cost (the inlining and optimization thresholds when those
 * phases took most of the JIT time).
 */
final class JitRule implements Rule {
    /** Share of the execution time JIT must take. */
    static final double MIN_SHARE = 0.2;

    @Override
    public Kind kind() {
        return Kind.JIT_DOMINATES;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        Optional<Fields> timing = ctx.plan().jit().flatMap(j -> j.object("Timing"));
        OptionalDouble exec = ctx.plan().executionTime();
        if (timing.isEmpty() || exec.isEmpty() || timing.get().decimal("Total").isEmpty()) {
            return List.of();
        }
        double total = timing.get().decimal("Total").getAsDouble();
        OptionalDouble share = Context.share(OptionalDouble.of(total), exec);
        if (share.isEmpty() || share.getAsDouble() < MIN_SHARE) {
            return List.of();
        }
        double inlining = phase(timing.get(), "Inlining");
        double optimization = phase(timing.get(), "Optimization");
        long functions = ctx.plan().jit().get().integer("Functions").orElse(0);
        double e = exec.getAsDouble();
        Evidence evidence = new Evidence(List.of(fact("JIT Total", total, "ms"), fact("Execution Time", e, "ms"),
                fact("JIT Inlining", inlining, "ms"), fact("JIT Optimization", optimization, "ms"),
                fact("Functions", functions, "count")),
                "JIT compilation of " + functions + " functions took " + Fmt.ms(total) + " of the " + Fmt.ms(e)
                        + " execution (inlining " + Fmt.ms(inlining) + ", optimization " + Fmt.ms(optimization) + ").");
        double cost = ctx.plan().root().totalCost().orElse(0);
        String cause = "The plan's estimated cost (" + Fmt.num(cost) + ") is above the JIT thresholds, so PostgreSQL "
                + "compiled its expressions; the query does too little work for the compiled code to repay the "
                + "compilation.";
        String above = String.valueOf(nextPowerOfTen(cost));
        List<Fix> fixes = new ArrayList<>();
        fixes.add(Fix.of("Turn JIT off for this query's session or transaction.", "SET jit = off;"));
        if (inlining + optimization >= total / 2) {
            fixes.add(Fix.of("Or keep JIT but skip its costly phases for plans this cheap.",
                    "SET jit_inline_above_cost = " + above + ";\nSET jit_optimize_above_cost = " + above + ";"));
        } else {
            fixes.add(Fix.of("Or raise the JIT threshold above this plan's cost.", "SET jit_above_cost = " + above + ";"));
        }
        return List.of(ctx.diagnosis(kind(), Severity.ofShare(share), Optional.empty(), evidence, cause, fixes,
                Context.Gain.of(OptionalDouble.of(total), "Without JIT the query saves its compilation time."), share,
                "the execution time"));
    }

    /** A JIT phase's time: a number, or (PostgreSQL 17 "Generation") an object with a "Total". */
    private static double phase(Fields timing, String name) {
        OptionalDouble direct = timing.decimal(name);
        return direct.isPresent() ? direct.getAsDouble()
                : timing.object(name).map(o -> o.decimal("Total").orElse(0)).orElse(0.0);
    }

    private static long nextPowerOfTen(double cost) {
        long p = 10;
        while (p <= cost) {
            p *= 10;
        }
        return p;
    }
}
