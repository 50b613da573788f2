package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.AccessPattern.Op;
import io.accesspath.core.spec.AccessPattern.PageStyle;
import io.accesspath.core.spec.Rate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads access patterns: the YAML form (with the short and long forms of {@code where},
 * {@code order_by} strings and {@code page}) or, for those with {@code sql}, the SQL form through
 * {@link SqlPatternReader}; then checks each against the model.
 */
final class PatternReader {
    static final List<String> OPERATORS = Arrays.stream(Op.values()).map(Op::spelling).toList();
    static final List<String> PAGE_STYLES = Arrays.stream(PageStyle.values()).map(PageStyle::spelling).toList();
    /** Keys whose content the SQL gives. */
    private static final List<String> GIVEN_BY_SQL = List.of("entity", "where", "order_by", "fetch", "project",
            "aggregates", "group_by");
    /** {@code count}, {@code count(*)} or {@code fn(attribute)}; shared with the JSON Schema. */
    static final String AGGREGATE_PATTERN = "^(?:count|count *\\( *\\* *\\)|(?:count|sum|avg|min|max) *\\( *[a-z][a-z0-9_]* *\\))$";
    private static final Pattern AGGREGATE_SHAPE = Pattern.compile(AGGREGATE_PATTERN);
    private static final Pattern AGGREGATE = Pattern.compile("^(count|sum|avg|min|max)(?: *\\( *(\\*|[a-z][a-z0-9_]*) *\\))?$");
    private static final Pattern ORDER = Pattern.compile("^(\\S+)(?:\\s+(\\S+))?$");

    private final Values values;
    private final PatternChecker checker;
    private final SqlPatternReader sqlReader;
    private final Map<String, Loc> names = new HashMap<>();

    PatternReader(Values values, Resolver resolver, Source source) {
        this.values = values;
        this.checker = new PatternChecker(resolver, values.problems());
        this.sqlReader = new SqlPatternReader(source, resolver, values.problems());
    }

    /**
     * The page as the spec item gives it: {@code page: 50} or {@code {size, style}}.
     *
     * @param sizeWritten whether a size is written (it may still be invalid)
     */
    record PageSpec(OptionalInt size, boolean sizeWritten, PageStyle style, Loc loc) {}

    /** Reads the {@code index}th (1-based) access pattern. */
    Optional<AccessPattern> read(Node node, int index) {
        Optional<Node.Mapping> mapping = values.mapping(node, "access pattern #" + index);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> peekedName = mapping.get().get("name")
                .filter(n -> n instanceof Node.Scalar s && !s.isNull()).map(n -> ((Node.Scalar) n).text());
        String context = peekedName.map(n -> "access pattern '" + n + "'").orElse("access pattern #" + index);
        Fields fields = new Fields(mapping.get(), context, values);
        fields.allowOnly(SpecKeys.ACCESS_PATTERN);
        Optional<String> name = fields.require("name").flatMap(n -> values.name(n, fields.label("name"), "access pattern name"));
        name.ifPresent(n -> unique(n, fields.get("name").orElseThrow().loc()));
        Optional<PageSpec> page = fields.get("page").flatMap(n -> page(n, fields));
        PatternDraft.Query query;
        Optional<String> sql = Optional.empty();
        if (fields.has("sql")) {
            for (String key : GIVEN_BY_SQL) {
                if (fields.has(key)) {
                    values.problems().add(fields.keyLoc(key), "'" + key + "' cannot be combined with 'sql' in " + context,
                            "the SQL gives it");
                }
            }
            Node sqlNode = fields.get("sql").orElseThrow();
            sql = values.text(sqlNode, fields.label("sql"));
            query = sql.map(text -> sqlReader.read(text, sqlNode, context, page)).orElse(PatternDraft.Query.NONE);
        } else {
            page.filter(p -> !p.sizeWritten()).ifPresent(p ->
                    values.problems().add(p.loc(), "missing required key 'size' in page of " + context));
            query = yamlQuery(fields, page);
        }
        Optional<Rate> frequency = fields.requireRate("frequency").filter(rate -> {
            if (rate.isZero()) {
                values.problems().add(fields.get("frequency").orElseThrow().loc(), fields.label("frequency")
                        + " must be more than zero", "write a small rate such as 1/day for a rare query");
            }
            return !rate.isZero();
        });
        OptionalDouble latency = fields.number("latency_p95_ms").filter(n -> {
            if (n.signum() <= 0) {
                values.problems().add(fields.get("latency_p95_ms").orElseThrow().loc(),
                        fields.label("latency_p95_ms") + " must be more than zero");
            }
            return n.signum() > 0;
        }).map(n -> OptionalDouble.of(n.doubleValue())).orElse(OptionalDouble.empty());
        PatternDraft draft = new PatternDraft(name.orElse(""), context, fields.loc(), fields.text("description"),
                query.entity(), query.filters(), query.sort(), query.page(), query.fetch(), query.project(),
                query.aggregates(), query.groupBy(), frequency, latency, fields.flag("stale_ok"), sql);
        return checker.check(draft);
    }

