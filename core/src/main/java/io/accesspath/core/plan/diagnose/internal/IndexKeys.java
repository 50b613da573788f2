package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.internal.Condition.Shape;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Key columns for an index that serves a set of conditions. */
final class IndexKeys {
    private IndexKeys() {
    }

    /**
     * The columns an index needs to turn {@code conditions} into an index condition: every
     * equality (and IS NULL) column in order of appearance, then the first range column. A
     * B-tree seeks on equalities and one range; later range columns would only be checked, not
     * sought.
     */
    static List<String> of(List<Condition> conditions) {
        Set<String> keys = new LinkedHashSet<>();
        for (Condition c : conditions) {
            if (c.is(Shape.EQUALITY) || c.is(Shape.IS_NULL)) {
                keys.add(c.column().orElseThrow());
            }
        }
        conditions.stream().filter(c -> c.is(Shape.RANGE)).map(c -> c.column().orElseThrow())
                .filter(col -> !keys.contains(col)).findFirst().ifPresent(keys::add);
        return List.copyOf(keys);
    }

    /** True when some condition is one a plain B-tree on its column serves. */
    static boolean anySargable(List<Condition> conditions) {
        return conditions.stream().anyMatch(c -> c.shape().sargable());
    }
}
