package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.PlanValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a plan the way PostgreSQL's EXPLAIN (FORMAT JSON) does, byte for byte: two spaces per
 * level, lists of strings on one line, groups (objects, "Plans", "Workers", "Triggers", ...)
 * opened on one line and closed on their own, and PostgreSQL's string escaping.
 */
public final class PlanJsonWriter {
    /** Lists that PostgreSQL opens as groups even when empty ("[" newline "]"). */
    private static final Set<String> GROUP_LISTS = Set.of(
            "Plans", "Workers", "Triggers", "Target Tables", "Grouping Sets", "Group Keys", "Hash Keys");

    private final StringBuilder out = new StringBuilder();

    private PlanJsonWriter() {
    }

    public static String write(Plan plan) {
        PlanJsonWriter w = new PlanJsonWriter();
        w.out.append("[\n");
        w.indent(1).append("{");
        boolean first = w.node("Plan", plan.root(), 2, true);
        w.fields(plan.fields(), 2, first);
        w.out.append('\n');
        w.indent(1).append("}\n]");
        return w.out.toString();
    }

    /** Writes {@code "label": {node}} or, without a label, {@code {node}}; returns false (a field was written). */
    private boolean node(String label, PlanNode node, int level, boolean first) {
        separator(first);
        indent(level);
        if (label != null) {
            string(label).append(": ");
        }
        out.append('{');
        boolean inner = fields(node.fields(), level + 1, true);
        if (!node.children().isEmpty()) {
            separator(inner);
            indent(level + 1).append("\"Plans\": [");
            boolean firstChild = true;
            for (PlanNode child : node.children()) {
                firstChild = node(null, child, level + 2, firstChild);
            }
            out.append('\n');
            indent(level + 1).append(']');
        }
        out.append('\n');
        indent(level).append('}');
        return false;
    }

    /** Writes each field on its own line; returns whether nothing was written. */
    private boolean fields(Fields fields, int level, boolean first) {
        boolean none = first;
        for (Map.Entry<String, PlanValue> e : fields.asMap().entrySet()) {
            separator(none);
            none = false;
            indent(level);
            string(e.getKey()).append(": ");
            value(e.getKey(), e.getValue(), level);
        }
        return none;
    }

    private void value(String key, PlanValue value, int level) {
        if (value instanceof PlanValue.TextValue t) {
            string(t.value());
        } else if (value instanceof PlanValue.NumberValue n) {
            out.append(n.value().toPlainString());
        } else if (value instanceof PlanValue.BoolValue b) {
            out.append(b.value());
        } else if (value instanceof PlanValue.ObjectValue o) {
            out.append('{');
            fields(o.fields(), level + 1, true);
            out.append('\n');
            indent(level).append('}');
        } else {
            list(key, ((PlanValue.ListValue) value).items(), level);
        }
    }

    private void list(String key, List<PlanValue> items, int level) {
        boolean inline = items.isEmpty() ? !GROUP_LISTS.contains(key)
                : items.stream().allMatch(i -> i instanceof PlanValue.TextValue);
        if (inline) {
            inlineList(items);
            return;
        }
        out.append('[');
        boolean first = true;
        for (PlanValue item : items) {
            separator(first);
            first = false;
            indent(level + 1);
            if (item instanceof PlanValue.ObjectValue o) {
                out.append('{');
                fields(o.fields(), level + 2, true);
                out.append('\n');
                indent(level + 1).append('}');
            } else if (item instanceof PlanValue.ListValue nested) {
                inlineList(nested.items());
            } else {
                value(key, item, level + 1);
            }
        }
        out.append('\n');
        indent(level).append(']');
    }

    private void inlineList(List<PlanValue> items) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value("", items.get(i), 0);
        }
        out.append(']');
    }

    private void separator(boolean first) {
        if (!first) {
            out.append(',');
        }
        out.append('\n');
    }

    private StringBuilder indent(int level) {
        return out.append("  ".repeat(level));
    }

    /** PostgreSQL's escape_json: quotes, backslashes and control characters only. */
    private StringBuilder string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
