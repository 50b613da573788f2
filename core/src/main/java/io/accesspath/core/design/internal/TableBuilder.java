package io.accesspath.core.design.internal;

import io.accesspath.core.design.Decision;
import io.accesspath.core.design.VersionNote;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.dialect.Feature;
import io.accesspath.core.dialect.TypeChoice;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.CheckConstraint;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.EnumType;
import io.accesspath.core.schema.ExclusionConstraint;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.PrimaryKey;
import io.accesspath.core.schema.UniqueConstraint;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.KeyStrategy;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Spec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns entities and relationships into tables: key columns, reference columns, attribute
 * columns with their types, NOT NULL, UNIQUE, CHECK and foreign keys with explicit actions.
 * Records a decision for each choice.
 */
public final class TableBuilder {
    /** Rule ids, referenced from decisions and documented in design.md. */
    public static final String RULE_KEY_IDENTITY = "key.identity";
    public static final String RULE_KEY_UUID = "key.uuid";
    public static final String RULE_KEY_NATURAL = "key.natural";
    public static final String RULE_KEY_TENANT = "key.tenant-scoped";
    public static final String RULE_FK_OWNED = "fk.owned-cascade";
    public static final String RULE_FK_OPTIONAL = "fk.optional-set-null";
    public static final String RULE_FK_REQUIRED = "fk.required-restrict";
    public static final String RULE_FK_EXPLICIT = "fk.explicit-action";
    public static final String RULE_FK_JUNCTION = "fk.junction-cascade";
    public static final String RULE_FK_TENANT = "fk.tenant-composite";
    public static final String RULE_FTS_DOCUMENT = "fts.generated-document";

    private final Spec spec;
    private final DesignDialect dialect;
    private final int version;
    private final Volumes volumes;
    private final Names names;
    private final List<Decision> decisions;
    private final List<VersionNote> notes;
    private final Map<String, TableInfo> byEntity = new LinkedHashMap<>();
    private final Map<String, TableInfo> junctions = new LinkedHashMap<>();
    private final Map<String, TableInfo> lookups = new LinkedHashMap<>();
    private final Map<String, EnumType> enumTypes = new LinkedHashMap<>();
    private final Set<String> extensions = new LinkedHashSet<>();
    private final String enumStyle;

    public TableBuilder(Spec spec, DesignDialect dialect, int version, Volumes volumes, Names names,
                        List<Decision> decisions, List<VersionNote> notes) {
        this.spec = spec;
        this.dialect = dialect;
        this.version = version;
        this.volumes = volumes;
        this.names = names;
        this.decisions = decisions;
        this.notes = notes;
        this.enumStyle = spec.settings().enumStyle().orElse("check");
    }

    /** Builds every table; the result maps entity names (and junction names) to tables. */
    public Map<String, TableInfo> build() {
        for (Entity e : spec.entities()) {
            names.reserve(e.table());
        }
        for (Entity e : spec.entities()) {
            TableInfo t = new TableInfo(e.table(), Optional.of(e), Optional.empty());
            t.rows = volumes.rows(e.name());
            byEntity.put(e.name(), t);
        }
        for (Entity e : spec.entities()) {
            tenantRelationship(e).ifPresent(r -> byEntity.get(e.name()).tenantColumn = Optional.of(r.as() + "_id"));
        }
        for (Entity e : spec.entities()) {
            keyColumns(e, byEntity.get(e.name()));
        }
        // attributes first: a natural key is made of them, and references need their parents' keys
        for (Entity e : spec.entities()) {
            TableInfo t = byEntity.get(e.name());
            attributeColumns(e, t);
            searchDocument(e, t);
        }
        Set<String> done = new java.util.HashSet<>();
        for (Entity e : spec.entities()) {
            referencesAndKey(e, done, new java.util.HashSet<>());
        }
        for (Entity e : spec.entities()) {
            TableInfo t = byEntity.get(e.name());
            compositeUniques(e, t);
            exclusions(e, t);
            orderColumns(t);
            tableDecision(e, t);
        }
        for (Entity e : spec.entities()) {
            foreignKeys(e, byEntity.get(e.name()));
        }
        for (Relationship r : spec.relationships()) {
            if (r.isManyToMany()) {
                junction(r);
            }
        }
        Map<String, TableInfo> all = new LinkedHashMap<>(lookups);
        all.putAll(byEntity);
        all.putAll(junctions);
        return all;
    }

    public List<EnumType> enumTypes() {
        return List.copyOf(enumTypes.values());
    }

    public List<String> extensions() {
        return List.copyOf(extensions);
    }

    /**
     * Adds the entity's reference columns and fixes its primary key, after its parents' keys are
     * fixed (a natural key may include a reference, whose columns are the parent's key).
     */
    private void referencesAndKey(Entity e, Set<String> done, Set<String> visiting) {
        if (done.contains(e.name()) || !visiting.add(e.name())) {
            return;
        }
        for (Relationship r : spec.referencesFrom(e.name())) {
            if (!r.parent().equals(e.name())) {
                referencesAndKey(spec.requireEntity(r.parent()), done, visiting);
            }
        }
        TableInfo t = byEntity.get(e.name());
        referenceColumns(e, t);
        primaryKey(e, t);
        done.add(e.name());
    }

