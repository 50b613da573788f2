package io.accesspath.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.design.Decision;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.design.VersionNote;
import io.accesspath.core.schema.SchemaJson;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Spec;

/**
 * design.json: the machine-readable design (schema, decisions, expected plans, version notes).
 * The key order is fixed and numbers are rounded, so the same design prints the same bytes.
 */
public final class DesignJson {
    /** Bumped when a field changes meaning or disappears; adding fields keeps it. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DesignJson() {
    }

    public static ObjectNode tree(Design d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "accesspath.design");
        root.put("formatVersion", FORMAT_VERSION);
        Spec spec = d.spec();
        ObjectNode s = root.putObject("spec");
        s.put("name", spec.name());
        s.put("file", spec.file());
        ObjectNode target = root.putObject("target");
        target.put("dialect", d.dialect());
        target.put("minVersion", d.minVersion());
        if (d.targetVersion().isPresent()) {
            target.put("version", d.targetVersion().get());
        } else {
            target.putNull("version");
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("tables", d.schema().tables().size());
        summary.put("indexes", d.schema().allIndexes().stream().filter(i -> !i.unique()).count());
        summary.put("accessPatterns", spec.accessPatterns().size());
        summary.put("readsPerSecond", round(spec.accessPatterns().stream()
                .mapToDouble(p -> p.frequency().perSecond()).sum()));
        summary.put("writesPerSecond", round(spec.writePatterns().stream()
                .mapToDouble(w -> w.writesPerSecond()).sum()));
        double ratio = spec.readWriteRatio();
        if (Double.isInfinite(ratio)) {
            summary.putNull("readWriteRatio");
        } else {
            summary.put("readWriteRatio", round(ratio));
        }
        root.set("schema", SchemaJson.write(d.schema()));
        ArrayNode patterns = root.putArray("patterns");
        for (PatternAccess a : d.access()) {
            ObjectNode n = patterns.addObject();
            n.put("name", a.pattern());
            AccessPattern p = spec.accessPatterns().stream().filter(x -> x.name().equals(a.pattern())).findFirst()
                    .orElseThrow();
            n.put("entity", p.entity());
            n.put("frequencyPerSecond", round(p.frequency().perSecond()));
            if (p.latencyP95Ms().isPresent()) {
                n.put("latencyP95Ms", round(p.latencyP95Ms().getAsDouble()));
            } else {
                n.putNull("latencyP95Ms");
            }
            ObjectNode exp = n.putObject("expected");
            exp.put("table", a.table());
            if (a.index().isPresent()) {
                exp.put("index", a.index().get());
            } else {
                exp.putNull("index");
            }
            exp.put("access", a.access());
            exp.put("sortAvoided", a.sortAvoided());
            ArrayNode seek = exp.putArray("seekColumns");
            a.seekColumns().forEach(seek::add);
            ArrayNode residual = exp.putArray("residual");
            a.residual().forEach(residual::add);
            ArrayNode joins = exp.putArray("joins");
            for (PatternAccess.JoinAccess j : a.joins()) {
                ObjectNode jn = joins.addObject();
                jn.put("relation", j.relation());
                jn.put("table", j.table());
                if (j.index().isPresent()) {
                    jn.put("index", j.index().get());
                } else {
                    jn.putNull("index");
                }
            }
            exp.put("estimatedRows", round(a.estimatedRows()));
        }
        ArrayNode decisions = root.putArray("decisions");
        for (Decision dec : d.decisions()) {
            decisions.add(decision(dec));
        }
        ArrayNode notes = root.putArray("versionNotes");
        for (VersionNote v : d.versionNotes()) {
            ObjectNode n = notes.addObject();
            n.put("feature", v.feature());
            n.put("since", v.version());
            n.put("used", v.used());
            n.put("effect", v.effect());
        }
        return root;
    }

    public static ObjectNode decision(Decision dec) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", dec.id());
        n.put("kind", dec.kind().label());
        n.put("subject", dec.subject());
        n.put("choice", dec.choice());
        n.put("applied", dec.applied());
        ArrayNode pats = n.putArray("patterns");
        dec.patterns().forEach(pats::add);
        ArrayNode rules = n.putArray("rules");
        dec.rules().forEach(rules::add);
        n.put("reason", dec.reason());
        ArrayNode alts = n.putArray("alternatives");
        for (Decision.Alternative a : dec.alternatives()) {
            ObjectNode an = alts.addObject();
            an.put("option", a.option());
            an.put("verdict", a.verdict());
        }
        dec.cost().ifPresent(c -> {
            ObjectNode cn = n.putObject("cost");
            cn.put("sizeBytes", c.sizeBytes());
            cn.put("writesPerSecond", round(c.writesPerSecond()));
            cn.put("writeAmplification", round(c.writeAmplification()));
            cn.put("readGain", c.readGain());
            cn.put("writeCost", c.writeCost());
        });
        dec.sql().ifPresent(sql -> n.put("sql", sql));
        return n;
    }

    /** The JSON text, pretty-printed with two-space indentation and a final newline. */
    public static String write(Design d) {
        return pretty(tree(d));
    }

    public static String pretty(com.fasterxml.jackson.databind.JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Four significant decimals at most, so tiny float differences never change the output. */
    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        return Math.round(v * 10_000) / 10_000.0;
    }
}
