package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanJson;
import io.accesspath.core.plan.PlanValue;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Effect;
import io.accesspath.core.plan.diagnose.Evidence;
import io.accesspath.core.plan.diagnose.Fix;
import io.accesspath.core.plan.diagnose.NodeRef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The analysis as PostgreSQL's FORMAT JSON with a "Diagnoses" array beside "Plan", its keys in
 * the same style as PostgreSQL's and written by the same writer.
 */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    public static String render(Analysis a) {
        Map<String, PlanValue> fields = new LinkedHashMap<>(a.plan().fields().asMap());
        fields.put("Diagnoses", PlanValue.list(a.diagnoses().stream().map(AnalysisJson::diagnosis).toList()));
        return PlanJson.write(new Plan(a.plan().root(), Fields.of(fields)));
    }

    private static PlanValue diagnosis(Diagnosis d) {
        Map<String, PlanValue> f = new LinkedHashMap<>();
        f.put("Kind", PlanValue.text(d.kind().id()));
        f.put("Severity", PlanValue.text(d.severity().label()));
        d.node().ifPresent(n -> f.put("Node", node(n)));
        f.put("Evidence", evidence(d.evidence()));
        f.put("Cause", PlanValue.text(d.cause()));
        f.put("Fixes", PlanValue.list(d.fixes().stream().map(AnalysisJson::fix).toList()));
        f.put("Effect", effect(d.effect()));
        return PlanValue.object(Fields.of(f));
    }

    private static PlanValue node(NodeRef n) {
        Map<String, PlanValue> f = new LinkedHashMap<>();
        f.put("Path", PlanValue.text(n.path()));
        f.put("Node Type", PlanValue.text(n.nodeType()));
        n.relation().ifPresent(r -> f.put("Relation Name", PlanValue.text(r)));
        n.alias().ifPresent(r -> f.put("Alias", PlanValue.text(r)));
        n.index().ifPresent(r -> f.put("Index Name", PlanValue.text(r)));
        f.put("Label", PlanValue.text(n.label()));
        return PlanValue.object(Fields.of(f));
    }

    private static PlanValue evidence(Evidence e) {
        Map<String, PlanValue> f = new LinkedHashMap<>();
        f.put("Summary", PlanValue.text(e.summary()));
        f.put("Facts", PlanValue.list(e.facts().stream().map(x -> {
            Map<String, PlanValue> fact = new LinkedHashMap<>();
            fact.put("Name", PlanValue.text(x.name()));
            fact.put("Value", number(x.value()));
            fact.put("Unit", PlanValue.text(x.unit()));
            return PlanValue.object(Fields.of(fact));
        }).toList()));
        return PlanValue.object(Fields.of(f));
    }

    private static PlanValue fix(Fix x) {
        Map<String, PlanValue> f = new LinkedHashMap<>();
        f.put("Action", PlanValue.text(x.action()));
        x.sql().ifPresent(s -> f.put("SQL", PlanValue.text(s)));
        return PlanValue.object(Fields.of(f));
    }

    private static PlanValue effect(Effect e) {
        Map<String, PlanValue> f = new LinkedHashMap<>();
        f.put("Summary", PlanValue.text(e.summary()));
        put(f, "Time", e.timeMs());
        put(f, "Time Share", e.timeShare());
        put(f, "Rows Avoided", e.rowsAvoided());
        return PlanValue.object(Fields.of(f));
    }

    private static void put(Map<String, PlanValue> f, String key, OptionalDouble v) {
        v.ifPresent(x -> f.put(key, number(x)));
    }

    private static PlanValue number(double v) {
        return new PlanValue.NumberValue(Json.number(v));
    }
}