    /** Columns in reading order: the surrogate key, then references, then attributes, then generated columns. */
    private static void orderColumns(TableInfo t) {
        Set<String> refs = new java.util.LinkedHashSet<>();
        for (String ref : t.references.keySet()) {
            refs.addAll(t.columnsOf.get(ref));
        }
        List<Column> ordered = new ArrayList<>();
        t.columns.stream().filter(c -> c.name().equals("id") && !refs.contains("id") && t.logicalTypes.get("id") == null)
                .forEach(ordered::add);
        for (String ref : refs) {
            t.column(ref).ifPresent(ordered::add);
        }
        t.columns.stream().filter(c -> !ordered.contains(c) && c.generated().isEmpty()).forEach(ordered::add);
        t.columns.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        t.columns.clear();
        t.columns.addAll(ordered);
    }

    private Optional<Relationship> tenantRelationship(Entity e) {
        Optional<String> tenant = spec.settings().tenant();
        if (tenant.isEmpty() || tenant.get().equals(e.name())) {
            return Optional.empty();
        }
        return spec.referencesFrom(e.name()).stream()
                .filter(r -> r.parent().equals(tenant.get()) && r.required() && r.kind() == Relationship.Kind.MANY_TO_ONE)
                .findFirst();
    }

    // ---- keys -------------------------------------------------------------------------------

    private void keyColumns(Entity e, TableInfo t) {
        KeyStrategy key = e.key();
        List<String> keys = new ArrayList<>();
        t.tenantColumn.ifPresent(keys::add);
        DecisionBuilder d = DecisionBuilder.of(Decision.Kind.KEY, t.name);
        if (key instanceof KeyStrategy.Natural natural) {
            // columns are added with the attributes; the primary key is set in primaryKey()
            d.choice("natural key (" + String.join(", ", natural.attributes()) + ")").rule(RULE_KEY_NATURAL)
                    .reason("The spec names a natural key: its values identify a row on their own and other tables"
                            + " reference them directly; updates of the key cascade to referencing rows.")
                    .alternative("a surrogate bigint identity plus UNIQUE on the natural key",
                            "one more column and index, but key changes touch one row; choose it with key: identity"
                                    + " if the natural key can change often");
        } else {
            DesignDialect.KeyColumn kc = key instanceof KeyStrategy.Identity ? dialect.identityKey()
                    : dialect.uuidKey(key instanceof KeyStrategy.UuidV7, version);
            Column c = new Column("id", kc.sqlType(), false,
                    kc.defaultExpression().isEmpty() ? Optional.empty() : Optional.of(kc.defaultExpression()),
                    kc.identity() ? Optional.of(Column.Identity.ALWAYS) : Optional.empty(), Optional.empty(),
                    Optional.empty());
            t.columns.add(c);
            t.widths.put("id", dialect.widthOf(kc.sqlType()));
            t.columnsOf.put("id", List.of("id"));
            keys.add("id");
            d.choice("id " + kc.sqlType() + (kc.identity() ? " GENERATED ALWAYS AS IDENTITY" : "")
                            + (kc.defaultExpression().isEmpty() ? "" : " DEFAULT " + kc.defaultExpression()))
                    .rule(key instanceof KeyStrategy.Identity ? RULE_KEY_IDENTITY : RULE_KEY_UUID)
                    .reason(kc.reason()).alternatives(kc.alternatives());
            if (key instanceof KeyStrategy.UuidV7 && !dialect.supports(Feature.UUIDV7, version)) {
                notes.add(new VersionNote("uuidv7()", dialect.since(Feature.UUIDV7), false,
                        "table " + t.name + ": the key has no database default; the application generates"
                                + " version-7 UUIDs. With PostgreSQL " + dialect.since(Feature.UUIDV7)
                                + " the default would be uuidv7()."));
            }
        }
        if (t.isTenantScoped()) {
            d.rule(RULE_KEY_TENANT);
            d.reason(d.build().reason() + " Tenant-scoped: the primary key starts with " + t.tenantColumn.get()
                    + ", so every lookup is tenant-first, references between tenant tables can include the tenant"
                    + " (no row can point at another tenant's row) and a tenant's rows cluster in the key index.");
        }
        t.keyColumns = keys;
        decisions.add(d.build());
    }

    private void primaryKey(Entity e, TableInfo t) {
        List<String> cols = new ArrayList<>();
        t.tenantColumn.ifPresent(cols::add);
        if (e.key() instanceof KeyStrategy.Natural natural) {
            for (String a : natural.attributes()) {
                for (String c : t.columnsOf.getOrDefault(a, List.of())) {
                    if (!cols.contains(c)) {
                        cols.add(c);
                    }
                }
            }
            for (String c : cols) {
                replaceColumn(t, c, col -> new Column(col.name(), col.type(), false, col.defaultExpression(),
                        col.identity(), col.generated(), col.comment()));
            }
        } else {
            cols.add("id");
        }
        t.keyColumns = List.copyOf(cols);
        t.primaryKey = Optional.of(new PrimaryKey(names.make(t.name, List.of(), "pkey"), cols));
    }

