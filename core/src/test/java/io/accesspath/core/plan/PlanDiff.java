package io.accesspath.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Differences between two plan trees over the fields both have; a test helper. */
final class PlanDiff {
    /** Fields that differ between two executions of the same statement. */
    static final Set<String> RUN_VARIANT = Set.of("Actual Startup Time", "Actual Total Time", "Planning Time",
            "Execution Time", "Time", "Timing", "Generation", "Inlining", "Optimization", "Emission", "Total", "Deform");

    /** Fields of one parallel worker, which vary with how the rows were shared between workers. */
    static final Set<String> WORKER_VARIANT = Set.of("Actual Rows", "Actual Loops", "Sort Method", "Sort Space Used",
            "Sort Space Type", "Shared Hit Blocks", "Shared Read Blocks", "Temp Read Blocks", "Temp Written Blocks");

    private PlanDiff() {
    }

    /** Problems found comparing {@code text} with {@code json}: shape, invented keys, unequal values. */
    static List<String> compare(Plan text, Plan json, Set<String> ignored) {
        List<String> out = new ArrayList<>();
        fields("query", text.fields(), json.fields(), ignored, out);
        node("root", text.root(), json.root(), ignored, out);
        return out;
    }

    private static void node(String path, PlanNode text, PlanNode json, Set<String> ignored, List<String> out) {
        String here = path + "/" + json.nodeType();
        fields(here, text.fields(), json.fields(), ignored, out);
        if (text.children().size() != json.children().size()) {
            out.add(here + ": " + text.children().size() + " children in text, " + json.children().size() + " in JSON");
            return;
        }
        for (int i = 0; i < text.children().size(); i++) {
            node(here + "[" + i + "]", text.children().get(i), json.children().get(i), ignored, out);
        }
    }

    private static void fields(String path, Fields text, Fields json, Set<String> ignored, List<String> out) {
        for (String key : text.keys()) {
            if (!json.has(key)) {
                out.add(path + ": \"" + key + "\" is not in the JSON");
                continue;
            }
            if (RUN_VARIANT.contains(key) || ignored.contains(key)) {
                continue;
            }
            PlanValue t = text.get(key).orElseThrow();
            PlanValue j = json.get(key).orElseThrow();
            if (t instanceof PlanValue.ObjectValue to && j instanceof PlanValue.ObjectValue jo) {
                fields(path + "." + key, to.fields(), jo.fields(), ignored, out);
            } else if (t instanceof PlanValue.ListValue tl && j instanceof PlanValue.ListValue jl
                    && tl.items().size() == jl.items().size() && tl.items().stream().allMatch(PlanValue.ObjectValue.class::isInstance)) {
                Set<String> inner = key.equals("Workers") ? union(ignored, WORKER_VARIANT) : ignored;
                for (int i = 0; i < tl.items().size(); i++) {
                    fields(path + "." + key + "[" + i + "]", ((PlanValue.ObjectValue) tl.items().get(i)).fields(),
                            ((PlanValue.ObjectValue) jl.items().get(i)).fields(), inner, out);
                }
            } else if (!t.equals(j)) {
                out.add(path + ": \"" + key + "\" is " + t + " in text, " + j + " in JSON");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Keys of {@code json} (nodes and query) that {@code text} lacks, for coverage checks. */
    static Set<String> missingInText(Plan text, Plan json) {
        Set<String> missing = new java.util.TreeSet<>();
        json.fields().keys().stream().filter(k -> !text.fields().has(k)).forEach(missing::add);
        List<PlanNode> t = text.nodes().toList();
        List<PlanNode> j = json.nodes().toList();
        for (int i = 0; i < Math.min(t.size(), j.size()); i++) {
            Fields tf = t.get(i).fields();
            j.get(i).fields().keys().stream().filter(k -> !tf.has(k)).forEach(missing::add);
        }
        return missing;
    }
}
