package io.accesspath.orm.jpa.internal;

import io.accesspath.core.design.PatternShape;
import io.accesspath.core.design.PatternShape.Condition;
import io.accesspath.core.design.PatternShape.Link;
import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.spec.AccessPattern.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pattern's conditions in the order the SQL writer binds their parameters, each with the
 * parameters it uses and the Java property path it tests: what the derived and JPQL methods are
 * built from.
 */
public final class Criteria {
    private static final Set<Op> NATIVE_ONLY = Set.of(Op.FULLTEXT, Op.CONTAINS, Op.OVERLAPS, Op.NEAR, Op.WITHIN);

    /**
     * One condition.
     *
     * @param table      the table of the condition's column (the pattern's, a link table, a related table)
     * @param path       the property path from the entity ({@code customer.id}, {@code categories.id})
     * @param joinPath   for a condition through a collection, the collection property
     * @param parameters the parameters it binds, in order
     */
    public record Criterion(Condition condition, String table, String path, Optional<String> joinPath, List<Parameter> parameters) {}

    private Criteria() {
    }

    public static List<Criterion> of(Mapping m, PatternShape shape, Query q) {
        List<Parameter> params = new ArrayList<>(q.parameters().stream()
                .filter(p -> p.role() != ParameterRole.CURSOR && p.role() != ParameterRole.LIMIT
                        && p.role() != ParameterRole.OFFSET).toList());
        List<Criterion> out = new ArrayList<>();
        Optional<Link> driving = shape.links().stream().filter(l -> l.drives() && manyToMany(l)
                && l.condition().op() == Op.EQ).findFirst();
        driving.ifPresent(l -> out.add(link(m, shape, l, params)));
        for (Condition c : shape.conditions()) {
            out.add(new Criterion(c, shape.table(), m.propertyPath(shape.table(), c.column()), Optional.empty(),
                    take(params, c)));
        }
        for (Link l : shape.links()) {
            if (driving.isEmpty() || driving.get() != l) {
                out.add(link(m, shape, l, params));
            }
        }
        return out;
    }

    /** Whether a condition needs PostgreSQL operators JPQL has no words for. */
    public static boolean nativeOnly(Condition c) {
        return NATIVE_ONLY.contains(c.op());
    }

    private static Criterion link(Mapping m, PatternShape shape, Link l, List<Parameter> params) {
        List<Parameter> used = take(params, l.condition());
        String source = l.condition().source();
        if (!manyToMany(l)) {
            // A dotted path: the reference, then the related entity's property.
            String rel = JavaNames.camel(source.substring(0, source.indexOf('.')));
            return new Criterion(l.condition(), l.table(), rel + "." + m.propertyPath(l.table(), l.condition().column()),
                    Optional.empty(), used);
        }
        String collection = JavaNames.camel(source);
        if (m.linkTables().contains(l.table())) {
            return new Criterion(l.condition(), l.table(), collection + "." + JavaNames.camel(l.condition().column()),
                    Optional.of(collection), used);
        }
        // A plain join table: the condition is on the far entity's key.
        Mapping.Collection c = m.collections(shape.table()).stream().filter(x -> x.name().equals(collection))
                .findFirst().orElseThrow();
        Mapping.JoinTable j = c.joinTable().orElseThrow();
        int i = j.inverseJoinColumns().indexOf(l.condition().column());
        String farKey = m.keyColumns(c.elementTable()).get(Math.max(0, i));
        return new Criterion(l.condition(), l.table(), collection + "." + m.propertyPath(c.elementTable(), farKey),
                Optional.of(collection), used);
    }

    private static boolean manyToMany(Link l) {
        return !l.condition().source().contains(".");
    }

    private static List<Parameter> take(List<Parameter> params, Condition c) {
        int n = switch (c.op()) {
            case RANGE -> 2;
            case WITHIN -> 4;
            case NEAR, IS_NULL, IS_NOT_NULL -> 0;
            default -> 1;
        };
        if (!c.constants().isEmpty() || !c.isParameter()) {
            n = 0;
        }
        List<Parameter> used = new ArrayList<>(params.subList(0, Math.min(n, params.size())));
        params.subList(0, used.size()).clear();
        return used;
    }
}