    // ---- references -------------------------------------------------------------------------

    /** The columns of a parent's key that a reference must carry (the tenant column is shared). */
    private List<Column> parentKeyColumns(TableInfo parent) {
        List<Column> out = new ArrayList<>();
        for (String k : parent.keyColumns) {
            if (parent.tenantColumn.isPresent() && parent.tenantColumn.get().equals(k)) {
                continue;
            }
            parent.column(k).ifPresent(out::add);
        }
        return out;
    }

    private void referenceColumns(Entity e, TableInfo t) {
        for (Relationship r : spec.referencesFrom(e.name())) {
            TableInfo parent = byEntity.get(r.parent());
            List<String> cols = new ArrayList<>();
            boolean isTenantRef = t.tenantColumn.isPresent() && t.tenantColumn.get().equals(r.as() + "_id")
                    && spec.settings().tenant().map(r.parent()::equals).orElse(false);
            List<Column> parentKey = isTenantRef ? parent.column("id").map(List::of).orElse(List.of())
                    : parentKeyColumns(parent);
            if (parentKey.isEmpty() && !isTenantRef) {
                throw UserError.invalid(r.loc(), "relationship '" + r.name() + "' references entity '" + r.parent()
                        + "' whose key columns are not known yet", "give '" + r.parent() + "' a key");
            }
            for (Column pk : parentKey) {
                String colName = parentKey.size() == 1 && pk.name().equals("id") ? r.as() + "_id"
                        : r.as() + "_" + pk.name();
                if (t.column(colName).isPresent()) {
                    throw UserError.invalid(r.loc(), "relationship '" + r.name() + "' needs column '" + colName
                            + "' on table '" + t.name + "', which an attribute already uses",
                            "rename the attribute or set 'as' on the relationship");
                }
                t.columns.add(Column.of(colName, pk.type(), !r.required()));
                t.widths.put(colName, dialect.widthOf(pk.type()));
                cols.add(colName);
            }
            t.columnsOf.put(r.as(), List.copyOf(cols));
            t.references.put(r.as(), r);
            if (r.kind() == Relationship.Kind.ONE_TO_ONE) {
                List<String> u = new ArrayList<>();
                if (t.tenantColumn.isPresent() && !isTenantRef && parent.isTenantScoped()) {
                    u.add(t.tenantColumn.get());
                }
                u.addAll(cols);
                t.uniques.add(new UniqueConstraint(names.make(t.name, u, "key"), u, false));
                decisions.add(DecisionBuilder.of(Decision.Kind.CONSTRAINT, t.name + "." + String.join("_", cols) + ".unique")
                        .choice("UNIQUE (" + String.join(", ", u) + ")").rule("relationship.one-to-one")
                        .reason("'" + r.name() + "' is one-to-one: each " + r.parent() + " has at most one " + r.child()
                                + "; the unique constraint enforces it and its index serves lookups by " + r.as() + ".")
                        .build());
            }
        }
    }

    // ---- attributes -------------------------------------------------------------------------

    private void attributeColumns(Entity e, TableInfo t) {
        for (Attribute a : e.attributes()) {
            TypeChoice tc = dialect.columnType(a, a.type(), t.name, enumStyle);
            tc.enumType().ifPresent(name -> {
                LogicalType.Enum en = (LogicalType.Enum) a.type();
                enumTypes.put(name, new EnumType(name, en.values()));
            });
            Optional<String> def = a.defaultValue().map(v -> dialect.defaultExpression(a.type(), v, version));
            Column c = new Column(a.name(), tc.sqlType(), !a.required(), def, Optional.empty(), Optional.empty(),
                    a.description());
            t.columns.add(c);
            t.columnsOf.put(a.name(), List.of(a.name()));
            t.logicalTypes.put(a.name(), a.type());
            t.widths.put(a.name(), tc.avgWidthBytes());
            String q = dialect.quote(a.name());
            List<String> checkSql = new ArrayList<>();
            for (String check : tc.checks()) {
                checkSql.add(check.replace("%s", q));
            }
            checkSql.addAll(attributeChecks(a, q));
            for (String expr : checkSql) {
                t.checks.add(new CheckConstraint(names.make(t.name, List.of(a.name()), "check"), expr));
            }
            DecisionBuilder d = DecisionBuilder.of(Decision.Kind.COLUMN_TYPE, t.name + "." + a.name())
                    .choice(tc.sqlType() + (a.required() ? " NOT NULL" : "") + def.map(x -> " DEFAULT " + x).orElse(""))
                    .rule("type." + a.type().specName()).reason(tc.reason()).alternatives(tc.alternatives());
            if (!checkSql.isEmpty()) {
                d.rule("check.declared");
            }
            decisions.add(d.build());
            if (a.unique()) {
                uniqueAttribute(t, a);
            }
            if ("table".equals(enumStyle) && a.type() instanceof LogicalType.Enum en) {
                lookupTable(e, t, a, en);
            }
            if (a.type() instanceof LogicalType.Range && dialect.supports(Feature.RANGE_TYPES, version)) {
                // nothing more: exclusion constraints come from patterns/specs later
                continue;
            }
        }
    }

