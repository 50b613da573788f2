package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.PlanValue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a node line of text EXPLAIN, such as
 * {@code Parallel Index Scan Backward using idx on public.t t1  (cost=0.29..8.31 rows=1 width=34) (actual time=0.003..0.004 rows=1 loops=1)},
 * into the fields FORMAT JSON prints for it, in the same order.
 */
final class NodeHeaders {
    private static final String NUM = "-?\\d+(?:\\.\\d+)?";
    private static final Pattern LINE = Pattern.compile("^(?<name>.*?)"
            + "(?:\\s+\\(cost=(?<sc>" + NUM + ")\\.\\.(?<tc>" + NUM + ") rows=(?<pr>" + NUM + ") width=(?<pw>\\d+)\\))?"
            + "(?:\\s+\\((?:actual (?:time=(?<as>" + NUM + ")\\.\\.(?<at>" + NUM + ") )?rows=(?<ar>" + NUM + ") loops=(?<al>"
            + NUM + ")|(?<never>never executed))\\))?$");
    private static final Pattern JOIN = Pattern.compile(
            "^(?:(Nested Loop|Merge|Hash)(?: (Left|Full|Right|Semi|Anti|Right Semi|Right Anti))? Join|Nested Loop)$");
    private static final Pattern AGG = Pattern.compile(
            "^(?:(Partial|Finalize) )?(Aggregate|GroupAggregate|HashAggregate|MixedAggregate)$");
    private static final Pattern SETOP = Pattern.compile("^(SetOp|HashSetOp) (Intersect All|Intersect|Except All|Except)$");
    private static final Pattern MODIFY = Pattern.compile("^(Insert|Update|Delete|Merge) on (.+)$");
    private static final Pattern FOREIGN = Pattern.compile("^Foreign (Scan|Insert|Update|Delete)(?: on (.+))?$");
    private static final Pattern CUSTOM = Pattern.compile("^Custom Scan \\((.+?)\\)(?: on (.+))?$");
    private static final Pattern INDEX = Pattern.compile("^(Index Scan|Index Only Scan)( Backward)? using (.+?) on (.+)$");
    private static final Pattern BITMAP_INDEX = Pattern.compile("^Bitmap Index Scan on (.+)$");
    private static final Pattern SCAN = Pattern.compile("^(Seq Scan|Sample Scan|Bitmap Heap Scan|Tid Scan|Tid Range Scan"
            + "|Subquery Scan|Function Scan|Table Function Scan|Values Scan|CTE Scan|Named Tuplestore Scan|WorkTable Scan)"
            + " on (.+)$");
    private static final List<String> PLAIN = List.of("Result", "ProjectSet", "Append", "Merge Append",
            "Recursive Union", "BitmapAnd", "BitmapOr", "Gather", "Gather Merge", "Materialize", "Memoize",
            "Sort", "Incremental Sort", "Group", "WindowAgg", "Unique", "LockRows", "Limit", "Hash", "Foreign Scan",
            "Custom Scan");
    private static final Map<String, String> STRATEGY = Map.of("Aggregate", "Plain", "GroupAggregate", "Sorted",
            "HashAggregate", "Hashed", "MixedAggregate", "Mixed", "SetOp", "Sorted", "HashSetOp", "Hashed");
    private static final Map<String, String> TARGET_TAG = Map.ofEntries(
            Map.entry("Function Scan", "Function Name"), Map.entry("Table Function Scan", "Table Function Name"),
            Map.entry("CTE Scan", "CTE Name"), Map.entry("WorkTable Scan", "CTE Name"),
            Map.entry("Named Tuplestore Scan", "Tuplestore Name"), Map.entry("Subquery Scan", ""),
            Map.entry("Values Scan", ""));

    /** A parsed node line. */
    record Header(MutableFields fields, boolean known, boolean measured, boolean timed, boolean neverExecuted) {
    }

    private NodeHeaders() {
    }

    /** Reads a node line; null when the name part does not fit a node line at all. */
    static Header read(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        MutableFields f = new MutableFields();
        String name = m.group("name").strip();
        boolean parallel = false;
        boolean async = false;
        if (name.startsWith("Parallel ")) {
            parallel = true;
            name = name.substring("Parallel ".length());
        }
        if (name.startsWith("Async ")) {
            async = true;
            name = name.substring("Async ".length());
        }
        MutableFields tail = new MutableFields();
        boolean known = nodeName(name, f, tail);
        f.put("Parallel Aware", PlanValue.bool(parallel));
        f.put("Async Capable", PlanValue.bool(async));
        copy(tail, f);
        boolean costs = m.group("sc") != null;
        if (costs) {
            f.put("Startup Cost", PlanValue.number(m.group("sc")));
            f.put("Total Cost", PlanValue.number(m.group("tc")));
            f.put("Plan Rows", PlanValue.number(m.group("pr")));
            f.put("Plan Width", PlanValue.number(m.group("pw")));
        }
        boolean timed = m.group("as") != null;
        if (timed) {
            f.put("Actual Startup Time", PlanValue.number(m.group("as")));
            f.put("Actual Total Time", PlanValue.number(m.group("at")));
        }
        boolean never = m.group("never") != null;
        if (m.group("ar") != null) {
            f.put("Actual Rows", PlanValue.number(m.group("ar")));
            f.put("Actual Loops", PlanValue.number(m.group("al")));
        } else if (never) {
            f.put("Actual Rows", PlanValue.number(0));
            f.put("Actual Loops", PlanValue.number(0));
        }
        boolean measured = costs || m.group("ar") != null || never;
        return new Header(f, known && !name.isEmpty(), measured, timed, never);
    }

