package io.accesspath.core.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.advise.internal.LocatedJson;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recorded what-if cost matrix (docs/advisor.md): the workload's queries with weights, the
 * candidate indexes with sizes, and recorded costs of each query under sets of indexes. A
 * query's cost under a configuration is the lowest recorded cost whose index set is contained in
 * the configuration; the empty set is recorded for every query, so every configuration has a
 * cost. Fields this class does not know are kept and written back.
 */
public final class CostMatrix implements WhatIf {
    /** One recorded cost: {@code query} costs {@code cost} when the indexes {@code indexes} exist. */
    public record Recorded(String query, List<String> indexes, double cost) {
        public Recorded {
            indexes = List.copyOf(indexes);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> QUERY_FIELDS = Set.of("id", "weight", "sql");
    private static final Set<String> INDEX_FIELDS = Set.of("id", "table", "columns", "sizeBytes", "writeCost",
            "existing", "ddl");
    private static final Set<String> COST_FIELDS = Set.of("query", "indexes", "cost");
    private static final Set<String> TOP_FIELDS = Set.of("queries", "indexes", "costs");

    private final List<WorkloadQuery> queries;
    private final List<IndexCandidate> candidates;
    private final List<Recorded> costs;
    private final Map<String, Integer> queryPos = new HashMap<>();
    private final Map<String, Integer> indexPos = new HashMap<>();
    /** Per query: recorded index sets (candidate positions) and their costs, cheapest first. */
    private final int[][][] sets;
    private final double[][] setCosts;
    private final List<Set<String>> relevant;
    private final ObjectNode extra;
    private final List<ObjectNode> queryExtra;
    private final List<ObjectNode> indexExtra;
    private final List<ObjectNode> costExtra;
    private final AtomicLong calls = new AtomicLong();

    private CostMatrix(List<WorkloadQuery> queries, List<IndexCandidate> candidates, List<Recorded> costs,
            ObjectNode extra, List<ObjectNode> queryExtra, List<ObjectNode> indexExtra, List<ObjectNode> costExtra) {
        this.queries = List.copyOf(queries);
        this.candidates = List.copyOf(candidates);
        this.costs = List.copyOf(costs);
        this.extra = extra;
        this.queryExtra = queryExtra;
        this.indexExtra = indexExtra;
        this.costExtra = costExtra;
        for (int i = 0; i < queries.size(); i++) {
            queryPos.put(queries.get(i).id(), i);
        }
        for (int i = 0; i < candidates.size(); i++) {
            indexPos.put(candidates.get(i).id(), i);
        }
        List<List<Recorded>> byQuery = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            byQuery.add(new ArrayList<>());
        }
        for (Recorded r : costs) {
            byQuery.get(queryPos.get(r.query())).add(r);
        }
        sets = new int[queries.size()][][];
        setCosts = new double[queries.size()][];
        relevant = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            List<Recorded> list = byQuery.get(q);
            list.sort(Comparator.comparingDouble(Recorded::cost).thenComparingInt(r -> r.indexes().size()));
            sets[q] = new int[list.size()][];
            setCosts[q] = new double[list.size()];
            Set<String> rel = new TreeSet<>();
            for (int e = 0; e < list.size(); e++) {
                sets[q][e] = list.get(e).indexes().stream().mapToInt(indexPos::get).toArray();
                setCosts[q][e] = list.get(e).cost();
                rel.addAll(list.get(e).indexes());
            }
            relevant.add(Set.copyOf(rel));
        }
    }

    /** A matrix built in code (by {@link RecordingWhatIf} or tests). */
    public static Builder builder(List<WorkloadQuery> queries, List<IndexCandidate> candidates) {
        return new Builder(queries, candidates);
    }

