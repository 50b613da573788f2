package io.accesspath.core.render;

import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schema as a self-contained SVG entity-relationship diagram, for HTML reports that must
 * render without fetching anything. Tables are laid out in columns by foreign-key depth
 * (referenced tables to the left), each a box listing its columns with PK/FK/UK marks; each
 * foreign key is a curve from the referencing column to the referenced table, with a crow's foot
 * on the many side and a bar (required) or circle (optional) on the one side. Deterministic.
 */
public final class ErdSvg {
    static final int ROW = 18;
    static final int HEADER = 24;
    static final int CHAR = 7;
    static final int PAD = 8;
    static final int GAP_X = 90;
    static final int GAP_Y = 28;
    static final int MARGIN = 20;

    private ErdSvg() {
    }

    /** A laid-out table box. */
    record Box(Table table, int x, int y, int width, int height) {
        int rowY(int index) {
            return y + HEADER + index * ROW + ROW / 2;
        }
    }

    public static String render(Schema schema) {
        Map<String, Box> boxes = layout(schema);
        int width = 0;
        int height = 0;
        for (Box b : boxes.values()) {
            width = Math.max(width, b.x() + b.width() + MARGIN);
            height = Math.max(height, b.y() + b.height() + MARGIN);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"Entity-relationship diagram\">\n");
        svg.append("<style>.erd text{font:12px ui-monospace,Menlo,Consolas,monospace;fill:#1f2937}"
                + ".erd .title{font-weight:bold;fill:#fff}.erd .head{fill:#334155}.erd .box{fill:#fff;stroke:#334155}"
                + ".erd .mark{fill:#6b7280;font-size:10px}.erd .rel{fill:none;stroke:#64748b;stroke-width:1.3}"
                + ".erd .rel.owned{stroke:#0f766e}.erd .rel.optional{stroke-dasharray:4 3}</style>\n");
        for (Box b : boxes.values()) {
            box(svg, b);
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                Box child = boxes.get(t.name());
                Box parent = boxes.get(fk.referencedTable());
                if (child != null && parent != null) {
                    relation(svg, child, parent, fk);
                }
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Columns of tables by foreign-key depth; within a column, tables in schema order. */
    static Map<String, Box> layout(Schema schema) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            depth(t, schema, depth, new LinkedHashSet<>());
        }
        Map<Integer, List<Table>> columns = new java.util.TreeMap<>();
        for (Table t : schema.tables()) {
            columns.computeIfAbsent(depth.get(t.name()), k -> new ArrayList<>()).add(t);
        }
        Map<String, Box> boxes = new LinkedHashMap<>();
        int x = MARGIN + 40;
        for (List<Table> column : columns.values()) {
            int w = 0;
            for (Table t : column) {
                w = Math.max(w, width(t));
            }
            int y = MARGIN + 16;
            for (Table t : column) {
                int h = HEADER + t.columns().size() * ROW + PAD / 2;
                boxes.put(t.name(), new Box(t, x, y, w, h));
                y += h + GAP_Y;
            }
            x += w + GAP_X;
        }
        return boxes;
    }