    /** Puts "Node Type" and what the name encodes; returns whether the name is a known one. */
    private static boolean nodeName(String name, MutableFields f, MutableFields tail) {
        Matcher m;
        if ((m = JOIN.matcher(name)).matches()) {
            String type = m.group(1) == null || m.group(1).equals("Nested Loop") ? "Nested Loop" : m.group(1) + " Join";
            f.put("Node Type", PlanValue.text(type));
            tail.put("Join Type", PlanValue.text(m.group(2) == null ? "Inner" : m.group(2)));
            return true;
        }
        if ((m = AGG.matcher(name)).matches()) {
            f.put("Node Type", PlanValue.text("Aggregate"));
            f.put("Strategy", PlanValue.text(STRATEGY.get(m.group(2))));
            f.put("Partial Mode", PlanValue.text(m.group(1) == null ? "Simple" : m.group(1)));
            return true;
        }
        if ((m = SETOP.matcher(name)).matches()) {
            f.put("Node Type", PlanValue.text("SetOp"));
            f.put("Strategy", PlanValue.text(STRATEGY.get(m.group(1))));
            tail.put("Command", PlanValue.text(m.group(2)));
            return true;
        }
        if ((m = MODIFY.matcher(name)).matches() && target(m.group(2), "Relation Name", tail)) {
            f.put("Node Type", PlanValue.text("ModifyTable"));
            f.put("Operation", PlanValue.text(m.group(1)));
            return true;
        }
        if ((m = FOREIGN.matcher(name)).matches() && (m.group(2) == null || target(m.group(2), "Relation Name", tail))) {
            f.put("Node Type", PlanValue.text("Foreign Scan"));
            f.put("Operation", PlanValue.text(m.group(1).equals("Scan") ? "Select" : m.group(1)));
            return true;
        }
        if ((m = CUSTOM.matcher(name)).matches() && (m.group(2) == null || target(m.group(2), "Relation Name", tail))) {
            f.put("Node Type", PlanValue.text("Custom Scan"));
            f.put("Custom Plan Provider", PlanValue.text(m.group(1)));
            return true;
        }
        if ((m = INDEX.matcher(name)).matches()) {
            List<List<String>> index = PgText.identifiers(m.group(3));
            MutableFields scan = new MutableFields();
            if (index != null && index.size() == 1 && index.get(0).size() == 1) {
                scan.put("Scan Direction", PlanValue.text(m.group(2) == null ? "Forward" : "Backward"));
                scan.put("Index Name", PlanValue.text(index.get(0).get(0)));
                if (target(m.group(4), "Relation Name", scan)) {
                    f.put("Node Type", PlanValue.text(m.group(1)));
                    copy(scan, tail);
                    return true;
                }
            }
        }
        if ((m = BITMAP_INDEX.matcher(name)).matches()) {
            List<List<String>> index = PgText.identifiers(m.group(1));
            if (index != null && index.size() == 1 && index.get(0).size() == 1) {
                f.put("Node Type", PlanValue.text("Bitmap Index Scan"));
                tail.put("Index Name", PlanValue.text(index.get(0).get(0)));
                return true;
            }
        }
        if ((m = SCAN.matcher(name)).matches()
                && target(m.group(2), TARGET_TAG.getOrDefault(m.group(1), "Relation Name"), tail)) {
            f.put("Node Type", PlanValue.text(m.group(1)));
            return true;
        }
        f.put("Node Type", PlanValue.text(name));
        return PLAIN.contains(name);
    }

    /**
     * Reads {@code [schema.]name [alias]} (or just an alias where {@code tag} is empty) as
     * ExplainTargetRel prints it; false when it is not that.
     */
    static boolean target(String text, String tag, MutableFields into) {
        List<List<String>> words = PgText.identifiers(text);
        if (words == null || words.size() > 2 || words.get(0).size() > 2
                || (words.size() == 2 && words.get(1).size() != 1)) {
            return false;
        }
        List<String> object = words.get(0);
        if (tag.isEmpty()) {
            if (words.size() != 1 || object.size() != 1) {
                return false;
            }
            into.put("Alias", PlanValue.text(object.get(0)));
            return true;
        }
        String name = object.get(object.size() - 1);
        into.put(tag, PlanValue.text(name));
        if (object.size() == 2) {
            into.put("Schema", PlanValue.text(object.get(0)));
        }
        into.put("Alias", PlanValue.text(words.size() == 2 ? words.get(1).get(0) : name));
        return true;
    }

    private static void copy(MutableFields from, MutableFields to) {
        for (String key : from.keys()) {
            to.put(key, (PlanValue) from.get(key));
        }
    }
}
