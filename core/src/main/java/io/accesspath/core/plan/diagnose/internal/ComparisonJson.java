package io.accesspath.core.plan.diagnose.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.NodeRef;
import io.accesspath.core.plan.diagnose.PlanComparison;
import io.accesspath.core.plan.diagnose.PlanComparison.Change;
import io.accesspath.core.plan.diagnose.PlanComparison.Totals;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** A plan comparison as JSON; keys in a fixed order, absent values omitted. */
public final class ComparisonJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Two spaces, "\n" on every platform, {@code "key": value}, one array element per line. */
    private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

    private ComparisonJson() {
    }

    public static String render(PlanComparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", c.verdict().label());
        root.put("basis", c.basis());
        root.set("before", totals(c.before()));
        root.set("after", totals(c.after()));
        ArrayNode changes = root.putArray("changes");
        for (Change ch : c.changes()) {
            ObjectNode n = changes.addObject();
            n.put("kind", ch.kind().id());
            n.put("subject", ch.subject());
            n.put("description", ch.description());
            node(n, "beforeNode", ch.beforeNode());
            node(n, "afterNode", ch.afterNode());
            put(n, "beforeMs", ch.beforeMs());
            put(n, "afterMs", ch.afterMs());
        }
        diagnoses(root.putArray("resolved"), c.resolved());
        diagnoses(root.putArray("introduced"), c.introduced());
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }

    private static ObjectNode totals(Totals t) {
        ObjectNode n = MAPPER.createObjectNode();
        put(n, "executionMs", t.executionMs());
        put(n, "planningMs", t.planningMs());
        put(n, "totalCost", t.totalCost());
        put(n, "sharedHit", t.sharedHit());
        put(n, "sharedRead", t.sharedRead());
        put(n, "tempBlocks", t.tempBlocks());
        return n;
    }

    private static void diagnoses(ArrayNode out, List<Diagnosis> diagnoses) {
        for (Diagnosis d : diagnoses) {
            ObjectNode n = out.addObject();
            n.put("kind", d.kind().id());
            n.put("severity", d.severity().label());
            n.put("subject", d.subject());
            d.node().ifPresent(r -> n.put("path", r.path()));
            n.put("evidence", d.evidence().summary());
        }
    }

    private static void node(ObjectNode n, String key, Optional<NodeRef> ref) {
        ref.ifPresent(r -> n.put(key, r.path()));
    }

    private static void put(ObjectNode n, String key, OptionalDouble v) {
        v.ifPresent(x -> n.put(key, Json.number(x)));
    }
}