    private void unique(String name, Loc loc) {
        Loc first = names.putIfAbsent(name, loc);
        if (first != null) {
            values.problems().add(loc, "duplicate access pattern name '" + name + "'", "the first is at " + first);
        }
    }

    private Optional<PageSpec> page(Node node, Fields pattern) {
        if (node instanceof Node.Scalar) {
            OptionalInt size = values.wholeNumber(node, pattern.label("page"), 1);
            return size.isPresent() ? Optional.of(new PageSpec(size, true, PageStyle.KEYSET, node.loc())) : Optional.empty();
        }
        return Fields.of(node, "page of " + pattern.context(), values).map(page -> {
            page.allowOnly(SpecKeys.PAGE);
            PageStyle style = page.choice("style", PAGE_STYLES).map(PatternReader::pageStyle).orElse(PageStyle.KEYSET);
            return new PageSpec(page.wholeNumber("size", 1), page.has("size"), style, node.loc());
        });
    }

    private static PageStyle pageStyle(String spelling) {
        return Arrays.stream(PageStyle.values()).filter(s -> s.spelling().equals(spelling)).findFirst().orElseThrow();
    }

    private PatternDraft.Query yamlQuery(Fields fields, Optional<PageSpec> page) {
        Optional<Ref> entity = fields.require("entity").flatMap(n -> values.text(n, fields.label("entity"))
                .map(t -> new Ref(t, n.loc())));
        List<PatternDraft.FilterDraft> filters = new ArrayList<>();
        for (Node item : fields.items("where")) {
            filter(item, fields).ifPresent(filters::add);
        }
        List<AccessPattern.SortKey> sort = new ArrayList<>();
        for (Node item : fields.items("order_by")) {
            sortKey(item, fields).ifPresent(sort::add);
        }
        List<AccessPattern.Aggregate> aggregates = new ArrayList<>();
        for (Node item : fields.items("aggregates")) {
            aggregate(item, fields).ifPresent(aggregates::add);
        }
        Optional<AccessPattern.Page> fullPage = page.filter(p -> p.size().isPresent())
                .map(p -> new AccessPattern.Page(p.size().getAsInt(), p.style()));
        return new PatternDraft.Query(entity, filters, sort, fullPage, refs(fields, "fetch"), refs(fields, "project"),
                aggregates, refs(fields, "group_by"));
    }

    private List<Ref> refs(Fields fields, String key) {
        List<Ref> refs = new ArrayList<>();
        for (Node item : fields.items(key)) {
            values.text(item, "each item of " + fields.label(key)).ifPresent(t -> refs.add(new Ref(t, item.loc())));
        }
        return refs;
    }

    /** One item of {@code where}: {@code attr: op}, {@code attr: {op: value}} or the full form. */
    private Optional<PatternDraft.FilterDraft> filter(Node item, Fields pattern) {
        String label = "each item of " + pattern.label("where");
        Optional<Node.Mapping> mapping = values.mapping(item, label);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = mapping.get();
        if (m.entries().isEmpty()) {
            values.problems().add(m.loc(), label + " is empty", "write 'attribute: op', e.g. status: eq");
            return Optional.empty();
        }
        boolean fullForm = m.entries().size() > 1 || m.get("attribute").isPresent() || m.get("op").isPresent();
        return fullForm ? fullFilter(m, pattern) : shortFilter(m.entries().get(0), pattern);
    }

    private Optional<PatternDraft.FilterDraft> fullFilter(Node.Mapping mapping, Fields pattern) {
        Fields filter = new Fields(mapping, "a filter of " + pattern.context(), values);
        filter.allowOnly(SpecKeys.FILTER);
        Optional<Ref> attribute = filter.require("attribute").flatMap(n -> values.text(n, filter.label("attribute"))
                .map(t -> new Ref(t, n.loc())));
        Optional<Node> opNode = filter.require("op");
        Optional<Op> op = opNode.flatMap(n -> op(n, pattern.context()));
        Optional<Node> valueNode = filter.get("value");
        List<String> constants = valueNode.map(n -> constants(n, filter.label("value"))).orElse(List.of());
        OptionalDouble selectivity = selectivity(filter);
        if (attribute.isEmpty() || op.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PatternDraft.FilterDraft(attribute.get(), op.get(), opNode.get().loc(), constants,
                valueNode.map(Node::loc).orElse(opNode.get().loc()), selectivity));
    }

