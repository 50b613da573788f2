package io.accesspath.core.plan.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the schema and the access patterns say that a plan does not: the key columns of its
 * indexes and the joins hot access patterns always make. Optional input to
 * {@link PlanAnalyzer#analyze(io.accesspath.core.plan.Plan, SchemaFacts)}; every rule works from
 * the plan alone, and these facts sharpen some of them.
 *
 * @param indexes  indexes by name with their key columns, in order (lets inefficient-index tell
 *                 a condition on a non-leading column, or a range before an equality, exactly)
 * @param hotJoins access patterns known to always join the same tables (raise and explain
 *                 schema-join-hot-path)
 */
public record SchemaFacts(List<IndexFact> indexes, List<HotJoin> hotJoins) {

    /** No facts: the plan alone. */
    public static final SchemaFacts NONE = new SchemaFacts(List.of(), List.of());

    public SchemaFacts {
        indexes = List.copyOf(indexes);
        hotJoins = List.copyOf(hotJoins);
    }

    /** The index of this name, if known. */
    public Optional<IndexFact> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * An index and its key columns.
     *
     * @param name    the index name, as plans print it ("Index Name")
     * @param table   the table it is on
     * @param columns its key columns in order (expressions as text), without INCLUDE columns
     */
    public record IndexFact(String name, String table, List<String> columns) {
        public IndexFact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
        }
    }

    /**
     * An access pattern that always joins the same tables.
     *
     * @param pattern the pattern's name (from the spec)
     * @param tables  the tables it joins
     */
    public record HotJoin(String pattern, Set<String> tables) {
        public HotJoin {
            Objects.requireNonNull(pattern, "pattern");
            tables = Set.copyOf(tables);
        }
    }
}
