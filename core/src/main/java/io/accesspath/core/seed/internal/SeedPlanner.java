package io.accesspath.core.seed.internal;

import io.accesspath.core.design.Design;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.Table;
import io.accesspath.core.seed.SeedColumn;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.seed.ValueKind;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.KeyStrategy;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a seed from a design: which column each generator fills, how rows are laid out along
 * relationships, how unique rules are kept, and in which order tables load. Every impossible
 * request is found here, before anything is generated or written, and reported at once (each
 * problem naming the entity and attribute), as a {@link UserError} with exit code
 * {@link UserError#INVALID_INPUT}.
 */
public final class SeedPlanner {
    /** NULLs in an optional reference. */
    private static final double REFERENCE_NULLS = 0.2;
    /** Levels of a self-referencing tree without a declared max_depth. */
    private static final int DEFAULT_DEPTH = 4;
    /** Children per tree node of a self-reference inside another parent (replies to comments). */
    private static final double THREAD_BRANCHING = 0.5;
    /** Tenants beyond which the per-tenant check of required references is skipped (it walks them all). */
    private static final long MAX_TENANTS_CHECKED = 1_000_000;

    private final Design design;
    private final Spec spec;
    private final SeedOptions options;
    private final List<Problem> problems = new ArrayList<>();
    private final StateSlots slots = new StateSlots();
    private final Pools pools;
    private final ValuePlanner values;
    private final RowCounts counts;
    private final Map<String, TableShape> shapes = new LinkedHashMap<>();
    private final Map<String, TableShape> shapeOfEntity = new HashMap<>();
    private final Map<String, TableModel> models = new LinkedHashMap<>();
    private final Map<String, Layout> layouts = new HashMap<>();
    private final Map<String, Permutation> rankOrders = new HashMap<>();
    private final Map<String, Timeline> timelines = new HashMap<>();
    private final Map<String, ValueSource> sources = new HashMap<>();

    private SeedPlanner(Design design, SeedOptions options) {
        this.design = design;
        this.spec = design.spec();
        this.options = options;
        this.pools = new Pools(options.seed());
        this.values = new ValuePlanner(pools, slots, problems, options.seed(), options.now());
        this.counts = new RowCounts(spec, options, problems);
    }

    /**
     * Plans the seed.
     *
     * @throws UserError listing every impossible request, before anything is generated
     */
    public static SeedModel plan(Design design, SeedOptions options) {
        return new SeedPlanner(design, options).build();
    }

    private SeedModel build() {
        throwIfProblems();
        for (Table t : design.schema().tables()) {
            shape(t);
        }
        for (TableShape s : shapes.values()) {
            model(s);
        }
        for (TableShape s : shapes.values()) {
            layout(s);
        }
        for (TableShape s : shapes.values()) {
            planSources(s);
        }
        for (TableShape s : shapes.values()) {
            grouping(s);
        }
        throwIfProblems();
        for (TableShape s : shapes.values()) {
            generators(s);
        }
        LoadOrder order = new LoadOrder(design.schema(), models.keySet(), problems);
        throwIfProblems();
        List<TableModel> ordered = order.order.stream().map(models::get).toList();
        return new SeedModel(ordered, order.dependsOn, order.deferred);
    }

    private void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new UserError(problems, UserError.INVALID_INPUT);
        }
    }

    // ---- shapes: what each column is ------------------------------------------------------------

    private void shape(Table t) {
        Optional<Entity> entity = spec.entities().stream().filter(e -> e.table().equals(t.name())).findFirst();
        Optional<Relationship> junction = spec.relationships().stream().filter(Relationship::isManyToMany)
                .filter(r -> r.through().orElse(r.child() + "_" + r.parent()).equals(t.name())).findFirst();
        if (entity.isEmpty() && junction.isEmpty()) {
            throw new IllegalStateException("table " + t.name() + " belongs to no entity or relationship of the spec");
        }
        TableShape s = new TableShape(t, entity, junction);
        shapes.put(t.name(), s);
        entity.ifPresent(e -> shapeOfEntity.put(e.name(), s));
    }

    private Optional<Relationship> tenantRelationship(Entity e) {
        Optional<String> tenant = spec.settings().tenant();
        if (tenant.isEmpty() || tenant.get().equals(e.name())) {
            return Optional.empty();
        }
        return spec.referencesFrom(e.name()).stream().filter(r -> r.parent().equals(tenant.get()) && r.required()
                && r.kind() == Relationship.Kind.MANY_TO_ONE).findFirst();
    }

    private boolean isTenant(String entity) {
        return spec.settings().tenant().map(entity::equals).orElse(false);
    }

    private boolean tenantScoped(String entity) {
        return tenantRelationship(spec.requireEntity(entity)).isPresent();
    }

    /** Assigns roles to the columns (after every shape exists, so references find their parents). */
    private void roles(TableShape s) {
        if (!s.roles.isEmpty()) {
            return;
        }
        if (s.entity.isPresent()) {
            Entity e = s.entity.get();
            if (s.hasSurrogateKey()) {
                s.put("id", new TableShape.Key());
            }
            s.tenantRelationship = tenantRelationship(e);
            s.tenantRelationship.ifPresent(r -> {
                s.tenantColumn = Optional.of(r.as() + "_id");
                s.put(r.as() + "_id", new TableShape.Tenant());
            });
            for (Relationship r : spec.referencesFrom(e.name())) {
                if (s.tenantRelationship.map(r::equals).orElse(false)) {
                    continue;
                }
                List<String> cols = TableShape.referenceColumns(r.as(), shapeOfEntity.get(r.parent()));
                s.referenceColumns.put(r.as(), cols);
                for (int i = 0; i < cols.size(); i++) {
                    s.put(cols.get(i), new TableShape.Reference(r, i));
                }
            }
            for (Attribute a : e.attributes()) {
                s.put(a.name(), new TableShape.Value(a));
            }
            return;
        }
        Relationship r = s.junction.get();
        TableShape left = shapeOfEntity.get(r.child());
        TableShape right = shapeOfEntity.get(r.parent());
        roles(left);
        roles(right);
        if (left.tenantColumn.isPresent() && right.tenantColumn.isPresent()) {
            s.tenantColumn = left.tenantColumn;
            s.put(left.tenantColumn.get(), new TableShape.Tenant());
        }
        List<String> leftCols = TableShape.referenceColumns(r.child(), left);
        List<String> rightCols = TableShape.referenceColumns(r.isSelfReference() ? r.as() : r.parent(), right);
        s.referenceColumns.put(r.child(), leftCols);
        s.referenceColumns.put(r.as(), rightCols);
        for (int i = 0; i < leftCols.size(); i++) {
            s.put(leftCols.get(i), new TableShape.LinkEnd(true, i));
        }
        for (int i = 0; i < rightCols.size(); i++) {
            s.put(rightCols.get(i), new TableShape.LinkEnd(false, i));
        }
        for (Attribute a : r.attributes()) {
            s.put(a.name(), new TableShape.Value(a));
        }
    }

    // ---- models: columns, kinds, keys ---------------------------------------------------------

    private void model(TableShape s) {
        roles(s);
        List<SeedColumn> columns = new ArrayList<>();
        for (Column c : s.writtenColumns()) {
            columns.add(seedColumn(s, c));
        }
        long rows = s.entity.map(e -> counts.rows(e.name())).orElseGet(() -> links(s.junction.get()));
        TableModel m = new TableModel(s.table.name(), rows, columns, Hashing.derive(options.seed(), "table:"
                + s.table.name()), slots);
        m.primaryKey = s.table.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        s.entity.ifPresent(e -> {
            m.isTenant = isTenant(e.name());
            m.tenantScoped = s.tenantColumn.isPresent();
            if (e.key() instanceof KeyStrategy.Natural) {
                m.keyKind = TableModel.KeyKind.NATURAL;
                m.keySlots = s.referencedKey().stream().mapToInt(k -> slotOf(m, k)).toArray();
            } else {
                m.keyKind = e.key() instanceof KeyStrategy.Identity ? TableModel.KeyKind.IDENTITY
                        : TableModel.KeyKind.UUID;
                m.keySlots = new int[] {slotOf(m, "id")};
                if (e.key() instanceof KeyStrategy.Identity) {
                    m.identityColumn = Optional.of("id");
                }
            }
        });
        if (s.junction.isPresent()) {
            m.tenantScoped = s.tenantColumn.isPresent();
        }
        models.put(s.table.name(), m);
    }

    /**
     * Links of a many-to-many relationship, at most every possible pair (a scaled-down far end
     * may have fewer rows than the links per row declared).
     */
    private long links(Relationship r) {
        long right = counts.rows(r.parent()) - (r.isSelfReference() ? 1 : 0);
        long possible = Math.multiplyHigh(counts.rows(r.child()), Math.max(0, right)) == 0
                ? counts.rows(r.child()) * Math.max(0, right) : Long.MAX_VALUE;
        return Math.min(counts.links(r), possible);
    }

    private SeedColumn seedColumn(TableShape s, Column c) {
        TableShape.Role role = s.roles.get(c.name());
        if (role instanceof TableShape.Value v) {
            return kindOf(c, v.attribute().type());
        }
        if (role instanceof TableShape.Key) {
            Entity e = s.entity.get();
            return SeedColumn.of(c.name(), c.type(), e.key() instanceof KeyStrategy.Identity ? ValueKind.INT8
                    : ValueKind.UUID);
        }
        TableShape parent;
        String parentColumn;
        if (role instanceof TableShape.Tenant) {
            parent = shapeOfEntity.get(spec.settings().tenant().orElseThrow());
            parentColumn = parent.referencedKey().get(0);
        } else if (role instanceof TableShape.Reference ref) {
            parent = shapeOfEntity.get(ref.relationship().parent());
            parentColumn = parent.referencedKey().get(ref.index());
        } else {
            TableShape.LinkEnd end = (TableShape.LinkEnd) role;
            Relationship r = s.junction.get();
            parent = shapeOfEntity.get(end.left() ? r.child() : r.parent());
            parentColumn = parent.referencedKey().get(end.index());
        }
        Column pc = parent.table.column(parentColumn).orElseThrow();
        SeedColumn referenced = seedColumn(parent, pc);
        return new SeedColumn(c.name(), c.type(), referenced.kind(), referenced.scale(), referenced.element());
    }

    private static SeedColumn kindOf(Column c, LogicalType type) {
        if (type instanceof LogicalType.Array a) {
            SeedColumn element = kindOf(c, a.element());
            return new SeedColumn(c.name(), c.type(), ValueKind.ARRAY, element.scale(), Optional.of(element.kind()));
        }
        if (type instanceof LogicalType.Range r) {
            SeedColumn element = kindOf(c, r.element());
            return new SeedColumn(c.name(), c.type(), ValueKind.RANGE, element.scale(), Optional.of(element.kind()));
        }
        if (type instanceof LogicalType.Decimal d) {
            return new SeedColumn(c.name(), c.type(), ValueKind.NUMERIC, d.scale(), Optional.empty());
        }
        if (type instanceof LogicalType.Money m) {
            return new SeedColumn(c.name(), c.type(), ValueKind.NUMERIC, m.scale(), Optional.empty());
        }
        ValueKind kind;
        if (type instanceof LogicalType.Int) {
            kind = ValueKind.INT4;
        } else if (type instanceof LogicalType.BigInt) {
            kind = ValueKind.INT8;
        } else if (type instanceof LogicalType.Bool) {
            kind = ValueKind.BOOL;
        } else if (type instanceof LogicalType.Date) {
            kind = ValueKind.DATE;
        } else if (type instanceof LogicalType.Timestamp) {
            kind = ValueKind.TIMESTAMPTZ;
        } else if (type instanceof LogicalType.Uuid) {
            kind = ValueKind.UUID;
        } else if (type instanceof LogicalType.Json) {
            kind = ValueKind.JSON;
        } else if (type instanceof LogicalType.GeoPoint) {
            kind = ValueKind.POINT;
        } else {
            kind = ValueKind.TEXT;
        }
        return SeedColumn.of(c.name(), c.type(), kind);
    }

    private static int slotOf(TableModel m, String column) {
        for (int i = 0; i < m.columns.size(); i++) {
            if (m.columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("table " + m.name + " has no written column " + column);
    }

    // ---- layouts: grouping and unique rules -----------------------------------------------------

    private void layout(TableShape s) {
        if (s.junction.isPresent()) {
            Layout l = new Layout(Optional.of(s.junction.get()));
            layouts.put(s.table.name(), l);
            return;
        }
        Entity e = s.entity.get();
        Layout l = new Layout(chooseGrouping(e));
        layouts.put(s.table.name(), l);
        for (UniqueRule rule : uniqueRules(e)) {
            keep(e, s, l, rule);
        }
    }

    /** A rule that values must be unique together; {@code names} are attributes and references. */
    private record UniqueRule(List<String> names, Loc loc) {}

    private List<UniqueRule> uniqueRules(Entity e) {
        List<UniqueRule> rules = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            if (a.unique()) {
                rules.add(new UniqueRule(List.of(a.name()), a.loc()));
            }
        }
        for (Entity.UniqueRule u : e.uniques()) {
            rules.add(new UniqueRule(u.attributes(), u.loc()));
        }
        if (e.key() instanceof KeyStrategy.Natural n) {
            rules.add(new UniqueRule(n.attributes(), e.loc()));
        }
        for (Relationship r : spec.referencesFrom(e.name())) {
            if (r.kind() == Relationship.Kind.ONE_TO_ONE) {
                rules.add(new UniqueRule(List.of(r.as()), r.loc()));
            }
        }
        return rules;
    }

    private Optional<Relationship> chooseGrouping(Entity e) {
        boolean scoped = tenantScoped(e.name());
        List<Relationship> candidates = spec.referencesFrom(e.name()).stream()
                .filter(r -> !r.isSelfReference())
                .filter(r -> !scoped || isTenant(r.parent()) || tenantScoped(r.parent()))
                .toList();
        List<Relationship> forced = candidates.stream().filter(this::hasSumOver).toList();
        if (forced.size() > 1) {
            problems.add(Problem.of(e.loc(), "entity '" + e.name() + "': sum_of is declared over both "
                    + forced.get(0).name() + " and " + forced.get(1).name() + "; the seed computes sums along one"
                    + " relationship per entity", "keep sum_of over one of them"));
        }
        Relationship best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Relationship r : candidates) {
            int score = (forced.contains(r) ? 1000 : 0) + (r.kind() == Relationship.Kind.ONE_TO_ONE ? 200 : 0)
                    + (scoped && !isTenant(r.parent()) ? 100 : 0) + (r.owned() ? 40 : 0)
                    + (inCompositeUnique(e, r.as()) ? 20 : 0)
                    + (r.fanout().avg().isPresent() || r.fanout().max().isPresent() ? 10 : 0) + (r.required() ? 5 : 0);
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether the parent of {@code r} declares a sum over it ({@code sum_of: <inverse>.<attribute>}). */
    private boolean hasSumOver(Relationship r) {
        return r.inverse().isPresent() && spec.requireEntity(r.parent()).attributes().stream()
                .anyMatch(a -> a.generate().sumOf().map(x -> x.startsWith(r.inverse().get() + ".")).orElse(false));
    }

    private static boolean inCompositeUnique(Entity e, String name) {
        boolean inRule = e.uniques().stream().anyMatch(u -> u.attributes().size() > 1 && u.attributes().contains(name));
        boolean inKey = e.key() instanceof KeyStrategy.Natural n && n.attributes().size() > 1
                && n.attributes().contains(name);
        return inRule || inKey;
    }

    private void keep(Entity e, TableShape s, Layout l, UniqueRule rule) {
        Optional<String> group = l.grouping.map(Relationship::as);
        boolean groupedByTenant = l.grouping.map(r -> isTenant(r.parent())).orElse(false) && s.tenantColumn.isPresent();
        boolean containsGroup = group.map(rule.names()::contains).orElse(false) || groupedByTenant;
        List<String> others = rule.names().stream().filter(n -> !group.map(n::equals).orElse(false)).toList();
        List<Attribute> attrs = others.stream().map(n -> e.attribute(n)).flatMap(Optional::stream).toList();
        List<String> refs = others.stream().filter(n -> e.attribute(n).isEmpty()).toList();
        if (others.isEmpty()) {
            l.oneToOne = true;
            return;
        }
        if (containsGroup) {
            Optional<Attribute> best = attrs.stream().filter(a -> groupable(a.type())).findFirst()
                    .or(() -> attrs.stream().findFirst());
            if (best.isPresent()) {
                l.unique(best.get().name(), AttributeGen.Unique.GROUP);
                return;
            }
            Optional<Relationship> ref = spec.referencesFrom(e.name()).stream().filter(r -> r.as().equals(refs.get(0)))
                    .findFirst();
            if (ref.isPresent() && s.tenantColumn.isPresent() && tenantScoped(ref.get().parent())) {
                problems.add(Problem.of(rule.loc(), "entity '" + e.name() + "': unique (" + String.join(", ",
                        rule.names()) + ") pairs two references within a tenant; the seed cannot keep it",
                        "add an attribute to the rule, or model the pair as a many-to-many relationship"));
                return;
            }
            l.distinctReferences.add(refs.get(0));
            return;
        }
        if (!attrs.isEmpty()) {
            l.unique(attrs.get(0).name(), AttributeGen.Unique.TABLE);
            return;
        }
        problems.add(Problem.of(rule.loc(), "entity '" + e.name() + "': unique (" + String.join(", ", rule.names())
                + ") is made of references the rows are not laid out by; the seed cannot keep it",
                "add an attribute to the rule, or make one of the references the owner (owned: true)"));
    }

    /** Types whose values within a group read best as unique: sequence numbers, increasing instants. */
    private static boolean groupable(LogicalType t) {
        return t instanceof LogicalType.Int || t instanceof LogicalType.BigInt || t instanceof LogicalType.Decimal
                || t instanceof LogicalType.Timestamp || t instanceof LogicalType.Date || t instanceof LogicalType.Enum
                || t instanceof LogicalType.Bool;
    }

    // ---- value sources ------------------------------------------------------------------------

    private void planSources(TableShape s) {
        TableModel m = models.get(s.table.name());
        Layout l = layouts.get(s.table.name());
        String owner = s.entity.map(Entity::name).orElse(s.table.name());
        Optional<String> timeAttribute = s.entity.flatMap(this::timeAttribute);
        for (Map.Entry<String, TableShape.Role> e : s.roles.entrySet()) {
            if (!(e.getValue() instanceof TableShape.Value v)) {
                continue;
            }
            Attribute a = v.attribute();
            if (a.generate().sumOf().isPresent()) {
                continue;
            }
            int slot = slotOf(m, a.name());
            AttributeGen.Unique unique = l.uniqueOf(a.name());
            long uniqueRows = unique == AttributeGen.Unique.TABLE ? m.rows : 0;
            Optional<String> after = a.generate().after().or(() -> implicitAfter(a, timeAttribute, s));
            int afterSlot = after.map(x -> slotOf(m, x)).orElse(-1);
            boolean afterIsDate = afterSlot >= 0 && m.columns.get(afterSlot).kind() == ValueKind.DATE;
            boolean monotone = timeAttribute.map(a.name()::equals).orElse(false) && l.grouping.isEmpty();
            ValuePlanner.Time time = new ValuePlanner.Time(timeline(s), monotone, Math.max(1, m.rows), afterSlot,
                    afterIsDate);
            values.source(owner, a, m.columns.get(slot), time, uniqueRows).ifPresent(src -> {
                sources.put(m.name + "." + a.name(), src);
                if (unique == AttributeGen.Unique.TABLE && src.uniqueDomain() < m.rows) {
                    problems.add(Problem.of(a.loc(), "entity '" + owner + "', attribute '" + a.name() + "': unique "
                            + describe(a.type()) + " has at most " + count(src.uniqueDomain()) + " distinct values but "
                            + count(m.rows) + " rows are requested", "seed at most " + src.uniqueDomain() + " rows (--rows "
                            + owner + "=" + src.uniqueDomain() + "), widen the type, or drop unique"));
                }
                if (a.generate().distinct().isPresent() && unique != AttributeGen.Unique.NONE
                        && a.generate().distinct().getAsLong() < m.rows) {
                    problems.add(Problem.of(a.loc(), "entity '" + owner + "', attribute '" + a.name() + "' is unique but"
                            + " generate.distinct limits it to " + a.generate().distinct().getAsLong() + " values for "
                            + count(m.rows) + " rows", "drop generate.distinct or unique"));
                }
            });
        }
    }

    /**
     * The attribute that dates a row: the declared time attribute, else the first required
     * timestamp defaulting to now, else one named like a creation time.
     */
    private Optional<String> timeAttribute(Entity e) {
        if (e.volume().timeAttribute().isPresent()) {
            return e.volume().timeAttribute();
        }
        Optional<String> byDefault = e.attributes().stream().filter(a -> a.type() instanceof LogicalType.Timestamp
                && a.required() && a.defaultValue().map(Attribute.DEFAULT_NOW::equals).orElse(false))
                .map(Attribute::name).findFirst();
        return byDefault.or(() -> e.attributes().stream().filter(a -> a.type() instanceof LogicalType.Timestamp
                && Hints.has(a.name(), "created", "inserted", "registered", "recorded")).map(Attribute::name).findFirst());
    }

    /** Another timestamp of a dated entity comes after the time attribute (deleted_at after created_at). */
    private Optional<String> implicitAfter(Attribute a, Optional<String> timeAttribute, TableShape s) {
        if (!(a.type() instanceof LogicalType.Timestamp) || timeAttribute.isEmpty()
                || timeAttribute.get().equals(a.name())) {
            return Optional.empty();
        }
        boolean timestamp = s.entity.flatMap(e -> e.attribute(timeAttribute.get()))
                .map(t -> t.type() instanceof LogicalType.Timestamp).orElse(false);
        boolean circular = s.entity.flatMap(e -> e.attribute(timeAttribute.get()))
                .flatMap(t -> t.generate().after()).map(a.name()::equals).orElse(false);
        return timestamp && !circular ? timeAttribute : Optional.empty();
    }

    private Timeline timeline(TableShape s) {
        int days = 730;
        double ramp = 1.0;
        if (s.entity.isPresent()) {
            Entity e = s.entity.get();
            double growth = e.volume().growthPerDay();
            if (e.volume().retentionDays().isPresent()) {
                days = (int) Math.min(3650, Math.max(1, e.volume().retentionDays().getAsLong()));
                ramp = Double.POSITIVE_INFINITY;
            } else if (growth > 0) {
                ramp = 0.25;
                double derived = counts.declaredRows(e.name()) * (ramp + 1) / ((ramp + 0.5) * growth);
                days = (int) Math.min(3650, Math.max(7, Math.round(derived)));
            }
        }
        String key = days + "/" + ramp;
        int d = days;
        double r = ramp;
        return timelines.computeIfAbsent(key, k -> new Timeline(options.now(), d, r));
    }

    // ---- groupings: fan-out -------------------------------------------------------------------

    private void grouping(TableShape s) {
        TableModel m = models.get(s.table.name());
        Layout l = layouts.get(s.table.name());
        if (l.grouping.isEmpty() || m.rows == 0) {
            return;
        }
        Relationship r = l.grouping.get();
        String parentEntity = s.junction.isPresent() ? r.child() : r.parent();
        TableModel parent = models.get(shapeOfEntity.get(parentEntity).table.name());
        String owner = s.entity.map(Entity::name).orElse(s.table.name());
        if (parent.rows == 0) {
            if (s.junction.isPresent() || r.required()) {
                problems.add(Problem.of(r.loc(), "entity '" + owner + "': " + count(m.rows) + " rows need a "
                        + parentEntity + " each (" + r.name() + " is required), but " + parentEntity + " has 0 rows",
                        "seed some " + parentEntity + " rows or fewer " + owner + " rows"));
            }
            return;
        }
        long max = Long.MAX_VALUE;
        long min = 0;
        double exponent = 0;
        if (s.junction.isPresent()) {
            TableModel right = models.get(shapeOfEntity.get(r.parent()).table.name());
            if (!m.tenantScoped) {
                max = right.rows - (r.isSelfReference() ? 1 : 0);
            }
            if (max <= 0) {
                return;
            }
        } else {
            exponent = exponentOf(r.fanout().skew());
            if (r.fanout().max().isPresent()) {
                max = r.fanout().max().getAsLong();
            }
            if (r.kind() == Relationship.Kind.ONE_TO_ONE || l.oneToOne) {
                max = 1;
            }
            max = Math.min(max, groupDomain(s, m, l));
            boolean fill = r.owned() || (m.tenantScoped && isTenant(r.parent()));
            min = fill && m.rows >= parent.rows && max >= 1 ? 1 : 0;
        }
        // parent.rows * max may overflow a long (a unique rule's domain can be astronomically large)
        if (max < Long.MAX_VALUE && (double) m.rows > (double) parent.rows * max) {
            problems.add(Problem.of(r.loc(), "entity '" + owner + "': " + count(m.rows) + " rows over " + count(parent.rows)
                    + " " + parentEntity + " rows is more than the most allowed per " + parentEntity + " (" + max + ")",
                    "seed at most " + Math.multiplyExact(parent.rows, max) + " rows of " + owner + " or more "
                            + parentEntity + " rows"));
            return;
        }
        Fanout fanout = new Fanout(parent.rows, m.rows, min, max, exponent, rankOrder(parent),
                Hashing.derive(options.seed(), "fanout:" + s.table.name()));
        m.grouping = Optional.of(new Grouping(r.name(), parent, fanout, slots.next()));
    }

    /** The fewest distinct values available to a unique rule kept within each group. */
    private long groupDomain(TableShape s, TableModel m, Layout l) {
        long domain = Long.MAX_VALUE;
        for (Map.Entry<String, AttributeGen.Unique> u : l.uniqueAttributes.entrySet()) {
            ValueSource src = sources.get(m.name + "." + u.getKey());
            if (u.getValue() == AttributeGen.Unique.GROUP && src != null) {
                domain = Math.min(domain, src.uniqueDomain());
            }
        }
        for (String ref : l.distinctReferences) {
            Relationship r = spec.referencesFrom(s.entity.get().name()).stream().filter(x -> x.as().equals(ref))
                    .findFirst().orElseThrow();
            domain = Math.min(domain, models.get(shapeOfEntity.get(r.parent()).table.name()).rows);
        }
        return domain;
    }

    /** Zipf's exponent for a declared skew; Pareto(alpha) ranks like Zipf(1 / alpha); 0 for uniform. */
    static double exponentOf(Relationship.Skew skew) {
        return switch (skew.kind()) {
            case "zipf" -> skew.parameter();
            case "pareto" -> 1 / skew.parameter();
            default -> 0;
        };
    }

    private Permutation rankOrder(TableModel parent) {
        return rankOrders.computeIfAbsent(parent.name, n -> new Permutation(Math.max(1, parent.rows),
                Hashing.derive(options.seed(), "ranks:" + n)));
    }

    // ---- generators ---------------------------------------------------------------------------

    private void generators(TableShape s) {
        TableModel m = models.get(s.table.name());
        Layout l = layouts.get(s.table.name());
        List<ColumnGen> gens = new ArrayList<>();
        if (m.keyKind == TableModel.KeyKind.IDENTITY || m.keyKind == TableModel.KeyKind.UUID) {
            gens.add(new KeyGen(m, m.keySlots[0]));
        }
        s.tenantColumn.ifPresent(c -> gens.add(new TenantGen(tenantModel(), slotOf(m, c))));
        if (s.junction.isPresent()) {
            junctionEnds(s, m, gens);
        } else {
            for (Relationship r : spec.referencesFrom(s.entity.get().name())) {
                if (!s.tenantRelationship.map(r::equals).orElse(false)) {
                    gens.add(reference(s, m, l, r));
                }
            }
        }
        gens.addAll(attributes(s, m, l));
        m.setGenerators(gens);
    }

    private TableModel tenantModel() {
        return models.get(shapeOfEntity.get(spec.settings().tenant().orElseThrow()).table.name());
    }

    private void junctionEnds(TableShape s, TableModel m, List<ColumnGen> gens) {
        Relationship r = s.junction.get();
        TableModel left = models.get(shapeOfEntity.get(r.child()).table.name());
        TableModel right = models.get(shapeOfEntity.get(r.parent()).table.name());
        int[] leftSlots = slots(m, s.referenceColumns.get(r.child()));
        int[] rightSlots = slots(m, s.referenceColumns.get(r.as()));
        if (m.grouping.isEmpty()) {
            return;
        }
        gens.add(new GroupParentRef(left, leftSlots));
        ParentDraw draw = new ParentDraw(right, exponentOf(r.fanout().skew()), m.tenantScoped,
                Hashing.derive(options.seed(), "local:" + m.name), rankOrder(right), slots);
        gens.add(new DistinctRef(draw, rightSlots, Hashing.derive(m.seed, "link"), r.isSelfReference(), slots));
    }

    private ColumnGen reference(TableShape s, TableModel m, Layout l, Relationship r) {
        int[] refSlots = slots(m, s.referenceColumns.get(r.as()));
        TableModel parent = models.get(shapeOfEntity.get(r.parent()).table.name());
        long salt = Hashing.derive(m.seed, "ref:" + r.as());
        if (l.grouping.map(r::equals).orElse(false) && m.grouping.isPresent()) {
            return new GroupParentRef(parent, refSlots);
        }
        if (r.isSelfReference()) {
            int depth = r.maxDepth().orElse(DEFAULT_DEPTH);
            double branching = r.fanout().avg().orElseGet(() -> spec.referencesFrom(s.entity.get().name()).stream()
                    .anyMatch(x -> !x.isSelfReference() && x.required()) ? THREAD_BRANCHING
                    : Math.max(2, Math.pow(Math.max(1, m.rows), 1.0 / depth)));
            return new TreeRef(m, refSlots, depth, branching, exponentOf(r.fanout().skew()), salt, r.required(), slots);
        }
        if (parent.rows == 0 || m.rows == 0) {
            if (r.required() && m.rows > 0) {
                problems.add(Problem.of(r.loc(), "entity '" + s.entity.get().name() + "': " + count(m.rows)
                        + " rows need a " + r.parent() + " each (" + r.name() + " is required), but " + r.parent()
                        + " has 0 rows", "seed some " + r.parent() + " rows or fewer " + s.entity.get().name() + " rows"));
            }
            return new NullRef(refSlots);
        }
        boolean local = m.tenantScoped && parent.tenantScoped;
        ParentDraw draw = new ParentDraw(parent, exponentOf(r.fanout().skew()), local,
                Hashing.derive(options.seed(), "local:" + m.name + "." + r.as()), rankOrder(parent), slots);
        if (l.distinctReferences.contains(r.as())) {
            return new DistinctRef(draw, refSlots, salt, false, slots);
        }
        if (r.kind() == Relationship.Kind.ONE_TO_ONE) {
            if (m.rows > parent.rows) {
                problems.add(Problem.of(r.loc(), "entity '" + s.entity.get().name() + "': " + count(m.rows)
                        + " rows cannot each have their own " + r.parent() + " (" + r.name() + " is one-to-one) among "
                        + count(parent.rows), "seed at most " + parent.rows + " rows of " + s.entity.get().name()));
            }
            return new OneToOneRef(parent, new Permutation(parent.rows, salt), refSlots);
        }
        if (local && r.required()) {
            requireTenantParents(s, m, parent, r);
        }
        return new DrawnRef(draw, refSlots, salt, r.required() ? 0 : REFERENCE_NULLS);
    }

    /**
     * A required reference between tenant-scoped tables draws from the row's own tenant: every
     * tenant that has rows here needs a parent row.
     */
    private void requireTenantParents(TableShape s, TableModel m, TableModel parent, Relationship r) {
        boolean parentFillsTenants = parent.grouping.map(g -> g.parent().isTenant && g.fanout().min() >= 1)
                .orElse(false);
        TableModel tenant = tenantModel();
        if (parentFillsTenants || tenant.rows > MAX_TENANTS_CHECKED || m.grouping.isEmpty() || parent.grouping.isEmpty()) {
            return;
        }
        RowContext ctx = m.newContext();
        long missing = 0;
        for (long t = 0; t < tenant.rows; t++) {
            long[] mine = m.tenantRange(ctx, t);
            long here = mine[2] - mine[1];
            long[] theirs = parent.tenantRange(ctx, t);
            if (here > 0 && theirs[2] - theirs[1] == 0) {
                missing++;
            }
        }
        if (missing > 0) {
            problems.add(Problem.of(r.loc(), "entity '" + s.entity.get().name() + "': required reference '" + r.as()
                    + "' needs a " + r.parent() + " of the same " + tenant.name + ", but " + missing + " " + tenant.name
                    + " rows have " + s.entity.get().name() + " rows and no " + r.parent(),
                    "seed more " + r.parent() + " rows (at least one per " + tenant.name + ")"));
        }
    }

    private List<ColumnGen> attributes(TableShape s, TableModel m, Layout l) {
        Map<String, ColumnGen> byName = new LinkedHashMap<>();
        String owner = s.entity.map(Entity::name).orElse(s.table.name());
        boolean softDeleteAware = s.entity.flatMap(Entity::softDelete).isPresent();
        for (TableShape.Role role : s.roles.values()) {
            if (!(role instanceof TableShape.Value v)) {
                continue;
            }
            Attribute a = v.attribute();
            int slot = slotOf(m, a.name());
            if (a.generate().sumOf().isPresent()) {
                sum(s, m, a, slot).ifPresent(g -> byName.put(a.name(), g));
                continue;
            }
            ValueSource src = sources.get(m.name + "." + a.name());
            if (src == null) {
                continue;
            }
            Optional<ColumnGen> product = lineAmount(s, m, a, slot, src);
            if (product.isPresent() && l.uniqueOf(a.name()) == AttributeGen.Unique.NONE) {
                byName.put(a.name(), product.get());
                continue;
            }
            boolean softDelete = softDeleteAware && s.entity.get().softDelete().get().equals(a.name());
            AttributeGen.Unique unique = l.uniqueOf(a.name());
            Permutation order = unique == AttributeGen.Unique.TABLE && m.rows > 0
                    ? new Permutation(m.rows, Hashing.derive(m.seed, "unique:" + a.name())) : null;
            long distinct = a.generate().distinct().orElse(0);
            byName.put(a.name(), new AttributeGen(slot, Hashing.derive(m.seed, "attr:" + a.name()),
                    values.nullRatio(a, softDelete), distinct, unique, order, src));
        }
        return afterFirst(owner, byName);
    }

    /**
     * An amount without knobs next to a quantity and a unit price (by name) is their product.
     */
    private Optional<ColumnGen> lineAmount(TableShape s, TableModel m, Attribute a, int slot, ValueSource source) {
        if (!(source instanceof NumberSource src) || s.entity.isEmpty() || !isDefault(a) || !Hints.has(a.name(), "amount", "subtotal")
                && !a.name().equals("line_total")) {
            return Optional.empty();
        }
        Entity e = s.entity.get();
        Optional<Attribute> quantity = e.attributes().stream().filter(x -> Hints.has(x.name(), "quantity", "qty")
                && numeric(x.type())).findFirst();
        Optional<Attribute> price = e.attributes().stream().filter(x -> x != a && numeric(x.type())
                && (x.name().equals("unit_price") || x.name().equals("price") || x.name().equals("unit_cost")))
                .findFirst();
        if (quantity.isEmpty() || price.isEmpty()) {
            return Optional.empty();
        }
        int q = slotOf(m, quantity.get().name());
        int p = slotOf(m, price.get().name());
        return Optional.of(new ProductGen(slot, m.columns.get(slot).scale(), q, m.columns.get(q).scale(), p,
                m.columns.get(p).scale(), src.lowest(), src.highest()));
    }

    private static boolean isDefault(Attribute a) {
        return a.generate().distribution().isEmpty() && a.generate().mean().isEmpty() && a.generate().min().isEmpty()
                && a.generate().max().isEmpty() && a.generate().faker().isEmpty() && a.generate().distinct().isEmpty();
    }

    private static boolean numeric(LogicalType t) {
        return t instanceof LogicalType.Int || t instanceof LogicalType.BigInt || t instanceof LogicalType.Decimal
                || t instanceof LogicalType.Money;
    }

    /** Orders generators so that a value comes after the ones it reads. */
    private List<ColumnGen> afterFirst(String owner, Map<String, ColumnGen> byName) {
        List<ColumnGen> out = new ArrayList<>();
        List<ColumnGen> pending = new ArrayList<>(byName.values());
        Set<Integer> written = new HashSet<>();
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (Iterator<ColumnGen> it = pending.iterator(); it.hasNext(); ) {
                ColumnGen g = it.next();
                boolean ready = Arrays.stream(g.reads()).allMatch(r -> written.contains(r)
                        || pending.stream().noneMatch(p -> p != g && Arrays.stream(p.slots()).anyMatch(x -> x == r)));
                if (ready) {
                    out.add(g);
                    for (int x : g.slots()) {
                        written.add(x);
                    }
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                problems.add(Problem.of(Loc.NONE, "entity '" + owner + "': its 'after' knobs form a cycle",
                        "remove one of them"));
                return out;
            }
        }
        return out;
    }

    private Optional<ColumnGen> sum(TableShape s, TableModel m, Attribute a, int slot) {
        String[] parts = a.generate().sumOf().get().split("\\.", 2);
        Optional<Relationship> r = spec.referencesTo(s.entity.get().name()).stream()
                .filter(x -> x.inverse().map(parts[0]::equals).orElse(false)).findFirst();
        if (r.isEmpty()) {
            problems.add(Problem.of(a.loc(), "entity '" + s.entity.get().name() + "', attribute '" + a.name()
                    + "': sum_of '" + a.generate().sumOf().get() + "' must name the inverse of a many-to-one"
                    + " relationship and an attribute of its rows", "for example sum_of: lines.amount"));
            return Optional.empty();
        }
        TableModel child = models.get(shapeOfEntity.get(r.get().child()).table.name());
        boolean laidOut = child.grouping.map(g -> g.name().equals(r.get().name())).orElse(false);
        if (!laidOut) {
            if (child.rows > 0) {
                problems.add(Problem.of(a.loc(), "entity '" + s.entity.get().name() + "', attribute '" + a.name()
                        + "': sum_of over " + r.get().name() + " needs " + r.get().child() + " rows laid out by "
                        + r.get().parent(), "declare only one sum_of over " + r.get().child()));
                return Optional.empty();
            }
            return Optional.of(new AttributeGen(slot, 0, 0, 0, AttributeGen.Unique.NONE, null,
                    new NumberSource(Distribution.of(Distribution.UNIFORM, 0, 0, 0, 0), m.columns.get(slot).scale(),
                            0, 0)));
        }
        int childSlot = slotOf(child, parts[1]);
        return Optional.of(new SumGen(slot, m.columns.get(slot).scale(), child, childSlot, slots));
    }

    private static int[] slots(TableModel m, List<String> columns) {
        return columns.stream().mapToInt(c -> slotOf(m, c)).toArray();
    }

    private static String describe(LogicalType type) {
        int max = Hints.maxLength(type);
        if (type instanceof LogicalType.Enum e) {
            return "enum of " + e.values().size() + " values";
        }
        return type.specName() + (max < Integer.MAX_VALUE ? " (max_length " + max + ")" : "");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
