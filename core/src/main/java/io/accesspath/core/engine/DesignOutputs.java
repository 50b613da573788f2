package io.accesspath.core.engine;

import io.accesspath.core.db.Statement;
import io.accesspath.core.design.Decision;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.internal.Fmt;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.render.DesignJson;
import io.accesspath.core.render.DesignMarkdown;
import io.accesspath.core.render.Erd;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a design is written as: schema.sql (ordered DDL with the rationale as comments),
 * design.md, erd.mmd and design.json. Rendered in memory, deterministically.
 */
public final class DesignOutputs {
    public static final String SCHEMA_SQL = "schema.sql";
    public static final String DESIGN_MD = "design.md";
    public static final String ERD_MMD = "erd.mmd";
    public static final String DESIGN_JSON = "design.json";
    private static final int WIDTH = 100;

    private DesignOutputs() {
    }

    /** File name to content, in the order they are listed to the user. */
    public static Map<String, String> render(Design design, Dialect dialect) {
        List<Statement> statements = dialect.renderDdl(design.schema());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SCHEMA_SQL, schemaSql(design, dialect));
        files.put(DESIGN_MD, DesignMarkdown.render(design, statements));
        files.put(ERD_MMD, Erd.render(design.schema()));
        files.put(DESIGN_JSON, DesignJson.write(design));
        return files;
    }

    /** schema.sql: the DDL with a header and, before each table, foreign key and index, why. */
    public static String schemaSql(Design d, Dialect dialect) {
        Map<String, List<String>> comments = new LinkedHashMap<>();
        List<String> header = new ArrayList<>();
        header.add(d.spec().name() + ": schema designed by accesspath from " + d.spec().file());
        header.add(d.targetVersion().map(v -> "Target: PostgreSQL " + v + ".")
                .orElse("Target: PostgreSQL " + d.minVersion() + " and later."));
        header.add("The rationale of every table, key, constraint and index is in design.md.");
        header.add("Generated: change the spec and design again rather than editing this file.");
        List<Statement> statements = dialect.renderDdl(d.schema());
        if (!statements.isEmpty()) {
            comments.put(statements.get(0).key(), header);
        }
        for (Table t : d.schema().tables()) {
            decision(d, Decision.Kind.TABLE, t.name()).ifPresent(x -> put(comments, "table:" + t.name(),
                    wrap(x.reason())));
            for (ForeignKey fk : t.foreignKeys()) {
                d.decisions().stream().filter(x -> x.kind() == Decision.Kind.FOREIGN_KEY
                                && x.subject().startsWith(t.name() + ".")
                                && x.choice().startsWith("(" + String.join(", ", fk.columns()) + ") REFERENCES "
                                + fk.referencedTable() + " "))
                        .findFirst().ifPresent(x -> put(comments, "foreign-key:" + t.name() + "." + fk.name(),
                                wrap(x.reason())));
            }
        }
        for (Decision x : d.decisionsOf(Decision.Kind.INDEX)) {
            List<String> lines = new ArrayList<>();
            lines.add("serves: " + String.join(", ", x.patterns()));
            x.cost().ifPresent(c -> lines.addAll(wrap("cost: " + c.writeCost())));
            put(comments, "index:" + x.subject(), lines);
        }
        Map<String, List<String>> present = new LinkedHashMap<>();
        for (Statement s : statements) {
            if (comments.containsKey(s.key())) {
                present.put(s.key(), comments.get(s.key()));
            }
        }
        return dialect.renderScript(d.schema(), present);
    }

    private static void put(Map<String, List<String>> comments, String key, List<String> lines) {
        comments.computeIfAbsent(key, k -> new ArrayList<>()).addAll(lines);
    }

    private static java.util.Optional<Decision> decision(Design d, Decision.Kind kind, String subject) {
        return d.decisions().stream().filter(x -> x.kind() == kind && x.subject().equals(subject)).findFirst();
    }

    /** Splits text into comment lines of at most {@value #WIDTH} characters, at spaces. */
    static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** A one-line summary for people: tables, indexes, patterns, target. */
    public static String summary(Design d) {
        long indexes = d.schema().allIndexes().stream().filter(i -> !i.unique()).count();
        long proposals = d.decisions().stream().filter(x -> !x.applied()).count();
        return d.spec().name() + ": " + d.schema().tables().size() + " tables, " + indexes
                + (indexes == 1 ? " index for " : " indexes for ")
                + d.spec().accessPatterns().size() + " access patterns (" + d.targetVersion()
                .map(v -> "PostgreSQL " + v).orElse("PostgreSQL " + d.minVersion() + "+") + "), " + proposals
                + (proposals == 1 ? " proposal" : " proposals") + " in design.md";
    }
}