    private OptionalDouble selectivity(Fields filter) {
        return filter.fraction("selectivity").filter(s -> {
            if (s == 0) {
                values.problems().add(filter.get("selectivity").orElseThrow().loc(), filter.label("selectivity")
                        + " must be more than zero");
            }
            return s > 0;
        }).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private Optional<PatternDraft.FilterDraft> shortFilter(Node.Entry entry, Fields pattern) {
        Ref attribute = new Ref(entry.key(), entry.keyLoc());
        Node value = entry.value();
        String label = "'" + entry.key() + "' in 'where' of " + pattern.context();
        if (value instanceof Node.Scalar scalar && scalar.isNull()) {
            values.problems().add(entry.keyLoc(), label + " has no operator", "write '" + entry.key() + ": eq'");
            return Optional.empty();
        }
        if (value instanceof Node.Scalar) {
            return op(value, pattern.context()).map(op -> new PatternDraft.FilterDraft(attribute, op, value.loc(),
                    List.of(), value.loc(), OptionalDouble.empty()));
        }
        Optional<Node.Mapping> constant = values.mapping(value, label);
        if (constant.isEmpty()) {
            return Optional.empty();
        }
        if (constant.get().entries().size() != 1) {
            values.problems().add(value.loc(), label + " must be one operator and its value, e.g. {eq: paid}");
            return Optional.empty();
        }
        Node.Entry opEntry = constant.get().entries().get(0);
        Optional<Op> op = op(opEntry.key(), opEntry.keyLoc(), pattern.context());
        List<String> constants = constants(opEntry.value(), label);
        return op.map(o -> new PatternDraft.FilterDraft(attribute, o, opEntry.keyLoc(), constants,
                opEntry.value().loc(), OptionalDouble.empty()));
    }

    private Optional<Op> op(Node node, String context) {
        return values.text(node, "the operator in " + context).flatMap(text -> op(text, node.loc(), context));
    }

    private Optional<Op> op(String text, Loc loc, String context) {
        Optional<Op> op = Op.fromSpelling(text);
        if (op.isEmpty()) {
            values.problems().add(loc, "unknown operator '" + text + "' in " + context,
                    Suggestions.oneOf(text, OPERATORS));
        }
        return op;
    }

    /** A constant: one value, or a list of them (for in and range). */
    private List<String> constants(Node node, String label) {
        if (node instanceof Node.Sequence sequence) {
            List<String> constants = new ArrayList<>();
            for (Node item : sequence.items()) {
                values.text(item, "each value of " + label).ifPresent(constants::add);
            }
            return constants;
        }
        return values.text(node, label).map(List::of).orElse(List.of());
    }

    /** {@code placed_at}, {@code placed_at desc} or {@code placed_at asc}. */
    private Optional<AccessPattern.SortKey> sortKey(Node item, Fields pattern) {
        String label = "each item of " + pattern.label("order_by");
        return values.text(item, label).flatMap(text -> {
            Matcher m = ORDER.matcher(text.strip());
            String direction = m.matches() && m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : "asc";
            if (!m.matches() || !(direction.equals("asc") || direction.equals("desc"))) {
                values.problems().add(item.loc(), "invalid order_by '" + text + "' in " + pattern.context(),
                        "write 'attribute', 'attribute asc' or 'attribute desc'");
                return Optional.empty();
            }
            return Optional.of(new AccessPattern.SortKey(m.group(1), direction.equals("desc")
                    ? AccessPattern.Direction.DESC : AccessPattern.Direction.ASC, item.loc()));
        });
    }

    /** {@code count}, {@code count(*)} or {@code fn(attribute)}. */
    private Optional<AccessPattern.Aggregate> aggregate(Node item, Fields pattern) {
        String label = "each item of " + pattern.label("aggregates");
        return values.text(item, label).flatMap(text -> {
            Matcher m = AGGREGATE.matcher(text.strip());
            if (!AGGREGATE_SHAPE.matcher(text.strip()).matches() || !m.matches()) {
                values.problems().add(item.loc(), "invalid aggregate '" + text + "' in " + pattern.context(),
                        "write count, count(*) or sum, avg, min, max or count of an attribute: sum(total_amount)");
                return Optional.empty();
            }
            String argument = m.group(2) == null || m.group(2).equals("*") ? null : m.group(2);
            return Optional.of(new AccessPattern.Aggregate(
                    AccessPattern.AggregateFunction.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(argument), item.loc()));
        });
    }
}
