package io.accesspath.core.design;

import io.accesspath.core.design.internal.IndexPlanner;
import io.accesspath.core.design.internal.Names;
import io.accesspath.core.design.internal.Proposals;
import io.accesspath.core.design.internal.Resolved;
import io.accesspath.core.design.internal.Resolver;
import io.accesspath.core.design.internal.Storage;
import io.accesspath.core.design.internal.TableBuilder;
import io.accesspath.core.design.internal.TableInfo;
import io.accesspath.core.design.internal.Volumes;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.dialect.Feature;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Designs a schema from a spec: tables, keys, types, constraints, foreign keys with explicit
 * actions, and indexes derived from the access patterns, with every decision recorded. Pure and
 * deterministic: the same spec and options give the same design.
 */
public final class Designer {
    private final DesignDialect dialect;

    public Designer(DesignDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Designs for {@code targetVersion}, or, when empty, for the spec's {@code pg_version}, or
     * else for the oldest supported version (the schema then runs on every supported version
     * and the design says which newer features it left out).
     */
    public Design design(Spec spec, OptionalInt targetVersion) {
        Optional<Integer> target = targetVersion.isPresent() ? Optional.of(targetVersion.getAsInt())
                : spec.settings().pgVersion().isPresent() ? Optional.of(spec.settings().pgVersion().getAsInt())
                : Optional.empty();
        if (target.isPresent() && (target.get() < dialect.minVersion() || target.get() > dialect.maxVersion())) {
            throw UserError.invalid(Loc.NONE, dialect.displayName() + " version " + target.get() + " is not supported",
                    "choose " + dialect.minVersion() + ".." + dialect.maxVersion());
        }
        int version = target.orElse(dialect.minVersion());
        List<Decision> decisions = new ArrayList<>();
        List<VersionNote> notes = new ArrayList<>();
        Names names = new Names(dialect.maxIdentifierLength());
        Volumes volumes = new Volumes(spec);

        TableBuilder tb = new TableBuilder(spec, dialect, version, volumes, names, decisions, notes);
        Map<String, TableInfo> tables = tb.build();

        Resolver resolver = new Resolver(spec, tables, volumes, dialect, version);
        List<Resolved> resolved = new ArrayList<>();
        for (AccessPattern p : spec.accessPatterns()) {
            resolved.add(resolver.resolve(p));
        }
        IndexPlanner planner = new IndexPlanner(spec, tables, dialect, version, names, decisions, notes);
        planner.plan(resolved);
        planner.recordIndexDecisions();
        new Storage(spec, tables, planner, decisions).fillfactors();
        new Proposals(spec, tables, volumes, dialect, decisions).propose(resolved);
        versionNotes(version, tables, planner, resolved, notes);

        List<Table> ordered = new ArrayList<>();
        for (TableInfo t : dependencyOrder(tables)) {
            ordered.add(t.toTable(planner.indexesOf(t.name)));
        }
        Schema schema = new Schema(tb.extensions(), tb.enumTypes(), ordered);
        List<PatternAccess> access = planner.access();
        List<PatternShape> shapes = new ArrayList<>();
        for (Resolved r : resolved) {
            Optional<String> driving = access.stream().filter(a -> a.pattern().equals(r.pattern().name()))
                    .map(PatternAccess::table).filter(t -> !t.equals(r.table().name)).findFirst();
            shapes.add(resolver.shape(r, driving));
        }
        return new Design(spec, dialect.id(), version, target, schema, decisions, access, shapes, notes);
    }

    /** Referenced tables first; a cycle keeps spec order (foreign keys are added after tables). */
    private static List<TableInfo> dependencyOrder(Map<String, TableInfo> tables) {
        Map<String, TableInfo> byName = new LinkedHashMap<>();
        for (TableInfo t : tables.values()) {
            byName.put(t.name, t);
        }
        List<TableInfo> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (TableInfo t : byName.values()) {
            visit(t, byName, done, visiting, out);
        }
        return out;
    }

    private static void visit(TableInfo t, Map<String, TableInfo> byName, Set<String> done, Set<String> visiting,
                              List<TableInfo> out) {
        if (done.contains(t.name) || !visiting.add(t.name)) {
            return;
        }
        for (ForeignKey fk : t.foreignKeys) {
            TableInfo parent = byName.get(fk.referencedTable());
            if (parent != null && parent != t) {
                visit(parent, byName, done, visiting, out);
            }
        }
        visiting.remove(t.name);
        if (done.add(t.name)) {
            out.add(t);
        }
    }

    private void versionNotes(int version, Map<String, TableInfo> tables, IndexPlanner planner, List<Resolved> resolved,
                              List<VersionNote> notes) {
        boolean hasBrin = false;
        for (Resolved r : resolved) {
            boolean inWithSort = !r.conds(Resolved.Use.IN).isEmpty() && !r.sort().isEmpty();
            if (inWithSort && !dialect.supports(Feature.BTREE_SAOP_ORDERED, version)) {
                notes.add(new VersionNote("B-tree IN-list scans", dialect.since(Feature.BTREE_SAOP_ORDERED), false,
                        "pattern " + r.pattern().name() + ": PostgreSQL " + dialect.since(Feature.BTREE_SAOP_ORDERED)
                                + " walks all IN-list values in one index descent, which makes IN filters cheaper."));
            }
        }
        if (!dialect.supports(Feature.BTREE_SKIP_SCAN, version)) {
            notes.add(new VersionNote("B-tree skip scan", dialect.since(Feature.BTREE_SKIP_SCAN), false,
                    "PostgreSQL " + dialect.since(Feature.BTREE_SKIP_SCAN) + " can use a multi-column index without an"
                            + " equality on its leading column when that column has few distinct values; the design"
                            + " does not rely on it."));
        }
        for (TableInfo t : tables.values()) {
            hasBrin |= planner.indexesOf(t.name).stream()
                    .anyMatch(i -> i.method() == io.accesspath.core.schema.Index.Method.BRIN);
        }
        if (hasBrin && !dialect.supports(Feature.HOT_WITH_BRIN, version)) {
            notes.add(new VersionNote("HOT updates with BRIN", dialect.since(Feature.HOT_WITH_BRIN), false,
                    "updates of BRIN-indexed columns stay HOT from PostgreSQL " + dialect.since(Feature.HOT_WITH_BRIN)
                            + "."));
        }
    }
}
