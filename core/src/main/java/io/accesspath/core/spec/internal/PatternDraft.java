package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Rate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An access pattern as written, in YAML or in SQL, before its names are checked against the
 * model: the same shape as {@link AccessPattern} with every name located.
 *
 * @param context how messages name the pattern ({@code access pattern 'x'})
 */
record PatternDraft(String name, String context, Loc loc, Optional<String> description, Optional<Ref> entity,
                    List<FilterDraft> filters, List<AccessPattern.SortKey> sort, Optional<AccessPattern.Page> page,
                    List<Ref> fetch, List<Ref> project, List<AccessPattern.Aggregate> aggregates, List<Ref> groupBy,
                    Optional<Rate> frequency, OptionalDouble latencyP95Ms, boolean staleOk, Optional<String> sql) {

    /**
     * A WHERE condition as written.
     *
     * @param opLoc    where the operator is written
     * @param values   the constant values (empty when the value is a parameter)
     * @param valueLoc where the constant values are written
     */
    record FilterDraft(Ref attribute, AccessPattern.Op op, Loc opLoc, List<String> values, Loc valueLoc,
                       OptionalDouble selectivity) {}

    /** The parts of a pattern that its SQL gives. */
    record Query(Optional<Ref> entity, List<FilterDraft> filters, List<AccessPattern.SortKey> sort,
                 Optional<AccessPattern.Page> page, List<Ref> fetch, List<Ref> project,
                 List<AccessPattern.Aggregate> aggregates, List<Ref> groupBy) {
        static final Query NONE = new Query(Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(),
                List.of(), List.of(), List.of());
    }
}
