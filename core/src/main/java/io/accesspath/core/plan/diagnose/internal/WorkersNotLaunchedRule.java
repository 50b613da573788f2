package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.accesspath.core.plan.diagnose.internal.Context.fact;

/**
 * workers-not-launched: a Gather or Gather Merge that launched fewer workers than planned (any
 * shortfall). The leader and the workers that did start ran the work planned for more
 * processes. When the plan's settings (EXPLAIN SETTINGS) show max_parallel_workers or
 * max_worker_processes, they are named. Its time is the Gather's.
 */
final class WorkersNotLaunchedRule implements Rule {
    private static final List<String> POOL_SETTINGS = List.of("max_parallel_workers", "max_worker_processes");

    @Override
    public Kind kind() {
        return Kind.WORKERS_NOT_LAUNCHED;
    }

    @Override
    public List<Diagnosis> check(Context ctx) {
        List<Diagnosis> out = new ArrayList<>();
        ctx.nodes().filter(n -> n.nodeType().startsWith("Gather") && n.workersLaunched().isPresent()
                && n.workersPlanned().orElse(0) > n.workersLaunched().getAsLong()).forEach(n -> out.add(diagnose(ctx, n)));
        return out;
    }

    private Diagnosis diagnose(Context ctx, PlanNode gather) {
        long planned = gather.workersPlanned().orElse(0);
        long launched = gather.workersLaunched().orElse(0);
        Evidence evidence = new Evidence(List.of(fact("Workers Planned", planned, "count"),
                fact("Workers Launched", launched, "count")),
                planned + " workers were planned and " + launched + " launched.");
        Fields settings = ctx.plan().settings().orElse(Fields.empty());
        List<String> shown = POOL_SETTINGS.stream().filter(settings::has)
                .map(s -> s + " = " + settings.text(s).orElse("?")).toList();
        String cause = "When the query started, the pool of background workers was used up (by other parallel "
                + "queries, or limited by max_parallel_workers and max_worker_processes"
                + (shown.isEmpty() ? "" : ", here " + String.join(", ", shown)) + "), so "
                + (launched == 0 ? "the leader alone" : (launched + 1) + " processes") + " did the work planned for "
                + (planned + 1) + ".";
        List<Fix> fixes = new ArrayList<>();
        if (!shown.isEmpty()) {
            fixes.add(Fix.of("This session changed the worker pool settings: restore them.",
                    String.join("\n", POOL_SETTINGS.stream().filter(settings::has).map(s -> "RESET " + s + ";").toList())));
        }
        fixes.add(Fix.of("If the machine has idle cores, raise max_parallel_workers (and max_worker_processes, which "
                + "needs a restart); otherwise run fewer parallel queries at once or lower "
                + "max_parallel_workers_per_gather so plans expect what they get."));
        return ctx.diagnosis(kind(), Optional.of(gather), evidence, cause, fixes,
                Context.Gain.of(ctx.inclusive(gather), "With its workers, the parallel part could run on "
                        + (planned + 1) + " processes instead of " + (launched + 1) + "."));
    }
}