    /** enum_style: table: the values as rows of a lookup table the column references. */
    private void lookupTable(Entity e, TableInfo t, Attribute a, LogicalType.Enum en) {
        String name = names.make(e.name(), List.of(a.name()), "values").replaceAll("_values$", "");
        names.reserve(name);
        TableInfo lookup = new TableInfo(name, Optional.empty(), Optional.empty());
        lookup.columns.add(Column.of("value", "text", false));
        lookup.columns.add(Column.of("sort_order", "integer", false));
        lookup.widths.put("value", 10);
        lookup.widths.put("sort_order", 4);
        lookup.keyColumns = List.of("value");
        lookup.primaryKey = Optional.of(new PrimaryKey(names.make(name, List.of(), "pkey"), List.of("value")));
        for (int i = 0; i < en.values().size(); i++) {
            lookup.fixedRows.add(List.of(en.values().get(i), Integer.toString(i + 1)));
        }
        lookup.rows = en.values().size();
        lookup.comment = "The values of " + t.name + "." + a.name() + " (enum_style: table), in their order.";
        lookups.put(name, lookup);
        decisions.add(DecisionBuilder.of(Decision.Kind.TABLE, name)
                .choice("lookup table " + name + " (value, sort_order) with " + en.values().size() + " rows")
                .rule("enum.lookup-table")
                .reason("enum_style: table keeps the values of " + t.name + "." + a.name() + " as rows, so they can"
                        + " be added, renamed (cascading) or given more columns without DDL.")
                .build());
        t.foreignKeys.add(new ForeignKey(names.make(t.name, List.of(a.name()), "fkey"), List.of(a.name()), name,
                List.of("value"), ForeignKey.Action.RESTRICT, ForeignKey.Action.CASCADE, List.of()));
        decisions.add(DecisionBuilder.of(Decision.Kind.FOREIGN_KEY, t.name + "." + a.name())
                .choice("(" + a.name() + ") REFERENCES " + name + " (value) ON DELETE RESTRICT ON UPDATE CASCADE")
                .rule("enum.lookup-table")
                .reason("ON DELETE RESTRICT: a value still in use cannot be removed. ON UPDATE CASCADE: renaming a"
                        + " value renames it everywhere.")
                .build());
    }

    private List<String> attributeChecks(Attribute a, String q) {
        List<String> out = new ArrayList<>();
        Optional<BigDecimal> min = a.checks().min();
        Optional<BigDecimal> max = a.checks().max();
        if (min.isPresent() && max.isPresent()) {
            out.add(q + " >= " + min.get().toPlainString() + " AND " + q + " <= " + max.get().toPlainString());
        } else if (min.isPresent()) {
            out.add(q + " >= " + min.get().toPlainString());
        } else if (max.isPresent()) {
            out.add(q + " <= " + max.get().toPlainString());
        }
        a.checks().minLength().ifPresent(n -> out.add("char_length(" + q + ") >= " + n));
        a.checks().pattern().ifPresent(p -> out.add(q + " ~ " + dialect.literal(p)));
        return out;
    }

    private void uniqueAttribute(TableInfo t, Attribute a) {
        List<String> cols = new ArrayList<>();
        t.tenantColumn.ifPresent(cols::add);
        cols.add(a.name());
        if (a.type() instanceof LogicalType.Email && dialect.supports(Feature.EXPRESSION_INDEX, version)) {
            t.caseInsensitive.add(a.name());
            List<Index.Key> keys = new ArrayList<>();
            t.tenantColumn.ifPresent(tc -> keys.add(Index.Key.asc(tc)));
            keys.add(new Index.Key(dialect.caseFold(dialect.quote(a.name())), true, false, Optional.empty()));
            String name = names.make(t.name, List.of(t.tenantColumn.map(x -> x + "_").orElse("") + "lower_" + a.name()),
                    "key");
            t.uniqueIndexes.add(new Index(name, t.name, Index.Method.BTREE, keys, List.of(), Optional.empty(), true));
            decisions.add(DecisionBuilder.of(Decision.Kind.CONSTRAINT, t.name + "." + a.name() + ".unique")
                    .choice("UNIQUE INDEX " + name + " ON (" + (t.isTenantScoped() ? t.tenantColumn.get() + ", " : "")
                            + dialect.caseFold(a.name()) + ")")
                    .rule("unique.email-case-insensitive")
                    .reason("Email addresses are unique regardless of case (Ann@x.io and ann@x.io are one mailbox):"
                            + " a unique index on the folded value enforces that, and lookups by email compare"
                            + " folded values so they use it." + (t.isTenantScoped() ? " Unique within a tenant." : ""))
                    .alternative("UNIQUE (" + a.name() + ")", "lets two spellings of one address in")
                    .alternative("the citext extension", "an extension to install everywhere, and its operators are"
                            + " slower than a plain expression index")
                    .build());
            return;
        }
        String name = names.make(t.name, cols, "key");
        t.uniques.add(new UniqueConstraint(name, cols, false));
        decisions.add(DecisionBuilder.of(Decision.Kind.CONSTRAINT, t.name + "." + a.name() + ".unique")
                .choice("UNIQUE (" + String.join(", ", cols) + ")").rule("unique.declared")
                .reason("The spec declares " + a.name() + " unique" + (t.isTenantScoped()
                        ? " within a tenant: the constraint starts with " + t.tenantColumn.get()
                                + ", so two tenants may use the same value" : "")
                        + "; the constraint's index also answers lookups by it.")
                .build());
    }

