package io.accesspath.core.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.render.DesignJson;
import java.util.List;

/**
 * queries.json: every query with its SQL in both spellings, its parameters (role, type, column)
 * and the expected plan. Key order is fixed, so the same queries print the same bytes.
 */
public final class QueriesJson {
    /** Bumped when a field changes meaning or disappears; adding fields keeps it. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QueriesJson() {
    }

    public static ObjectNode tree(Design design, List<Query> queries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "accesspath.queries");
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode spec = root.putObject("spec");
        spec.put("name", design.spec().name());
        spec.put("file", design.spec().file());
        root.put("dialect", design.dialect());
        ArrayNode list = root.putArray("queries");
        for (Query q : queries) {
            list.add(query(q));
        }
        return root;
    }

    public static String write(Design design, List<Query> queries) {
        return DesignJson.pretty(tree(design, queries));
    }

    private static ObjectNode query(Query q) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", q.name());
        q.description().ifPresentOrElse(d -> n.put("description", d), () -> n.putNull("description"));
        n.put("frequencyPerSecond", q.frequency().perSecond());
        if (q.latencyP95Ms().isPresent()) {
            n.put("latencyP95Ms", q.latencyP95Ms().getAsDouble());
        } else {
            n.putNull("latencyP95Ms");
        }
        n.put("table", q.table());
        if (q.page().isPresent()) {
            ObjectNode page = n.putObject("page");
            page.put("style", q.page().get().style().spelling());
            page.put("size", q.page().get().size());
        } else {
            n.putNull("page");
        }
        n.set("firstPage", sql(q.firstPage()));
        if (q.nextPage().isPresent()) {
            n.set("nextPage", sql(q.nextPage().get()));
        } else {
            n.putNull("nextPage");
        }
        ArrayNode params = n.putArray("parameters");
        for (Parameter p : q.parameters()) {
            ObjectNode pn = params.addObject();
            pn.put("name", p.name());
            pn.put("role", p.role().spelling());
            optional(pn, "table", p.table());
            optional(pn, "column", p.column());
            pn.put("sqlType", p.sqlType());
            pn.put("array", p.isArray());
            optional(pn, "logicalType", p.logicalType());
            optional(pn, "default", p.defaultValue());
        }
        ArrayNode columns = n.putArray("resultColumns");
        q.resultColumns().forEach(columns::add);
        n.set("expected", expected(q.expected()));
        ArrayNode notes = n.putArray("notes");
        q.notes().forEach(notes::add);
        return n;
    }

    private static ObjectNode sql(QuerySql s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sql", s.sql());
        n.put("jdbcSql", s.jdbcSql());
        ArrayNode order = n.putArray("jdbcParameters");
        s.parameters().forEach(order::add);
        return n;
    }

    private static ObjectNode expected(ExpectedPlan plan) {
        PatternAccess a = plan.access();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("table", a.table());
        optional(n, "index", a.index());
        n.put("access", a.access());
        n.put("sortAvoided", a.sortAvoided());
        ArrayNode seek = n.putArray("seekColumns");
        a.seekColumns().forEach(seek::add);
        ArrayNode residual = n.putArray("residual");
        a.residual().forEach(residual::add);
        ArrayNode joins = n.putArray("joins");
        for (PatternAccess.JoinAccess j : a.joins()) {
            ObjectNode jn = joins.addObject();
            jn.put("relation", j.relation());
            jn.put("table", j.table());
            optional(jn, "index", j.index());
        }
        n.put("estimatedRows", Math.round(a.estimatedRows() * 10_000) / 10_000.0);
        n.put("reason", plan.reason());
        return n;
    }

    private static void optional(ObjectNode n, String key, java.util.Optional<String> value) {
        if (value.isPresent()) {
            n.put(key, value.get());
        } else {
            n.putNull(key);
        }
    }
}
