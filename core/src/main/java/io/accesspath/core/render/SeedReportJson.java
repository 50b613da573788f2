package io.accesspath.core.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.engine.SeedReport;

/**
 * The JSON summary of a seed: per table rows, seconds, rows per second and bytes; totals; the
 * seed, scale and target. Key order is fixed and times are rounded to milliseconds.
 */
public final class SeedReportJson {
    /** Bumped when a field changes meaning or disappears; adding fields keeps it. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SeedReportJson() {
    }

    public static ObjectNode tree(SeedReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "accesspath.seed");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("spec", r.spec());
        root.put("target", r.target());
        root.put("output", r.format());
        root.put("seed", r.seed());
        root.put("scale", r.scale());
        root.put("now", r.now().toString());
        ArrayNode tables = root.putArray("tables");
        for (SeedReport.TableReport t : r.tables()) {
            ObjectNode n = tables.addObject();
            n.put("table", t.table());
            n.put("status", t.status().label());
            n.put("rows", t.rows());
            n.put("seconds", round(t.seconds()));
            n.put("rowsPerSecond", Math.round(t.rowsPerSecond()));
            n.put("bytes", t.bytes());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("tables", r.tables().size());
        totals.put("rows", r.rows());
        totals.put("seconds", round(r.seconds()));
        totals.put("rowsPerSecond", Math.round(r.rowsPerSecond()));
        totals.put("bytes", r.bytes());
        r.indexes().ifPresent(p -> phase(root.putObject("indexes"), p));
        r.foreignKeys().ifPresent(p -> phase(root.putObject("foreignKeys"), p));
        r.analyze().ifPresent(p -> phase(root.putObject("analyze"), p));
        ArrayNode differences = root.putArray("differences");
        r.differences().forEach(differences::add);
        ArrayNode files = root.putArray("files");
        r.files().forEach(files::add);
        return root;
    }

    /** The summary as indented JSON, ending with a newline. */
    public static String write(SeedReport r) {
        return DesignJson.pretty(tree(r));
    }

    private static void phase(ObjectNode n, SeedReport.Phase p) {
        n.put("count", p.count());
        n.put("seconds", round(p.seconds()));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
