package io.accesspath.core.verify.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.plan.PlanJson;
import io.accesspath.core.render.DesignJson;
import io.accesspath.core.verify.VerifyReport;
import io.accesspath.core.verify.WriteMeasurement;

/** report.json: the whole verification, machine-readable (plans in PostgreSQL's FORMAT JSON shape). */
public final class VerifyJson {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerifyJson() {
    }

    public static String write(VerifyReport r) {
        return DesignJson.pretty(tree(r));
    }

    public static ObjectNode tree(VerifyReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "accesspath.verify");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("spec", r.design().spec().name());
        root.put("target", r.target());
        root.put("passed", r.passed());
        root.put("failures", r.failures());
        root.put("seconds", round(r.seconds()));
        ArrayNode scales = root.putArray("scales");
        for (VerifyReport.Scale s : r.scales()) {
            ObjectNode n = scales.addObject();
            n.put("scale", s.scale());
            n.put("totalRows", s.totalRows());
            n.put("seedSeconds", round(s.seedSeconds()));
            ObjectNode rows = n.putObject("rows");
            r.design().schema().tables().forEach(t -> rows.put(t.name(), s.rows().getOrDefault(t.name(), 0L)));
        }
        ArrayNode patterns = root.putArray("patterns");
        for (VerifyReport.PatternResult p : r.patterns()) {
            ObjectNode n = patterns.addObject();
            n.put("name", p.pattern());
            n.put("status", p.status().label());
            n.put("frequencyPerSecond", round(p.frequency()));
            if (p.targetP95Ms().isPresent()) {
                n.put("targetP95Ms", round(p.targetP95Ms().getAsDouble()));
            } else {
                n.putNull("targetP95Ms");
            }
            ObjectNode exp = n.putObject("expected");
            exp.put("table", p.expected().table());
            exp.put("index", p.expected().index().orElse(null));
            exp.put("access", p.expected().access());
            exp.put("sortAvoided", p.expected().sortAvoided());
            n.put("sql", p.sql());
            ArrayNode problems = n.putArray("problems");
            p.problems().forEach(problems::add);
            p.growth().ifPresent(g -> {
                ObjectNode gn = n.putObject("growth");
                gn.put("planFlips", g.planFlips());
                gn.put("exponent", round(g.exponent()));
                gn.put("declaredRows", g.declaredRows());
                gn.put("predictedP95Ms", round(g.predictedP95Ms()));
                gn.put("summary", g.summary());
            });
            ArrayNode runs = n.putArray("runs");
            for (VerifyReport.Run run : p.runs()) {
                ObjectNode rn = runs.addObject();
                rn.put("scale", run.scale());
                rn.put("tableRows", run.tableRows());
                rn.put("p50Ms", round(run.p50Ms()));
                rn.put("p95Ms", round(run.p95Ms()));
                rn.put("maxMs", round(run.maxMs()));
                rn.put("executions", run.executions());
                rn.put("planMatches", run.planMatches());
                run.generic().ifPresent(g -> {
                    ObjectNode gn = rn.putObject("genericPlan");
                    gn.put("variant", g.variant());
                    gn.put("ok", g.ok());
                    gn.put("timedOut", g.plan().isEmpty());
                    gn.put("timeoutMs", g.timeoutMs());
                    g.verdict().flatMap(v -> v.cause()).ifPresent(c -> gn.put("cause", c));
                    g.plan().ifPresent(pl -> gn.put("executionMs", round(pl.executionTime().orElse(0))));
                });
                ArrayNode variants = rn.putArray("variants");
                for (VerifyReport.VariantRun v : run.variants()) {
                    ObjectNode vn = variants.addObject();
                    vn.put("label", v.label());
                    ObjectNode params = vn.putObject("parameters");
                    v.parameters().forEach(params::put);
                    vn.put("p95Ms", round(v.p95Ms()));
                    vn.put("rows", v.rows());
                    vn.put("buffers", v.buffers());
                    vn.put("planMatches", v.verdict().matches());
                    ArrayNode used = vn.putArray("indexesUsed");
                    v.verdict().indexesUsed().forEach(used::add);
                    vn.put("sortAvoided", v.verdict().sortAvoided());
                    v.verdict().node().ifPresent(x -> vn.put("node", x));
                    v.verdict().nodePath().ifPresent(x -> vn.put("nodePath", x));
                    v.verdict().cause().ifPresent(x -> vn.put("cause", x));
                    ArrayNode warnings = vn.putArray("warnings");
                    v.verdict().warnings().forEach(warnings::add);
                    ArrayNode diags = vn.putArray("diagnoses");
                    v.diagnoses().forEach(d -> diags.addObject().put("kind", d.kind().id())
                            .put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT))
                            .put("cause", d.cause()));
                    try {
                        vn.set("plan", MAPPER.readTree(PlanJson.write(v.plan())));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        ArrayNode writes = root.putArray("writes");
        for (WriteMeasurement m : r.writes()) {
            ObjectNode n = writes.addObject();
            n.put("table", m.table());
            n.put("kind", m.kind());
            ArrayNode cols = n.putArray("updated");
            m.updated().forEach(cols::add);
            n.put("rows", m.rows());
            n.put("msPerRow", round(m.msPerRow()));
            n.put("rowsPerSecond", round(m.rowsPerSecond()));
            n.put("heapOnlyMsPerRow", round(m.heapOnlyMs()));
            n.put("hotShare", round(m.hotShare()));
            ArrayNode per = n.putArray("indexes");
            for (WriteMeasurement.IndexCost c : m.perIndex()) {
                per.addObject().put("index", c.index()).put("msPerRow", round(c.msPerRow())).put("share",
                        round(c.share()));
            }
        }
        return root;
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : 0;
    }
}
