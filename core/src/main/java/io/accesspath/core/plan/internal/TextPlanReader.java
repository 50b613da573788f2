package io.accesspath.core.plan.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.Plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads EXPLAIN's text format into the same tree FORMAT JSON gives. The tree comes from the
 * layout: a node line ({@code ->  Hash Join  (cost=...)}) opens a child of the nearest node to
 * its left; a detail line belongs to the nearest node to its left; a subplan label
 * ({@code InitPlan 1 (returns $0)}, {@code SubPlan 2}, {@code CTE name}) names the node below
 * it; lines as far left as the root after the tree ("Planning Time", "Trigger", "JIT:", ...)
 * belong to the query. Only relative indentation counts, so leading spaces added by a client
 * do no harm.
 */
final class TextPlanReader {
    private static final Pattern SUBPLAN_LABEL = Pattern.compile("^(InitPlan \\d+(?: \\(returns .*\\))?|SubPlan \\d+|CTE .+)$");
    private static final String NODE_HINT = "expected a plan node line like 'Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)'";
    private static final String LINE_HINT = "expected a plan node line like '->  Seq Scan on t  (cost=...)' or a detail line"
            + " like 'Filter: (a > 1)'";

    private final List<SourceLine> lines;
    private final String source;
    private final Deque<NodeBuilder> open = new ArrayDeque<>();
    private final Deque<NodeBuilder.Group> queryGroups = new ArrayDeque<>();
    private final MutableFields query = new MutableFields();
    private final DetailLines details = new DetailLines();
    private NodeBuilder root;
    private String pendingLabel;
    private boolean analyzed;
    private boolean timed;

    private TextPlanReader(List<SourceLine> lines, String source) {
        this.lines = lines;
        this.source = source;
    }

    static Plan read(List<SourceLine> lines, String source) {
        return new TextPlanReader(lines, source).read();
    }

    private Plan read() {
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int column = line.indent();
            String content = line.text().strip();
            if (root == null) {
                readRoot(line, column, content);
            } else if (content.startsWith("->")) {
                readChild(line, column, content);
            } else if (SUBPLAN_LABEL.matcher(content).matches() && arrowBelow(i, column)) {
                close(column);
                pendingLabel = content;
            } else {
                readDetail(line, column, content);
            }
        }
        if (root == null) {
            throw UserError.invalid(Loc.of(source, 1, 1), "no plan in this input", NODE_HINT);
        }
        TextDefaults.apply(root, query, analyzed, timed, details);
        return new Plan(root.build(), query.freeze());
    }

    private void readRoot(SourceLine line, int column, String content) {
        NodeHeaders.Header header = NodeHeaders.read(content);
        if (header == null || !(header.known() || header.measured())) {
            throw UserError.invalid(Loc.of(source, line.number(), line.column(column)),
                    "not a plan node line: '" + shorten(content) + "'", NODE_HINT);
        }
        root = node(header, column);
    }

    private void readChild(SourceLine line, int column, String content) {
        close(column);
        String rest = content.substring(2).stripLeading();
        NodeHeaders.Header header = NodeHeaders.read(rest);
        if (open.isEmpty() || header == null || rest.isEmpty()) {
            throw UserError.invalid(Loc.of(source, line.number(), line.column(column)),
                    open.isEmpty() ? "plan node line outside the plan tree" : "not a plan node line: '" + shorten(content) + "'",
                    NODE_HINT);
        }
        int nameColumn = column + content.length() - rest.length();
        NodeBuilder parent = open.peek();
        NodeBuilder child = node(header, nameColumn);
        parent.children.add(child);
    }

    private NodeBuilder node(NodeHeaders.Header header, int nameColumn) {
        analyzed |= header.fields().has("Actual Loops");
        timed |= header.timed();
        NodeBuilder node = new NodeBuilder(header.fields(), nameColumn, pendingLabel);
        pendingLabel = null;
        open.push(node);
        return node;
    }

    private void readDetail(SourceLine line, int column, String content) {
        close(column);
        NodeBuilder owner = open.peek();
        if (!DetailLines.isDetail(content, owner)) {
            NodeHeaders.Header header = owner == null ? NodeHeaders.read(content) : null;
            boolean anotherPlan = header != null && header.measured();
            throw UserError.invalid(Loc.of(source, line.number(), line.column(column)),
                    anotherPlan ? "a second plan in this input" : "not a plan line: '" + shorten(content) + "'",
                    anotherPlan ? "give one EXPLAIN output per input" : LINE_HINT);
        }
        Deque<NodeBuilder.Group> groups = owner == null ? queryGroups : owner.groups;
        while (!groups.isEmpty() && column <= groups.peek().column()) {
            groups.pop();
        }
        MutableFields into = !groups.isEmpty() ? groups.peek().fields() : owner == null ? query : owner.fields;
        MutableFields opened = details.read(content, owner, into);
        if (opened != null) {
            groups.push(new NodeBuilder.Group(column, opened));
        }
    }

    /** Closes the nodes that a line at {@code column} is not inside of. */
    private void close(int column) {
        while (!open.isEmpty() && open.peek().nameColumn >= column) {
            open.pop();
        }
    }

    /** True when the next non-blank line is a node line to the right of {@code column}. */
    private boolean arrowBelow(int index, int column) {
        for (int j = index + 1; j < lines.size(); j++) {
            SourceLine next = lines.get(j);
            if (!next.isBlank()) {
                return next.indent() > column && next.text().strip().startsWith("->");
            }
        }
        return false;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