    private void compositeUniques(Entity e, TableInfo t) {
        for (Entity.UniqueRule rule : e.uniques()) {
            List<String> cols = new ArrayList<>();
            t.tenantColumn.ifPresent(cols::add);
            boolean anyOptional = false;
            for (String n : rule.attributes()) {
                for (String c : t.columnsOf.getOrDefault(n, List.of(n))) {
                    if (!cols.contains(c)) {
                        cols.add(c);
                    }
                    anyOptional |= t.column(c).map(Column::nullable).orElse(false);
                }
            }
            String name = names.make(t.name, cols, "key");
            t.uniques.add(new UniqueConstraint(name, cols, false));
            DecisionBuilder d = DecisionBuilder.of(Decision.Kind.CONSTRAINT, t.name + "." + String.join("_", cols) + ".unique")
                    .choice("UNIQUE (" + String.join(", ", cols) + ")").rule("unique.composite")
                    .reason("The spec declares (" + String.join(", ", rule.attributes()) + ") unique together"
                            + (t.isTenantScoped() ? ", within a tenant" : "") + ".");
            if (anyOptional) {
                boolean has = dialect.supports(Feature.NULLS_NOT_DISTINCT, version);
                d.alternative("UNIQUE NULLS NOT DISTINCT", "rows with a NULL in the key would conflict too; not used"
                        + " because the spec does not say NULLs must be unique"
                        + (has ? "" : " (needs PostgreSQL " + dialect.since(Feature.NULLS_NOT_DISTINCT) + ")"));
                if (!has) {
                    notes.add(new VersionNote("UNIQUE NULLS NOT DISTINCT", dialect.since(Feature.NULLS_NOT_DISTINCT), false,
                            "table " + t.name + ": (" + String.join(", ", cols) + ") has optional columns; rows with"
                                    + " NULLs never conflict. PostgreSQL " + dialect.since(Feature.NULLS_NOT_DISTINCT)
                                    + " can make NULLs conflict if that is what you mean."));
                }
            }
            decisions.add(d.build());
        }
    }

    // ---- exclusion ---------------------------------------------------------------------------

