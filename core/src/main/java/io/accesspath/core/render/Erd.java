package io.accesspath.core.render;

import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.schema.UniqueConstraint;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * erd.mmd: the schema as a Mermaid erDiagram. Every table with its columns (PK, FK, UK marks),
 * every foreign key as a relationship with crow's-foot cardinality: optional references are
 * zero-or-one on the parent side; a unique reference is one-to-one.
 */
public final class Erd {
    private Erd() {
    }

    public static String render(Schema schema) {
        StringBuilder sb = new StringBuilder("erDiagram\n");
        for (Table t : schema.tables()) {
            sb.append("    ").append(name(t.name())).append(" {\n");
            Set<String> pk = new LinkedHashSet<>(t.primaryKey().map(p -> p.columns()).orElse(java.util.List.of()));
            Set<String> fk = new LinkedHashSet<>();
            t.foreignKeys().forEach(f -> fk.addAll(f.columns()));
            Set<String> uk = new LinkedHashSet<>();
            for (UniqueConstraint u : t.uniques()) {
                if (u.columns().size() == 1) {
                    uk.add(u.columns().get(0));
                }
            }
            for (Index i : t.indexes()) {
                if (i.unique()) {
                    for (Index.Key k : i.keys()) {
                        if (k.expression()) {
                            uk.add(k.column().replaceAll(".*\\(\"?([A-Za-z0-9_]+)\"?\\).*", "$1"));
                        }
                    }
                }
            }
            for (Column c : t.columns()) {
                StringBuilder marks = new StringBuilder();
                if (pk.contains(c.name())) {
                    marks.append("PK");
                }
                if (fk.contains(c.name())) {
                    marks.append(marks.length() > 0 ? ", " : "").append("FK");
                }
                if (uk.contains(c.name())) {
                    marks.append(marks.length() > 0 ? ", " : "").append("UK");
                }
                sb.append("        ").append(type(c.type())).append(' ').append(name(c.name()));
                if (marks.length() > 0) {
                    sb.append(' ').append(marks);
                }
                if (!c.nullable() && !pk.contains(c.name())) {
                    sb.append(" \"not null\"");
                }
                sb.append('\n');
            }
            sb.append("    }\n");
        }
        for (Table t : schema.tables()) {
            for (ForeignKey f : t.foreignKeys()) {
                boolean optional = f.columns().stream().anyMatch(c -> t.column(c).map(Column::nullable).orElse(false));
                boolean unique = t.uniques().stream().anyMatch(u -> u.columns().equals(f.columns()))
                        || t.primaryKey().map(p -> p.columns().equals(f.columns())).orElse(false);
                boolean identifying = f.onDelete() == ForeignKey.Action.CASCADE;
                String parentSide = optional ? "|o" : "||";
                String childSide = unique ? "o|" : "o{";
                String line = identifying ? "--" : "..";
                sb.append("    ").append(name(f.referencedTable())).append(' ').append(parentSide).append(line)
                        .append(childSide).append(' ').append(name(t.name())).append(" : \"")
                        .append(String.join(", ", f.columns())).append("\"\n");
            }
        }
        return sb.toString();
    }

    /** Mermaid entity and attribute names: letters, digits, underscores and hyphens. */
    private static String name(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Mermaid attribute types: no spaces or commas. */
    private static String type(String t) {
        return t.replace(' ', '_').replace(',', '_');
    }
}
