package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.PlanValue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which nodes' time and buffers are contained in which node's, and how many processes ran each
 * node; the rules are described on {@link io.accesspath.core.plan.PlanMetrics}.
 */
public final class Attribution {
    private static final Pattern RETURNS = Pattern.compile("\\(returns (.*)\\)");
    private static final Pattern INITPLAN = Pattern.compile("^InitPlan (\\d+)");

    /** {@code share} of {@code node}'s figures are contained in the charged node's. */
    public record Charge(PlanNode node, double share) {
    }

    private final Map<PlanNode, List<Charge>> charges = new IdentityHashMap<>();
    private final Map<PlanNode, Double> processes = new IdentityHashMap<>();

    private Attribution() {
    }

    public static Attribution of(Plan plan) {
        Attribution a = new Attribution();
        a.visit(plan.root(), 1.0);
        return a;
    }

    /** The nodes whose figures are contained in {@code node}'s, with their shares. */
    public List<Charge> charges(PlanNode node) {
        return charges.getOrDefault(node, List.of());
    }

    /** Time over all loops divided by the processes that ran the node; empty without timing. */
    public OptionalDouble wallTime(PlanNode node) {
        if (node.neverExecuted()) {
            return OptionalDouble.of(0);
        }
        if (node.actualTotalTime().isEmpty() || node.actualLoops().isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = node.actualTotalTime().getAsDouble() * node.actualLoops().getAsDouble();
        return OptionalDouble.of(total / processes.getOrDefault(node, 1.0));
    }

    private void visit(PlanNode node, double parallel) {
        processes.put(node, parallel);
        boolean gather = node.nodeType().startsWith("Gather");
        for (PlanNode child : node.children()) {
            String relationship = child.parentRelationship().orElse("");
            if (relationship.equals("InitPlan")) {
                chargeInitPlan(node, child);
            } else {
                charge(node, child, 1.0);
            }
            visit(child, gather && relationship.equals("Outer") ? workers(node, child) : parallel);
        }
    }

    /** Processes that ran a Gather's child: the child's loops over the Gather's. */
    private static double workers(PlanNode gather, PlanNode child) {
        double gatherLoops = gather.actualLoops().orElse(0);
        double childLoops = child.actualLoops().orElse(0);
        return gatherLoops > 0 && childLoops > 0 ? childLoops / gatherLoops : 1.0;
    }

    private void charge(PlanNode to, PlanNode from, double share) {
        charges.computeIfAbsent(to, k -> new ArrayList<>()).add(new Charge(from, share));
    }

    private void chargeInitPlan(PlanNode owner, PlanNode initPlan) {
        String name = initPlan.subplanName().orElse("");
        if (name.startsWith("CTE ")) {
            String cte = name.substring("CTE ".length());
            List<PlanNode> scans = new ArrayList<>();
            collect(owner, initPlan, n -> n.nodeType().equals("CTE Scan") && n.cteName().orElse("").equals(cte), scans);
            if (!scans.isEmpty()) {
                double rows = scans.stream().mapToDouble(Attribution::rowsRead).sum();
                for (PlanNode scan : scans) {
                    charge(scan, initPlan, rows > 0 ? rowsRead(scan) / rows : 1.0 / scans.size());
                }
                return;
            }
        } else {
            List<Pattern> refs = references(name);
            List<PlanNode> users = new ArrayList<>();
            collect(owner, initPlan, n -> refersTo(n.fields(), refs), users);
            if (!refs.isEmpty() && !users.isEmpty()) {
                charge(users.get(0), initPlan, 1.0);
                return;
            }
        }
        charge(owner, initPlan, 1.0);
    }

    private static double rowsRead(PlanNode scan) {
        return scan.actualRows().orElse(0) * scan.actualLoops().orElse(0);
    }

    /** How expressions name an InitPlan's output: {@code $0} (returns $0) or {@code (InitPlan 1).} */
    private static List<Pattern> references(String name) {
        List<Pattern> refs = new ArrayList<>();
        Matcher returns = RETURNS.matcher(name);
        if (returns.find()) {
            for (String param : returns.group(1).split(",")) {
                refs.add(Pattern.compile(Pattern.quote(param.strip()) + "(?!\\d)"));
            }
        }
        Matcher number = INITPLAN.matcher(name);
        if (number.find()) {
            refs.add(Pattern.compile(Pattern.quote("(InitPlan " + number.group(1) + ")")));
        }
        return refs;
    }

    private static boolean refersTo(Fields fields, List<Pattern> refs) {
        for (PlanValue value : fields.asMap().values()) {
            List<PlanValue> texts = value instanceof PlanValue.ListValue l ? l.items() : List.of(value);
            for (PlanValue v : texts) {
                if (v instanceof PlanValue.TextValue t && refs.stream().anyMatch(r -> r.matcher(t.value()).find())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Nodes from {@code node} down, in plan order, matching {@code test}, skipping {@code skip}. */
    private static void collect(PlanNode node, PlanNode skip, Predicate<PlanNode> test, List<PlanNode> into) {
        if (node == skip) {
            return;
        }
        if (test.test(node)) {
            into.add(node);
        }
        for (PlanNode child : node.children()) {
            collect(child, skip, test, into);
        }
    }
}
