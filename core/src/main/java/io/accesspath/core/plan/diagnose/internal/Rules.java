package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanMetrics;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.SchemaFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule, and the ranking of what they find. */
public final class Rules {
    private static final List<Rule> ALL = List.of(new MissingIndexRule(), new InefficientIndexRule(),
            new MisestimateRule(), new SortSpillRule(), new HashSpillRule(), new LossyBitmapRule(), new HeapFetchesRule(),
            new NestedLoopUnderestimateRule(), new OrderByLimitRule(), new NonSargableRule(), new LargeOffsetRule(),
            new CorrelatedSubplanRule(), new WorkersNotLaunchedRule(), new JitRule(), new PlanningRule(),
            new HotJoinRule());

    /**
     * Most time first (diagnoses without a time last), then by severity, kind and node path, so
     * the order is the same on every run.
     */
    private static final Comparator<Diagnosis> RANK = Comparator
            .comparingDouble((Diagnosis d) -> -d.effect().timeMs().orElse(-1))
            .thenComparing(Diagnosis::severity)
            .thenComparing(Diagnosis::kind)
            .thenComparing(d -> d.node().map(n -> n.path()).orElse(""));

    private Rules() {
    }

    /** What every rule finds in the plan, ranked. */
    public static List<Diagnosis> diagnose(Plan plan, PlanMetrics metrics, SchemaFacts facts) {
        Context ctx = new Context(plan, metrics, facts);
        List<Diagnosis> all = new ArrayList<>();
        for (Rule rule : ALL) {
            all.addAll(rule.check(ctx));
        }
        all.sort(RANK);
        return List.copyOf(all);
    }
}
