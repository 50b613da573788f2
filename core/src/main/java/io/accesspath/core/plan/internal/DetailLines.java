package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.PlanValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the detail lines of text EXPLAIN ("Filter: ...", "Buffers: shared hit=1", "Sort Method:
 * quicksort  Memory: 25kB", "Worker 0:  ...", "JIT:", ...) into the fields FORMAT JSON prints
 * for them, under the same names and in the same order. A line of an unknown "Key: value" form
 * is kept as a field of that name.
 */
final class DetailLines {
    private static final String NUM = "-?\\d+(?:\\.\\d+)?";
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z][A-Za-z0-9_ /\\-]*):(?: (.*))?$");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("^(" + NUM + ")(?: ?(?:ms|kB))?$");
    private static final Pattern WORKER = Pattern.compile("^Worker (\\d+):(?:\\s+(.*))?$");
    private static final Pattern ACTUAL = Pattern.compile(
            "^actual (?:time=(" + NUM + ")\\.\\.(" + NUM + ") )?rows=(" + NUM + ") loops=(" + NUM + ")$");
    private static final Pattern SORT = Pattern.compile("^(.+?)  (Memory|Disk): (\\d+)kB$");
    private static final Pattern HASH = Pattern.compile("^(\\d+)(?: \\(originally (\\d+)\\))?  Batches: (\\d+)"
            + "(?: \\(originally (\\d+)\\))?  Memory Usage: (\\d+)kB$");
    private static final Pattern HASH_AGG = Pattern.compile("^(?:Planned Partitions: (\\d+))?(?:\\s*Batches: (\\d+)"
            + "  Memory Usage: (\\d+)kB(?:  Disk Usage: (\\d+)kB)?)?$");
    private static final Pattern MEMOIZE = Pattern.compile("^(\\d+)  Misses: (\\d+)  Evictions: (\\d+)  Overflows: (\\d+)"
            + "  Memory Usage: (\\d+)kB$");
    private static final Pattern STORAGE = Pattern.compile("^(\\w+)  Maximum Storage: (\\d+)kB$");
    private static final Pattern SORT_GROUPS = Pattern.compile("^(\\d+)  Sort Methods?: (.+?)"
            + "(?:  Average Memory: (\\d+)kB  Peak Memory: (\\d+)kB)?(?:  Average Disk: (\\d+)kB  Peak Disk: (\\d+)kB)?$");
    private static final Pattern SERIALIZATION = Pattern.compile(
            "^(?:time=(" + NUM + ") ms  )?output=(\\d+)kB  format=(\\w+)$");
    private static final Pattern MEMORY = Pattern.compile("^used=(\\d+)kB  allocated=(\\d+)kB$");
    private static final Pattern SAMPLING = Pattern.compile("^(\\S+) \\((.*)\\)(?: REPEATABLE \\((.*)\\))?$");
    private static final Pattern JIT_TIME = Pattern.compile("^(\\w+) (" + NUM + ") ms(?: \\(Deform (" + NUM + ") ms\\))?$");
    private static final Pattern SETTING = Pattern.compile("([\\w.]+) = (?:'(.*?)'|NULL)(?=, [\\w.]+ = |$)");
    private static final Pattern TARGET_TABLE = Pattern.compile(
            "^((?:Foreign )?(?:Insert|Update|Delete|Merge)) on (.+)$");
    private static final Pattern TRIGGER = Pattern.compile("^Trigger(.*?): (?:time=(" + NUM + ") )?calls=(" + NUM + ")$");

    private static final List<String> BUFFER_KEYS = List.of("Shared Hit Blocks", "Shared Read Blocks",
            "Shared Dirtied Blocks", "Shared Written Blocks", "Local Hit Blocks", "Local Read Blocks",
            "Local Dirtied Blocks", "Local Written Blocks", "Temp Read Blocks", "Temp Written Blocks");
    private static final List<String> WAL_KEYS = List.of("WAL Records", "WAL FPI", "WAL Bytes");
    private static final Set<String> TEXT_KEYS = Set.of("Filter", "Index Cond", "Recheck Cond", "Hash Cond",
            "Merge Cond", "Join Filter", "One-Time Filter", "TID Cond", "Order By", "Run Condition", "Window",
            "Function Call", "Table Function Call", "Cache Key", "Cache Mode", "Conflict Resolution", "Conflict Filter",
            "Sort Method", "Remote SQL", "Relations", "Repeatable Seed", "Query Text", "Query Parameters");
    private static final Set<String> LIST_KEYS = Set.of("Output", "Sort Key", "Group Key", "Presorted Key",
            "Conflict Arbiter Indexes");

    boolean buffersSeen;
    boolean walSeen;

    /**
     * Reads one detail line of {@code owner} (null for lines after the plan tree) into
     * {@code into}.
     *
     * @return the group that deeper lines belong to when this line opens one, else null
     */
    MutableFields read(String line, NodeBuilder owner, MutableFields into) {
        Matcher m;
        if ((m = WORKER.matcher(line)).matches() && owner != null) {
            MutableFields worker = worker(owner, Integer.parseInt(m.group(1)));
            if (m.group(2) != null) {
                MutableFields nested = read(m.group(2), owner, worker);
                return nested != null ? nested : worker;
            }
            return worker;
        }
        if ((m = ACTUAL.matcher(line)).matches()) {
            if (m.group(1) != null) {
                into.put("Actual Startup Time", PlanValue.number(m.group(1)));
                into.put("Actual Total Time", PlanValue.number(m.group(2)));
            }
            into.put("Actual Rows", PlanValue.number(m.group(3)));
            into.put("Actual Loops", PlanValue.number(m.group(4)));
            return null;
        }
        if (owner == null && line.startsWith("Trigger") && (m = TRIGGER.matcher(line)).matches()) {
            trigger(m, into);
            return null;
        }
        if (owner != null && owner.nodeType().equals("ModifyTable") && (m = TARGET_TABLE.matcher(line)).matches()) {
            MutableFields table = new MutableFields();
            if (NodeHeaders.target(m.group(2), "Relation Name", table)) {
                into.list("Target Tables").add(table);
                return table;
            }
        }
        if (!(m = KEY_VALUE.matcher(line)).matches()) {
            return null;
        }
        String key = m.group(1);
        String value = m.group(2) == null ? "" : m.group(2);
        return keyed(key, value, owner, into);
    }

    /** True when {@link #read} knows what to do with {@code line} of {@code owner} (null: the query). */
    static boolean isDetail(String line, NodeBuilder owner) {
        if (owner == null) {
            return KEY_VALUE.matcher(line).matches() || TRIGGER.matcher(line).matches();
        }
        return KEY_VALUE.matcher(line).matches() || WORKER.matcher(line).matches() || ACTUAL.matcher(line).matches()
                || (owner.nodeType().equals("ModifyTable") && TARGET_TABLE.matcher(line).matches());
    }

    private MutableFields keyed(String key, String value, NodeBuilder owner, MutableFields into) {
        Matcher m;
        switch (key) {
            case "Planning", "JIT" -> {
                return value.isEmpty() ? into.object(key) : plain(key, value, into);
            }
            case "Buffers" -> buffers(value, into);
            case "I/O Timings" -> ioTimings(value, into);
            case "WAL" -> wal(value, into);
            case "Sort Method" -> {
                if ((m = SORT.matcher(value)).matches()) {
                    into.put("Sort Method", PlanValue.text(m.group(1)));
                    into.put("Sort Space Used", PlanValue.number(m.group(3)));
                    into.put("Sort Space Type", PlanValue.text(m.group(2)));
                } else {
                    into.put("Sort Method", PlanValue.text(value));
                }
            }
            case "Buckets" -> {
                if ((m = HASH.matcher(value)).matches()) {
                    into.put("Hash Buckets", PlanValue.number(m.group(1)));
                    into.put("Original Hash Buckets", PlanValue.number(m.group(2) == null ? m.group(1) : m.group(2)));
                    into.put("Hash Batches", PlanValue.number(m.group(3)));
                    into.put("Original Hash Batches", PlanValue.number(m.group(4) == null ? m.group(3) : m.group(4)));
                    into.put("Peak Memory Usage", PlanValue.number(m.group(5)));
                } else {
                    plain(key, value, into);
                }
            }
            case "Planned Partitions", "Batches" -> hashAgg(key + ": " + value, into);
            case "Hits" -> {
                if ((m = MEMOIZE.matcher(value)).matches()) {
                    into.put("Cache Hits", PlanValue.number(m.group(1)));
                    into.put("Cache Misses", PlanValue.number(m.group(2)));
                    into.put("Cache Evictions", PlanValue.number(m.group(3)));
                    into.put("Cache Overflows", PlanValue.number(m.group(4)));
                    into.put("Peak Memory Usage", PlanValue.number(m.group(5)));
                } else {
                    plain(key, value, into);
                }
            }
            case "Heap Blocks" -> {
                into.put("Exact Heap Blocks", PlanValue.number(counter(value, "exact")));
                into.put("Lossy Heap Blocks", PlanValue.number(counter(value, "lossy")));
            }
            case "Storage" -> {
                if ((m = STORAGE.matcher(value)).matches()) {
                    into.put("Storage", PlanValue.text(m.group(1)));
                    into.put("Maximum Storage", PlanValue.number(m.group(2)));
                } else {
                    plain(key, value, into);
                }
            }
            case "Full-sort Groups", "Pre-sorted Groups" -> sortGroups(key, value, into);
            case "Tuples" -> {
                for (String t : List.of("inserted", "updated", "deleted", "skipped")) {
                    into.put("Tuples " + Character.toUpperCase(t.charAt(0)) + t.substring(1),
                            PlanValue.number(counter(value, t)));
                }
            }
            case "Sampling" -> {
                if ((m = SAMPLING.matcher(value)).matches()) {
                    into.put("Sampling Method", PlanValue.text(m.group(1)));
                    into.put("Sampling Parameters", PlanValue.texts(PgText.splitList(m.group(2))));
                    if (m.group(3) != null) {
                        into.put("Repeatable Seed", PlanValue.text(m.group(3)));
                    }
                } else {
                    plain(key, value, into);
                }
            }
            case "Serialization" -> {
                if (owner == null && (m = SERIALIZATION.matcher(value)).matches()) {
                    MutableFields s = into.object("Serialization");
                    if (m.group(1) != null) {
                        s.put("Time", PlanValue.number(m.group(1)));
                    }
                    s.put("Output Volume", PlanValue.number(m.group(2)));
                    s.put("Format", PlanValue.text(m.group(3)));
                    return s;
                }
                plain(key, value, into);
            }
            case "Memory" -> {
                if ((m = MEMORY.matcher(value)).matches()) {
                    into.put("Memory Used", PlanValue.number(m.group(1)));
                    into.put("Memory Allocated", PlanValue.number(m.group(2)));
                } else {
                    plain(key, value, into);
                }
            }
            case "Options" -> jitOptions(value, into);
            case "Timing" -> jitTiming(value, into);
            case "Settings" -> {
                if (owner == null) {
                    settings(value, into);
                } else {
                    plain(key, value, into);
                }
            }
            case "Group Key", "Hash Key" -> {
                if (owner != null && owner.nodeType().equals("Aggregate")) {
                    grouping(owner, key, value);
                } else {
                    plain(key, value, into);
                }
            }
            case "Sort Key" -> {
                if (owner != null && owner.nodeType().equals("Aggregate")) {
                    grouping(owner, key, value);
                } else {
                    plain(key, value, into);
                }
            }
            default -> plain(key, value, into);
        }
        return null;
    }

    /** A "Key: value" line of no special form: a list, a number, a boolean or text by key. */
    private static MutableFields plain(String key, String value, MutableFields into) {
        if (LIST_KEYS.contains(key)) {
            into.put(key, PlanValue.texts(PgText.splitList(value)));
            return null;
        }
        Matcher number = NUMBER_WITH_UNIT.matcher(value);
        if (!TEXT_KEYS.contains(key) && number.matches()) {
            into.put(key, PlanValue.number(number.group(1)));
        } else if (!TEXT_KEYS.contains(key) && (value.equals("true") || value.equals("false"))) {
            into.put(key, PlanValue.bool(value.equals("true")));
        } else {
            into.put(key, PlanValue.text(value));
        }
        return null;
    }

    private static MutableFields worker(NodeBuilder owner, int number) {
        List<Object> workers = owner.fields.list("Workers");
        for (Object w : workers) {
            MutableFields fields = (MutableFields) w;
            if (PlanValue.number(number).equals(fields.get("Worker Number"))) {
                return fields;
            }
        }
        MutableFields worker = new MutableFields();
        worker.put("Worker Number", PlanValue.number(number));
        workers.add(worker);
        return worker;
    }

    private void buffers(String value, MutableFields into) {
        buffersSeen = true;
        for (String key : BUFFER_KEYS) {
            into.put(key, PlanValue.number(0));
        }
        for (String section : value.strip().split(",\\s*")) {
            String[] words = section.strip().split("\\s+");
            String area = Character.toUpperCase(words[0].charAt(0)) + words[0].substring(1);
            for (int i = 1; i < words.length; i++) {
                String[] kv = words[i].split("=", 2);
                if (kv.length == 2) {
                    String kind = Character.toUpperCase(kv[0].charAt(0)) + kv[0].substring(1);
                    into.put(area + " " + kind + " Blocks", PlanValue.number(kv[1]));
                }
            }
        }
    }

    private static void ioTimings(String value, MutableFields into) {
        for (String section : value.strip().split(",\\s*")) {
            String[] words = section.strip().split("\\s+");
            int first = words[0].contains("=") ? 0 : 1;
            String prefix = switch (first == 0 ? "" : words[0]) {
                case "shared" -> "Shared I/O ";
                case "local" -> "Local I/O ";
                case "temp" -> "Temp I/O ";
                default -> "I/O ";
            };
            for (int i = first; i < words.length; i++) {
                String[] kv = words[i].split("=", 2);
                if (kv.length == 2) {
                    into.put(prefix + (kv[0].equals("read") ? "Read" : "Write") + " Time", PlanValue.number(kv[1]));
                }
            }
        }
    }

    private void wal(String value, MutableFields into) {
        walSeen = true;
        for (String key : WAL_KEYS) {
            into.put(key, PlanValue.number(0));
        }
        Matcher m = Pattern.compile("(records|fpi|bytes|buffers full)=(\\d+)").matcher(value);
        while (m.find()) {
            String key = switch (m.group(1)) {
                case "records" -> "WAL Records";
                case "fpi" -> "WAL FPI";
                case "bytes" -> "WAL Bytes";
                default -> "WAL Buffers Full";
            };
            into.put(key, PlanValue.number(m.group(2)));
        }
    }

    private static void hashAgg(String line, MutableFields into) {
        Matcher m = HASH_AGG.matcher(line);
        if (!m.matches()) {
            int colon = line.indexOf(": ");
            plain(line.substring(0, colon), line.substring(colon + 2), into);
            return;
        }
        if (m.group(1) != null) {
            into.put("Planned Partitions", PlanValue.number(m.group(1)));
        }
        if (m.group(2) != null) {
            into.put("HashAgg Batches", PlanValue.number(m.group(2)));
            into.put("Peak Memory Usage", PlanValue.number(m.group(3)));
            into.put("Disk Usage", PlanValue.number(m.group(4) == null ? "0" : m.group(4)));
        }
    }

    private static void sortGroups(String key, String value, MutableFields into) {
        Matcher m = SORT_GROUPS.matcher(value);
        if (!m.matches()) {
            plain(key, value, into);
            return;
        }
        MutableFields groups = into.object(key);
        groups.put("Group Count", PlanValue.number(m.group(1)));
        groups.put("Sort Methods Used", PlanValue.texts(PgText.splitList(m.group(2))));
        if (m.group(3) != null) {
            MutableFields memory = groups.object("Sort Space Memory");
            memory.put("Average Sort Space Used", PlanValue.number(m.group(3)));
            memory.put("Peak Sort Space Used", PlanValue.number(m.group(4)));
        }
        if (m.group(5) != null) {
            MutableFields disk = groups.object("Sort Space Disk");
            disk.put("Average Sort Space Used", PlanValue.number(m.group(5)));
            disk.put("Peak Sort Space Used", PlanValue.number(m.group(6)));
        }
    }

    private static void jitOptions(String value, MutableFields into) {
        MutableFields options = into.object("Options");
        for (String option : value.split(",\\s*")) {
            String[] words = option.strip().split(" ");
            if (words.length == 2) {
                options.put(words[0], PlanValue.bool(words[1].equals("true")));
            }
        }
    }

    private static void jitTiming(String value, MutableFields into) {
        MutableFields timing = into.object("Timing");
        for (String part : PgText.splitList(value)) {
            Matcher m = JIT_TIME.matcher(part.strip());
            if (!m.matches()) {
                continue;
            }
            if (m.group(3) != null) {
                MutableFields generation = timing.object(m.group(1));
                generation.put("Deform", PlanValue.number(m.group(3)));
                generation.put("Total", PlanValue.number(m.group(2)));
            } else {
                timing.put(m.group(1), PlanValue.number(m.group(2)));
            }
        }
    }

    private static void settings(String value, MutableFields into) {
        MutableFields settings = into.object("Settings");
        Matcher m = SETTING.matcher(value);
        while (m.find()) {
            settings.put(m.group(1), m.group(2) == null ? PlanValue.text("") : PlanValue.text(m.group(2)));
        }
    }

    /** "Trigger [name] [for constraint c] [on relation]: [time=t ]calls=n". */
    private static void trigger(Matcher m, MutableFields into) {
        String rest = " " + m.group(1).strip();
        String relation = null;
        String constraint = null;
        int on = rest.lastIndexOf(" on ");
        if (on >= 0) {
            relation = rest.substring(on + " on ".length());
            rest = rest.substring(0, on);
        }
        int forConstraint = rest.indexOf(" for constraint ");
        if (forConstraint >= 0) {
            constraint = rest.substring(forConstraint + " for constraint ".length());
            rest = rest.substring(0, forConstraint);
        }
        MutableFields trigger = new MutableFields();
        if (!rest.isBlank()) {
            trigger.put("Trigger Name", PlanValue.text(rest.strip()));
        }
        if (constraint != null) {
            trigger.put("Constraint Name", PlanValue.text(constraint));
        }
        if (relation != null) {
            trigger.put("Relation", PlanValue.text(relation));
        }
        if (m.group(2) != null) {
            trigger.put("Time", PlanValue.number(m.group(2)));
        }
        trigger.put("Calls", PlanValue.number(m.group(3)));
        into.list("Triggers").add(trigger);
    }

    private static void grouping(NodeBuilder owner, String key, String value) {
        if (owner.groupingLines.isEmpty()) {
            owner.fields.put("Group Key", PlanValue.texts(List.of()));
        }
        owner.groupingLines.add(new String[] {key, value});
    }

    private static String counter(String value, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(value);
        return m.find() ? m.group(1) : "0";
    }

    /** Zero block counters, as FORMAT JSON prints for a node or group that touched no buffer. */
    static Map<String, PlanValue> zeroBuffers() {
        Map<String, PlanValue> zeros = new LinkedHashMap<>();
        BUFFER_KEYS.forEach(k -> zeros.put(k, PlanValue.number(0)));
        return zeros;
    }

    static List<String> walKeys() {
        return new ArrayList<>(WAL_KEYS);
    }
}
