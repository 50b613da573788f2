package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.PlanValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the "Group Key", "Hash Key" and "Sort Key" lines of a text aggregate into what FORMAT
 * JSON prints: a plain "Group Key" list, or "Grouping Sets" where the aggregate has several
 * sets (several key lines, a "Hash Key", an empty set "()" or a chained sort). Each hashed set
 * is its own entry; consecutive sorted sets share one, as PostgreSQL groups them in rollups.
 */
final class GroupingSets {

    private GroupingSets() {
    }

    static void apply(NodeBuilder node) {
        List<String[]> lines = node.groupingLines;
        if (lines.isEmpty()) {
            return;
        }
        boolean sets = lines.size() > 1 || lines.stream().anyMatch(l -> !l[0].equals("Group Key") || l[1].equals("()"));
        if (!sets) {
            node.fields.put("Group Key", PlanValue.texts(PgText.splitList(lines.get(0)[1])));
            return;
        }
        List<Object> entries = new ArrayList<>();
        MutableFields current = null;
        for (String[] line : lines) {
            String kind = line[0];
            if (kind.equals("Sort Key")) {
                current = new MutableFields();
                current.put("Sort Key", PlanValue.texts(PgText.splitList(line[1])));
                entries.add(current);
                continue;
            }
            String listKey = kind.equals("Hash Key") ? "Hash Keys" : "Group Keys";
            boolean startNew = current == null || kind.equals("Hash Key") || current.has("Hash Keys")
                    || (current.has("Group Keys") && !listKey.equals("Group Keys"));
            if (startNew) {
                current = new MutableFields();
                entries.add(current);
            }
            List<String> set = line[1].equals("()") ? List.of() : PgText.splitList(line[1]);
            current.list(listKey).add(PlanValue.texts(set));
        }
        node.fields.replace("Group Key", "Grouping Sets", entries);
    }
}