    /** no_overlap rules: EXCLUDE USING gist (equal parts WITH =, the range WITH &&). */
    private void exclusions(Entity e, TableInfo t) {
        for (Entity.UniqueRule rule : e.noOverlap()) {
            List<ExclusionConstraint.Element> elements = new ArrayList<>();
            List<String> cols = new ArrayList<>();
            t.tenantColumn.ifPresent(tc -> {
                elements.add(new ExclusionConstraint.Element(tc, "="));
                cols.add(tc);
            });
            boolean scalarEquality = t.isTenantScoped();
            List<String> parts = rule.attributes();
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                for (String c : t.columnsOf.getOrDefault(parts.get(i), List.of(parts.get(i)))) {
                    if (cols.contains(c)) {
                        continue;
                    }
                    elements.add(new ExclusionConstraint.Element(c, last ? "&&" : "="));
                    cols.add(c);
                    scalarEquality |= !last;
                }
            }
            if (scalarEquality) {
                extensions.add("btree_gist");
            }
            String name = names.make(t.name, cols, "excl");
            t.exclusions.add(new ExclusionConstraint(name, "gist", elements));
            String last = parts.get(parts.size() - 1);
            decisions.add(DecisionBuilder.of(Decision.Kind.CONSTRAINT, t.name + "." + String.join("_", cols) + ".exclude")
                    .choice("EXCLUDE USING gist (" + String.join(", ", elements.stream()
                            .map(x -> x.column() + " WITH " + x.operator()).toList()) + ")")
                    .rule("exclusion.no-overlap")
                    .reason("The spec says rows " + (parts.size() > 1 ? "with the same " + String.join(", ",
                            parts.subList(0, parts.size() - 1)) + " " : "") + "must not overlap in " + last
                            + ": an exclusion constraint enforces it in the database, even under concurrent inserts"
                            + " (a check in the application cannot), and its GiST index also answers overlap searches."
                            + (scalarEquality ? " The equality parts need the btree_gist extension (shipped with"
                            + " PostgreSQL's contrib modules)." : ""))
                    .alternative("a trigger that checks for overlaps", "races under concurrency unless every insert"
                            + " locks the table")
                    .build());
        }
    }

    // ---- full-text --------------------------------------------------------------------------

    private void searchDocument(Entity e, TableInfo t) {
        List<Attribute> searchable = e.attributes().stream()
                .filter(a -> a.type() instanceof LogicalType.SearchableText).toList();
        if (searchable.isEmpty() || !dialect.supports(Feature.GENERATED_COLUMNS, version)) {
            return;
        }
        String language = ((LogicalType.SearchableText) searchable.get(0).type()).language();
        List<String> quoted = searchable.stream().map(a -> dialect.quote(a.name())).toList();
        String expr = dialect.fullTextDocument(quoted, language);
        String col = "search_vector";
        t.columns.add(new Column(col, dialect.fullTextType(), true, Optional.empty(), Optional.empty(), Optional.of(expr),
                Optional.empty()));
        t.widths.put(col, 0);
        t.searchColumn = Optional.of(col);
        for (Attribute a : searchable) {
            t.columnsOf.putIfAbsent(a.name() + "#fts", List.of(col));
        }
        List<String> attrNames = searchable.stream().map(Attribute::name).toList();
        decisions.add(DecisionBuilder.of(Decision.Kind.COLUMN_TYPE, t.name + "." + col)
                .choice(dialect.fullTextType() + " GENERATED ALWAYS AS (" + expr + ") STORED")
                .rule(RULE_FTS_DOCUMENT)
                .reason("Full-text search over " + String.join(", ", attrNames) + " (" + language + "): one stored"
                        + " document, weighted in declaration order so matches in " + attrNames.get(0)
                        + " rank first, indexed once with GIN. Stored, so searches never re-parse the text.")
                .alternative("an expression index on to_tsvector(...) without a column",
                        "every query must repeat the exact expression to use it, and ranking re-parses rows")
                .alternative("one tsvector column per attribute", "one GIN index per column to maintain, and a"
                        + " search across them needs OR over several indexes")
                .alternative("an external search engine", "another system to keep in sync; worth it for fuzzy"
                        + " matching, facets and relevance tuning beyond ts_rank")
                .build());
    }

    // ---- foreign keys -----------------------------------------------------------------------

    private void foreignKeys(Entity e, TableInfo t) {
        for (Relationship r : spec.referencesFrom(e.name())) {
            TableInfo parent = byEntity.get(r.parent());
            List<String> cols = new ArrayList<>();
            List<String> refCols = new ArrayList<>();
            boolean isTenantRef = t.tenantColumn.isPresent() && t.tenantColumn.get().equals(r.as() + "_id")
                    && spec.settings().tenant().map(r.parent()::equals).orElse(false);
            boolean composite = !isTenantRef && t.isTenantScoped() && parent.isTenantScoped();
            if (composite) {
                cols.add(t.tenantColumn.get());
                refCols.add(parent.tenantColumn.get());
            }
            cols.addAll(t.columnsOf.get(r.as()));
            if (isTenantRef) {
                refCols.add("id");
            } else {
                for (Column pk : parentKeyColumns(parent)) {
                    refCols.add(pk.name());
                }
            }
            if (!isTenantRef && !t.isTenantScoped() && parent.isTenantScoped()) {
                throw UserError.invalid(r.loc(), "entity '" + e.name() + "' is not tenant-scoped but references"
                        + " tenant-scoped entity '" + r.parent() + "'", "give '" + e.name() + "' a required reference to '"
                        + spec.settings().tenant().orElse("") + "'");
            }
            ForeignKey.Action onDelete;
            List<String> setNullCols = List.of();
            DecisionBuilder d = DecisionBuilder.of(Decision.Kind.FOREIGN_KEY, t.name + "." + r.as());
            String why;
            if (r.onDelete().isPresent()) {
                onDelete = ForeignKey.Action.valueOf(r.onDelete().get().toUpperCase(java.util.Locale.ROOT));
                d.rule(RULE_FK_EXPLICIT);
                why = "the spec sets on_delete: " + r.onDelete().get() + ".";
            } else if (r.owned()) {
                onDelete = ForeignKey.Action.CASCADE;
                d.rule(RULE_FK_OWNED);
                why = Fmt.article(r.child()) + " " + r.child() + " is owned by its " + r.parent()
                        + " and lives and dies with it: deleting the " + r.parent() + " deletes its "
                        + r.inverse().orElse(r.child() + " rows") + ".";
                d.alternative("RESTRICT", "would force the application to delete children first, in the right order");
            } else if (!r.required()) {
                onDelete = ForeignKey.Action.SET_NULL;
                d.rule(RULE_FK_OPTIONAL);
                why = "the reference is optional: deleting " + Fmt.article(r.parent()) + " " + r.parent()
                        + " keeps the " + r.child() + " rows that point at it as '" + r.as() + "' and sets their "
                        + String.join(", ", t.columnsOf.get(r.as())) + " to NULL.";
                d.alternative("CASCADE", "would delete " + r.child() + " rows that do not depend on their " + r.parent());
                d.alternative("RESTRICT", "would block deleting a " + r.parent() + " that is still referenced");
            } else {
                onDelete = ForeignKey.Action.RESTRICT;
                d.rule(RULE_FK_REQUIRED);
                why = "the reference is required but not owned: " + Fmt.article(r.parent()) + " " + r.parent()
                        + " that still has " + r.child() + " rows cannot be deleted (history is kept; delete or"
                        + " reassign them first).";
                d.alternative("CASCADE", "would silently delete " + r.child() + " rows that are not owned by the "
                        + r.parent());
                d.alternative("SET NULL", "impossible: the column is NOT NULL");
            }
            if (composite && onDelete == ForeignKey.Action.SET_NULL) {
                if (dialect.supports(Feature.FK_SET_NULL_COLUMNS, version)) {
                    setNullCols = List.copyOf(t.columnsOf.get(r.as()));
                    why += " Only " + String.join(", ", setNullCols) + " is nulled: the tenant column stays.";
                } else {
                    onDelete = ForeignKey.Action.RESTRICT;
                    why += " On PostgreSQL " + version + " a composite key can only null every column, and "
                            + t.tenantColumn.get() + " is NOT NULL, so RESTRICT is used instead.";
                    notes.add(new VersionNote("ON DELETE SET NULL (column)", dialect.since(Feature.FK_SET_NULL_COLUMNS),
                            false, "foreign key " + t.name + "." + r.as() + ": with PostgreSQL "
                            + dialect.since(Feature.FK_SET_NULL_COLUMNS) + " it would be ON DELETE SET NULL ("
                            + String.join(", ", t.columnsOf.get(r.as())) + ") instead of RESTRICT."));
                }
            }
            boolean naturalParent = parent.entity.map(pe -> pe.key() instanceof KeyStrategy.Natural).orElse(false);
            ForeignKey.Action onUpdate = naturalParent ? ForeignKey.Action.CASCADE : ForeignKey.Action.RESTRICT;
            String updateWhy = naturalParent ? " ON UPDATE CASCADE: " + r.parent()
                    + " has a natural key, which can change; referencing rows follow it."
                    : " ON UPDATE RESTRICT: " + r.parent() + "'s key is a surrogate that never changes, so an update"
                    + " of it is a bug to stop.";
            if (composite) {
                d.rule(RULE_FK_TENANT);
                why += " The key includes " + t.tenantColumn.get() + ", so a row can only reference a " + r.parent()
                        + " of its own tenant.";
            }
            String name = names.make(t.name, cols.subList(composite ? 1 : 0, cols.size()), "fkey");
            t.foreignKeys.add(new ForeignKey(name, cols, parent.name, refCols, onDelete, onUpdate, setNullCols));
            decisions.add(d.choice("(" + String.join(", ", cols) + ") REFERENCES " + parent.name + " ("
                            + String.join(", ", refCols) + ") ON DELETE " + onDelete.sql()
                            + (setNullCols.isEmpty() ? "" : " (" + String.join(", ", setNullCols) + ")")
                            + " ON UPDATE " + onUpdate.sql())
                    .reason("ON DELETE " + onDelete.sql() + ": " + why + updateWhy).build());
        }
    }

    // ---- many-to-many -----------------------------------------------------------------------

    private void junction(Relationship r) {
        TableInfo left = byEntity.get(r.child());
        TableInfo right = byEntity.get(r.parent());
        String name = r.through().orElse(r.child() + "_" + r.parent());
        TableInfo j = new TableInfo(name, Optional.empty(), Optional.of(r));
        names.reserve(name);
        j.rows = volumes.links(r);
        boolean scoped = left.isTenantScoped() && right.isTenantScoped();
        List<String> pk = new ArrayList<>();
        if (scoped) {
            String tc = left.tenantColumn.get();
            j.tenantColumn = Optional.of(tc);
            j.columns.add(Column.of(tc, left.column(tc).map(Column::type).orElse("bigint"), false));
            j.widths.put(tc, 8);
            pk.add(tc);
        }
        String leftName = r.child();
        String rightName = r.as();
        // columns are named after the entities they point at; a self-link names its far end by 'as'
        List<String> leftCols = linkColumns(j, leftName, r.child(), left);
        List<String> rightCols = linkColumns(j, rightName, r.isSelfReference() ? r.as() : r.parent(), right);
        pk.addAll(leftCols);
        pk.addAll(rightCols);
        for (Attribute a : r.attributes()) {
            TypeChoice tc = dialect.columnType(a, a.type(), j.name, enumStyle);
            Optional<String> def = a.defaultValue().map(v -> dialect.defaultExpression(a.type(), v, version));
            j.columns.add(new Column(a.name(), tc.sqlType(), !a.required(), def, Optional.empty(), Optional.empty(),
                    a.description()));
            j.columnsOf.put(a.name(), List.of(a.name()));
            j.logicalTypes.put(a.name(), a.type());
            j.widths.put(a.name(), tc.avgWidthBytes());
            for (String check : tc.checks()) {
                j.checks.add(new CheckConstraint(names.make(j.name, List.of(a.name()), "check"),
                        check.replace("%s", dialect.quote(a.name()))));
            }
        }
        j.keyColumns = List.copyOf(pk);
        j.primaryKey = Optional.of(new PrimaryKey(names.make(j.name, List.of(), "pkey"), pk));
        addJunctionFk(j, r, leftName, left, leftCols, scoped);
        addJunctionFk(j, r, rightName, right, rightCols, scoped);
        j.comment = "Links " + r.child() + " and " + r.parent() + " (" + r.name() + ", many-to-many).";
        junctions.put(name, j);
        decisions.add(DecisionBuilder.of(Decision.Kind.TABLE, j.name)
                .choice("junction table " + j.name + ", PRIMARY KEY (" + String.join(", ", pk) + ")")
                .rule("relationship.many-to-many")
                .reason("'" + r.name() + "' is many-to-many: one row per link, keyed by both ends so a link exists"
                        + " once; the key's index answers " + r.child() + " -> " + r.parent() + ". About "
                        + Fmt.count(j.rows) + " links (" + rate(r.fanout().avg().orElse(1.0)) + " per " + r.child() + ").")
                .alternative("an array of " + r.parent() + " ids on " + r.child(),
                        "no foreign keys on array elements, and the reverse lookup needs a GIN index")
                .build());
    }

    private static String rate(double d) {
        return io.accesspath.core.spec.Rate.formatNumber(d);
    }

    private List<String> linkColumns(TableInfo j, String name, String prefix, TableInfo end) {
        List<String> out = new ArrayList<>();
        List<Column> endKey = parentKeyColumns(end);
        for (Column pk : endKey) {
            String col = endKey.size() == 1 && pk.name().equals("id") ? prefix + "_id" : prefix + "_" + pk.name();
            j.columns.add(Column.of(col, pk.type(), false));
            j.widths.put(col, dialect.widthOf(pk.type()));
            out.add(col);
        }
        j.columnsOf.put(name, List.copyOf(out));
        return out;
    }

    private void addJunctionFk(TableInfo j, Relationship r, String endName, TableInfo end, List<String> cols,
                               boolean scoped) {
        List<String> fkCols = new ArrayList<>();
        List<String> refCols = new ArrayList<>();
        if (scoped) {
            fkCols.add(j.tenantColumn.get());
            refCols.add(end.tenantColumn.get());
        }
        fkCols.addAll(cols);
        for (Column pk : parentKeyColumns(end)) {
            refCols.add(pk.name());
        }
        String name = names.make(j.name, cols, "fkey");
        j.foreignKeys.add(new ForeignKey(name, fkCols, end.name, refCols, ForeignKey.Action.CASCADE,
                ForeignKey.Action.RESTRICT, List.of()));
        decisions.add(DecisionBuilder.of(Decision.Kind.FOREIGN_KEY, j.name + "." + endName)
                .choice("(" + String.join(", ", fkCols) + ") REFERENCES " + end.name + " (" + String.join(", ", refCols)
                        + ") ON DELETE CASCADE ON UPDATE RESTRICT")
                .rule(RULE_FK_JUNCTION)
                .reason("A link means nothing without both ends: deleting a " + end.name
                        + " removes its links. ON UPDATE RESTRICT: keys are surrogates that never change.")
                .build());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void tableDecision(Entity e, TableInfo t) {
        long rows = t.rows;
        String growth = e.volume().growthPerDay() > 0 ? ", +" + Fmt.count((long) e.volume().growthPerDay()) + " a day" : "";
        String retention = e.volume().retentionDays().isPresent()
                ? ", kept " + e.volume().retentionDays().getAsLong() + " days" : "";
        t.comment = e.description().orElse("Entity " + e.name() + ".");
        DecisionBuilder d = DecisionBuilder.of(Decision.Kind.TABLE, t.name)
                .choice("table " + t.name + " for entity " + e.name())
                .rule("entity.table")
                .reason("About " + Fmt.count(rows) + " rows (" + volumes.basis(e.name()) + ")" + growth + retention
                        + "; a row is about " + t.rowWidth() + " bytes, so the heap is about "
                        + Fmt.bytes(heapBytes(t)) + "." + (e.appendOnly() ? " Append-only: rows are never updated." : ""));
        if (dialect.isReserved(t.name)) {
            decisions.add(DecisionBuilder.of(Decision.Kind.NAMING, t.name)
                    .choice("table name " + dialect.quote(t.name) + " (quoted)")
                    .rule("naming.reserved-word")
                    .reason("'" + t.name + "' is a reserved word: every query must quote it. Set 'table:' on entity '"
                            + e.name() + "' (e.g. " + t.name + "s) to avoid that.")
                    .build());
        }
        decisions.add(d.build());
    }

    /** Estimated heap size: rows times row width over usable page space. */
    public static long heapBytes(TableInfo t) {
        long perPage = Math.max(1, (long) (8192 * 0.95) / Math.max(1, t.rowWidth()));
        return (t.rows / perPage + 1) * 8192L;
    }

    private static void replaceColumn(TableInfo t, String name, java.util.function.UnaryOperator<Column> f) {
        for (int i = 0; i < t.columns.size(); i++) {
            if (t.columns.get(i).name().equals(name)) {
                t.columns.set(i, f.apply(t.columns.get(i)));
            }
        }
    }
}