    /**
     * Reads a matrix file.
     *
     * @throws UserError exit 4 if the file cannot be read, exit 2 listing every problem (each with
     *                   file:line:column and JSON path) if it is not a valid matrix
     */
    public static CostMatrix read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.io("cannot read the cost matrix " + file + ": no such file", e);
        } catch (IOException e) {
            throw UserError.io("cannot read the cost matrix " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses a matrix from JSON text named {@code file} in messages; see {@link #read(Path)}. */
    public static CostMatrix parse(String text, String file) {
        return new Reader(LocatedJson.parse(text, file)).read();
    }

    @Override
    public List<WorkloadQuery> queries() {
        return queries;
    }

    @Override
    public List<IndexCandidate> candidates() {
        return candidates;
    }

    /** Every recorded cost, in file (or recording) order. */
    public List<Recorded> costs() {
        return costs;
    }

    @Override
    public double cost(String queryId, Set<String> configuration) {
        Integer q = queryPos.get(queryId);
        if (q == null) {
            throw new IllegalArgumentException("no query " + queryId + " in the matrix");
        }
        BitSet config = new BitSet(candidates.size());
        for (String id : configuration) {
            Integer i = indexPos.get(id);
            if (i == null) {
                throw new IllegalArgumentException("no index " + id + " in the matrix");
            }
            config.set(i);
        }
        calls.incrementAndGet();
        return lowest(q, config);
    }

    private double lowest(int q, BitSet config) {
        int[][] s = sets[q];
        outer:
        for (int e = 0; e < s.length; e++) {
            for (int i : s[e]) {
                if (!config.get(i)) {
                    continue outer;
                }
            }
            return setCosts[q][e];
        }
        throw new IllegalStateException("query " + queries.get(q).id() + " has no cost for the empty set");
    }

    @Override
    public long calls() {
        return calls.get();
    }

    /** The indexes mentioned by the query's recorded costs: no other index can change its cost. */
    @Override
    public Set<String> relevant(String queryId) {
        Integer q = queryPos.get(queryId);
        if (q == null) {
            throw new IllegalArgumentException("no query " + queryId + " in the matrix");
        }
        return relevant.get(q);
    }

    /** The matrix as JSON (pretty-printed, one recorded cost per line), unknown fields kept. */
    public String toJson() {
        ObjectNode root = NODES.objectNode();
        ArrayNode qs = root.putArray("queries");
        for (int i = 0; i < queries.size(); i++) {
            WorkloadQuery q = queries.get(i);
            ObjectNode n = qs.addObject().put("id", q.id()).put("weight", q.weight());
            if (q.sql() != null) {
                n.put("sql", q.sql());
            }
            n.setAll(queryExtra.get(i));
        }
        ArrayNode is = root.putArray("indexes");
        for (int i = 0; i < candidates.size(); i++) {
            IndexCandidate c = candidates.get(i);
            ObjectNode n = is.addObject().put("id", c.id());
            if (c.table() != null) {
                n.put("table", c.table());
            }
            ArrayNode cols = n.putArray("columns");
            c.columns().forEach(cols::add);
            n.put("sizeBytes", c.sizeBytes());
            if (c.writeCost() != 0) {
                n.put("writeCost", c.writeCost());
            }
            if (c.existing()) {
                n.put("existing", true);
            }
            if (c.ddl() != null) {
                n.put("ddl", c.ddl());
            }
            n.setAll(indexExtra.get(i));
        }
        ArrayNode cs = root.putArray("costs");
        for (int i = 0; i < costs.size(); i++) {
            Recorded r = costs.get(i);
            ObjectNode n = cs.addObject().put("query", r.query());
            ArrayNode ids = n.putArray("indexes");
            r.indexes().forEach(ids::add);
            n.put("cost", r.cost());
            n.setAll(costExtra.get(i));
        }
        root.setAll(extra);
        try {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            boolean firstField = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.append(firstField ? "\n  " : ",\n  ").append(MAPPER.writeValueAsString(f.getKey())).append(": ");
                firstField = false;
                if (TOP_FIELDS.contains(f.getKey())) {
                    out.append('[');
                    for (int i = 0; i < f.getValue().size(); i++) {
                        out.append(i == 0 ? "\n    " : ",\n    ").append(MAPPER.writeValueAsString(f.getValue().get(i)));
                    }
                    out.append(f.getValue().isEmpty() ? "]" : "\n  ]");
                } else {
                    out.append(MAPPER.writeValueAsString(f.getValue()));
                }
            }
            return out.append("\n}\n").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #toJson()} to {@code file}. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.io("cannot write the cost matrix " + file + ": " + e.getMessage(), e);
        }
    }

    /** Collects recorded costs, then checks them. */
    public static final class Builder {
        private final List<WorkloadQuery> queries;
        private final List<IndexCandidate> candidates;
        private final Map<List<Object>, Recorded> costs = new LinkedHashMap<>();

        private Builder(List<WorkloadQuery> queries, List<IndexCandidate> candidates) {
            this.queries = List.copyOf(queries);
            this.candidates = List.copyOf(candidates);
        }

        /** Whether a cost of {@code query} with exactly {@code indexes} is recorded. */
        public boolean has(String query, Collection<String> indexes) {
            return costs.containsKey(List.of(query, new ArrayList<>(new TreeSet<>(indexes))));
        }

        /** Records a cost; recording the same (query, set) again keeps the lower cost. */
        public Builder cost(String query, Collection<String> indexes, double cost) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(indexes));
            List<Object> key = List.of(query, sorted);
            Recorded old = costs.get(key);
            if (old == null || cost < old.cost()) {
                costs.put(key, new Recorded(query, sorted, cost));
            }
            return this;
        }

        /**
         * The matrix.
         *
         * @throws IllegalArgumentException on unknown ids, duplicate ids, bad numbers or a query
         *                                  without a cost for the empty set
         */
        public CostMatrix build() {
            Set<String> qids = new LinkedHashSet<>();
            for (WorkloadQuery q : queries) {
                if (!qids.add(q.id())) {
                    throw new IllegalArgumentException("duplicate query id " + q.id());
                }
            }
            Set<String> iids = new LinkedHashSet<>();
            for (IndexCandidate c : candidates) {
                if (!iids.add(c.id())) {
                    throw new IllegalArgumentException("duplicate index id " + c.id());
                }
                if (c.sizeBytes() < 0) {
                    throw new IllegalArgumentException("negative size of " + c.id());
                }
            }
            Set<String> withEmpty = new LinkedHashSet<>();
            for (Recorded r : costs.values()) {
                if (!qids.contains(r.query())) {
                    throw new IllegalArgumentException("cost of unknown query " + r.query());
                }
                for (String i : r.indexes()) {
                    if (!iids.contains(i)) {
                        throw new IllegalArgumentException("cost of " + r.query() + " names unknown index " + i);
                    }
                }
                if (!(r.cost() >= 0) || Double.isInfinite(r.cost())) {
                    throw new IllegalArgumentException("cost of " + r.query() + " must be a finite number >= 0");
                }
                if (r.indexes().isEmpty()) {
                    withEmpty.add(r.query());
                }
            }
            for (String q : qids) {
                if (!withEmpty.contains(q)) {
                    throw new IllegalArgumentException("query " + q + " has no cost for the empty index set");
                }
            }
            return new CostMatrix(queries, candidates, new ArrayList<>(costs.values()), NODES.objectNode(),
                    empties(queries.size()), empties(candidates.size()), empties(costs.size()));
        }

        private static List<ObjectNode> empties(int n) {
            List<ObjectNode> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(NODES.objectNode());
            }
            return list;
        }
    }

    /** Reads and checks the JSON tree, collecting every problem with its location and path. */
    private static final class Reader {
        private final LocatedJson json;
        private final List<Problem> problems = new ArrayList<>();

        Reader(LocatedJson json) {
            this.json = json;
            problems.addAll(json.problems());
        }

        CostMatrix read() {
            JsonNode root = json.root();
            if (!root.isObject()) {
                fail("$", "a cost matrix is a JSON object with \"queries\", \"indexes\" and \"costs\"", null);
                throw error();
            }
            JsonNode qs = array(root, "$", "queries");
            JsonNode is = array(root, "$", "indexes");
            JsonNode cs = array(root, "$", "costs");
            List<WorkloadQuery> queries = new ArrayList<>();
            List<ObjectNode> queryExtra = new ArrayList<>();
            Map<String, String> queryPaths = new LinkedHashMap<>();
            for (int i = 0; qs != null && i < qs.size(); i++) {
                String path = "$.queries[" + i + "]";
                JsonNode q = qs.get(i);
                if (!object(q, path, "{\"id\": \"q1\", \"weight\": 10}")) {
                    continue;
                }
                String id = id(q, path);
                double weight = q.has("weight") ? number(q.get("weight"), path + ".weight", 0) : 1;
                String sql = optionalText(q, path, "sql");
                if (id != null && queryPaths.putIfAbsent(id, path) != null) {
                    fail(path + ".id", "duplicate query id '" + id + "'", "the first is " + queryPaths.get(id));
                } else if (id != null && !Double.isNaN(weight)) {
                    queries.add(new WorkloadQuery(id, weight, sql));
                    queryExtra.add(extra(q, QUERY_FIELDS));
                }
            }
            List<IndexCandidate> candidates = new ArrayList<>();
            List<ObjectNode> indexExtra = new ArrayList<>();
            Map<String, String> indexPaths = new LinkedHashMap<>();
            for (int i = 0; is != null && i < is.size(); i++) {
                String path = "$.indexes[" + i + "]";
                JsonNode c = is.get(i);
                if (!object(c, path, "{\"id\": \"i1\", \"table\": \"t\", \"columns\": [\"a\"], \"sizeBytes\": 8192}")) {
                    continue;
                }
                String id = id(c, path);
                String table = optionalText(c, path, "table");
                List<String> columns = columns(c, path);
                double size = c.has("sizeBytes") ? number(c.get("sizeBytes"), path + ".sizeBytes", 0)
                        : missing(path, "sizeBytes", "the index's size in bytes, e.g. \"sizeBytes\": 8192");
                if (!Double.isNaN(size) && size != Math.rint(size)) {
                    fail(path + ".sizeBytes", "sizeBytes must be a whole number of bytes, not " + c.get("sizeBytes"),
                            null);
                    size = Double.NaN;
                }
                double writeCost = c.has("writeCost") ? number(c.get("writeCost"), path + ".writeCost", 0) : 0;
                boolean existing = false;
                if (c.has("existing")) {
                    if (c.get("existing").isBoolean()) {
                        existing = c.get("existing").booleanValue();
                    } else {
                        fail(path + ".existing", "existing must be true or false, not " + c.get("existing"), null);
                    }
                }
                String ddl = optionalText(c, path, "ddl");
                if (id != null && indexPaths.putIfAbsent(id, path) != null) {
                    fail(path + ".id", "duplicate index id '" + id + "'", "the first is " + indexPaths.get(id));
                } else if (id != null && columns != null && !Double.isNaN(size) && !Double.isNaN(writeCost)) {
                    candidates.add(new IndexCandidate(id, table, columns, (long) size, ddl, writeCost, existing));
                    indexExtra.add(extra(c, INDEX_FIELDS));
                }
            }
            List<Recorded> costs = new ArrayList<>();
            List<ObjectNode> costExtra = new ArrayList<>();
            Set<String> withEmpty = new LinkedHashSet<>();
            for (int i = 0; cs != null && i < cs.size(); i++) {
                String path = "$.costs[" + i + "]";
                JsonNode c = cs.get(i);
                if (!object(c, path, "{\"query\": \"q1\", \"indexes\": [\"i1\"], \"cost\": 12.5}")) {
                    continue;
                }
                boolean ok = true;
                String query = null;
                JsonNode qn = c.get("query");
                if (qn == null) {
                    missing(path, "query", "the id of a query from \"queries\"");
                    ok = false;
                } else if (!qn.isTextual()) {
                    fail(path + ".query", "query must be a query id (a string), not " + qn, null);
                    ok = false;
                } else if (!queryPaths.containsKey(qn.textValue())) {
                    fail(path + ".query", "unknown query '" + qn.textValue() + "'", hintOf(queryPaths.keySet()));
                    ok = false;
                } else {
                    query = qn.textValue();
                }
                List<String> ids = new ArrayList<>();
                JsonNode in = c.get("indexes");
                if (in == null) {
                    missing(path, "indexes", "the ids of the indexes that exist for this cost, [] for none");
                    ok = false;
                } else if (!in.isArray()) {
                    fail(path + ".indexes", "indexes must be a list of index ids, not " + in, null);
                    ok = false;
                } else {
                    for (int k = 0; k < in.size(); k++) {
                        JsonNode idn = in.get(k);
                        String p = path + ".indexes[" + k + "]";
                        if (!idn.isTextual()) {
                            fail(p, "an index id is a string, not " + idn, null);
                            ok = false;
                        } else if (!indexPaths.containsKey(idn.textValue())) {
                            fail(p, "unknown index '" + idn.textValue() + "'", hintOf(indexPaths.keySet()));
                            ok = false;
                        } else if (ids.contains(idn.textValue())) {
                            fail(p, "index '" + idn.textValue() + "' is listed twice", null);
                            ok = false;
                        } else {
                            ids.add(idn.textValue());
                        }
                    }
                }
                double cost = c.has("cost") ? number(c.get("cost"), path + ".cost", 0)
                        : missing(path, "cost", "the planner's estimated cost, e.g. \"cost\": 1234.5");
                if (ok && !Double.isNaN(cost)) {
                    costs.add(new Recorded(query, ids, cost));
                    costExtra.add(extra(c, COST_FIELDS));
                    if (ids.isEmpty()) {
                        withEmpty.add(query);
                    }
                }
            }
            for (Map.Entry<String, String> q : queryPaths.entrySet()) {
                if (!withEmpty.contains(q.getKey()) && problems.isEmpty()) {
                    fail(q.getValue(), "query '" + q.getKey() + "' has no cost for the empty index set",
                            "record {\"query\": \"" + q.getKey() + "\", \"indexes\": [], \"cost\": ...}: its cost"
                                    + " with none of the candidates");
                }
            }
            if (!problems.isEmpty()) {
                throw error();
            }
            return new CostMatrix(queries, candidates, costs, extra(root, TOP_FIELDS), queryExtra, indexExtra,
                    costExtra);
        }

        private static String hintOf(Set<String> known) {
            if (known.isEmpty()) {
                return "none is declared";
            }
            List<String> list = new ArrayList<>(known);
            String shown = String.join(", ", list.subList(0, Math.min(5, list.size())));
            return "declared: " + shown + (list.size() > 5 ? ", ..." : "");
        }

        private JsonNode array(JsonNode parent, String path, String key) {
            JsonNode n = parent.get(key);
            if (n == null) {
                missing(path, key, "a cost matrix has \"queries\", \"indexes\" and \"costs\" (see docs/advisor.md)");
                return null;
            }
            if (!n.isArray()) {
                fail(path + "." + key, key + " must be a list, not " + kind(n), null);
                return null;
            }
            return n;
        }

        private boolean object(JsonNode n, String path, String example) {
            if (!n.isObject()) {
                fail(path, "expected an object like " + example + ", not " + kind(n), null);
                return false;
            }
            return true;
        }

        private String id(JsonNode n, String path) {
            JsonNode id = n.get("id");
            if (id == null) {
                missing(path, "id", null);
                return null;
            }
            if (!id.isTextual() || id.textValue().isBlank()) {
                fail(path + ".id", "id must be a non-empty string, not " + id, null);
                return null;
            }
            return id.textValue();
        }

        private String optionalText(JsonNode n, String path, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                fail(path + "." + key, key + " must be a string, not " + kind(v), null);
                return null;
            }
            return v.textValue();
        }

        private List<String> columns(JsonNode n, String path) {
            JsonNode v = n.get("columns");
            if (v == null) {
                missing(path, "columns", "the index's key columns, e.g. \"columns\": [\"customer_id\"]");
                return null;
            }
            if (!v.isArray()) {
                fail(path + ".columns", "columns must be a list of column names, not " + kind(v), null);
                return null;
            }
            List<String> columns = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                if (!v.get(k).isTextual()) {
                    fail(path + ".columns[" + k + "]", "a column is a string, not " + kind(v.get(k)), null);
                    return null;
                }
                columns.add(v.get(k).textValue());
            }
            return columns;
        }

        /** The number at {@code path}, or NaN after reporting a problem. */
        private double number(JsonNode n, String path, double min) {
            if (!n.isNumber()) {
                fail(path, path.substring(path.lastIndexOf('.') + 1) + " must be a number, not " + kind(n), null);
                return Double.NaN;
            }
            double v = n.doubleValue();
            if (Double.isInfinite(v) || v < min) {
                fail(path, path.substring(path.lastIndexOf('.') + 1) + " must be a finite number >= " + fmt(min)
                        + ", not " + n, null);
                return Double.NaN;
            }
            return v;
        }

        private double missing(String path, String key, String hint) {
            fail(path, "missing \"" + key + "\"", hint);
            return Double.NaN;
        }

        private void fail(String path, String message, String hint) {
            problems.add(Problem.of(json.at(path), path + ": " + message, hint));
        }

        private UserError error() {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt((Problem p) -> p.loc().line()).thenComparingInt(p -> p.loc().column()));
            return new UserError(sorted, UserError.INVALID_INPUT);
        }

        private static ObjectNode extra(JsonNode n, Set<String> known) {
            ObjectNode extra = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!known.contains(f.getKey())) {
                    extra.set(f.getKey(), f.getValue());
                }
            }
            return extra;
        }

        private static String kind(JsonNode n) {
            if (n.isObject()) {
                return "an object";
            }
            if (n.isArray()) {
                return "a list";
            }
            if (n.isNull()) {
                return "null";
            }
            return n.toString();
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    @Override
    public String toString() {
        return "CostMatrix[" + queries.size() + " queries, " + candidates.size() + " indexes, " + costs.size()
                + " costs]";
    }
}