    private static int depth(Table t, Schema schema, Map<String, Integer> memo, Set<String> visiting) {
        Integer known = memo.get(t.name());
        if (known != null) {
            return known;
        }
        if (!visiting.add(t.name())) {
            return 0;
        }
        int d = 0;
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.referencedTable().equals(t.name())) {
                continue;
            }
            Table parent = schema.table(fk.referencedTable()).orElse(null);
            if (parent != null) {
                d = Math.max(d, depth(parent, schema, memo, visiting) + 1);
            }
        }
        visiting.remove(t.name());
        memo.put(t.name(), d);
        return d;
    }

    private static int width(Table t) {
        int chars = t.name().length() + 2;
        for (Column c : t.columns()) {
            chars = Math.max(chars, c.name().length() + shortType(c.type()).length() + 7);
        }
        return chars * CHAR + 2 * PAD;
    }

    private static void box(StringBuilder svg, Box b) {
        Table t = b.table();
        Set<String> pk = new LinkedHashSet<>(t.primaryKey().map(p -> p.columns()).orElse(List.of()));
        Set<String> fk = new LinkedHashSet<>();
        t.foreignKeys().forEach(f -> fk.addAll(f.columns()));
        Set<String> uk = new LinkedHashSet<>();
        t.uniques().stream().filter(u -> u.columns().size() == 1).forEach(u -> uk.add(u.columns().get(0)));
        for (Index i : t.indexes()) {
            if (i.unique() && i.keys().size() == 1) {
                uk.add(i.keys().get(0).column().replaceAll(".*\\(\"?([A-Za-z0-9_]+)\"?\\).*", "$1"));
            }
        }
        svg.append("<g class=\"table\" data-table=\"").append(esc(t.name())).append("\">");
        svg.append("<rect class=\"box\" x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"")
                .append(b.width()).append("\" height=\"").append(b.height()).append("\" rx=\"4\"/>");
        svg.append("<rect class=\"head\" x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"")
                .append(b.width()).append("\" height=\"").append(HEADER).append("\" rx=\"4\"/>");
        svg.append("<text class=\"title\" x=\"").append(b.x() + PAD).append("\" y=\"").append(b.y() + 16).append("\">")
                .append(esc(t.name())).append("</text>");
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            int y = b.rowY(i) + 4;
            String mark = String.join(",", marks(c.name(), pk, fk, uk));
            svg.append("<text x=\"").append(b.x() + PAD).append("\" y=\"").append(y).append("\">")
                    .append(c.nullable() ? "" : "<tspan font-weight=\"bold\">").append(esc(c.name()))
                    .append(c.nullable() ? "" : "</tspan>").append(" <tspan class=\"mark\">")
                    .append(esc(shortType(c.type()))).append(mark.isEmpty() ? "" : " " + mark).append("</tspan></text>");
        }
        svg.append("</g>\n");
    }

    private static List<String> marks(String column, Set<String> pk, Set<String> fk, Set<String> uk) {
        List<String> out = new ArrayList<>();
        if (pk.contains(column)) {
            out.add("PK");
        }
        if (fk.contains(column)) {
            out.add("FK");
        }
        if (uk.contains(column)) {
            out.add("UK");
        }
        return out;
    }

    private static void relation(StringBuilder svg, Box child, Box parent, ForeignKey fk) {
        Table t = child.table();
        int childRow = indexOf(t, fk.columns().get(fk.columns().size() - 1));
        int parentRow = indexOf(parent.table(), fk.referencedColumns().get(fk.referencedColumns().size() - 1));
        boolean optional = fk.columns().stream().anyMatch(c -> t.column(c).map(Column::nullable).orElse(false));
        boolean owned = fk.onDelete() == ForeignKey.Action.CASCADE;
        String cls = "rel" + (owned ? " owned" : "") + (optional ? " optional" : "");
        double cy = child.rowY(Math.max(0, childRow));
        double py = parent.rowY(Math.max(0, parentRow));
        StringBuilder d = new StringBuilder();
        double sx;
        double ex;
        if (child == parent) {
            // a self-reference loops out of the left side, away from the other relations
            sx = child.x();
            d.append(String.format(Locale.ROOT, "M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f", sx, py, sx - 40, py,
                    sx - 40, cy, sx, cy));
            svg.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\"/>");
            ends(svg, sx, py, sx, cy, false, optional);
            return;
        }
        boolean leftToRight = parent.x() < child.x();
        if (leftToRight) {
            sx = parent.x() + parent.width();
            ex = child.x();
        } else if (parent.x() > child.x()) {
            sx = parent.x();
            ex = child.x() + child.width();
        } else {
            sx = parent.x() + parent.width();
            ex = child.x() + child.width();
        }
        if (leftToRight && child.x() - (parent.x() + parent.width()) > GAP_X + 1) {
            // skip over the columns in between through the channel above the boxes
            double top = MARGIN / 2.0 + 2;
            d.append(String.format(Locale.ROOT, "M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f L %.1f %.1f"
                            + " C %.1f %.1f, %.1f %.1f, %.1f %.1f", sx, py, sx + 30, py, sx + 10, top, sx + 40, top,
                    ex - 40, top, ex - 10, top, ex - 30, cy, ex, cy));
            svg.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\" data-fk=\"")
                    .append(esc(fk.name())).append("\"/>");
            ends(svg, sx, py, ex, cy, true, optional);
            return;
        }
        double bend = parent.x() == child.x() ? 50 : Math.abs(ex - sx) / 2;
        double c1 = leftToRight || parent.x() == child.x() ? sx + bend : sx - bend;
        double c2 = parent.x() == child.x() ? ex + bend : leftToRight ? ex - bend : ex + bend;
        d.append(String.format(Locale.ROOT, "M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f", sx, py, c1, py, c2, cy,
                ex, cy));
        svg.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\" data-fk=\"")
                .append(esc(fk.name())).append("\"/>");
        ends(svg, sx, py, ex, cy, leftToRight || parent.x() == child.x(), optional);
    }

    /** A bar or circle at the parent end, a crow's foot at the child end. */
    private static void ends(StringBuilder svg, double px, double py, double cx, double cy, boolean childOnRight,
                             boolean optional) {
        double dirP = childOnRight ? 1 : -1;
        double dirC = childOnRight ? -1 : 1;
        if (optional) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#fff\" stroke=\"#64748b\"/>",
                    px + dirP * 10, py));
        } else {
            svg.append(String.format(Locale.ROOT, "<path class=\"rel\" d=\"M %.1f %.1f L %.1f %.1f\"/>", px + dirP * 8,
                    py - 5, px + dirP * 8, py + 5));
        }
        svg.append(String.format(Locale.ROOT, "<path class=\"rel\" d=\"M %.1f %.1f L %.1f %.1f M %.1f %.1f L %.1f %.1f\"/>",
                cx + dirC * 10, cy, cx, cy - 5, cx + dirC * 10, cy, cx, cy + 5));
        svg.append('\n');
    }

    private static int indexOf(Table t, String column) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        return 0;
    }

    private static String shortType(String type) {
        Map<String, String> shorter = new HashMap<>();
        shorter.put("timestamp with time zone", "timestamptz");
        shorter.put("character varying", "varchar");
        String t = type;
        for (Map.Entry<String, String> e : shorter.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        return t;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
