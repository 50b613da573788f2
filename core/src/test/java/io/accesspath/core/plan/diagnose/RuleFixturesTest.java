package io.accesspath.core.plan.diagnose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule fires on the plans made to trigger it (at the node it is about) and stays silent on
 * the near misses, read from both the JSON and the text EXPLAIN of the same query.
 */
class RuleFixturesTest {

    /** Fixture (without extension), rule, path of the node ("" for query-level rules). */
    static Stream<Arguments> triggers() {
        return Stream.of(
                arguments("pg15/missing_index", Kind.MISSING_INDEX, "0"),
                arguments("pg15/misestimate_correlated", Kind.MISSING_INDEX, "0"),
                arguments("pg15/inefficient_index_filter", Kind.INEFFICIENT_INDEX, "0"),
                arguments("pg15/inefficient_index_second_column", Kind.INEFFICIENT_INDEX, "0"),
                arguments("pg15/misestimate_correlated", Kind.MISESTIMATE, "0"),
                arguments("pg15/misestimate_stale", Kind.MISESTIMATE, "0"),
                arguments("pg15/nested_loop_underestimate", Kind.MISESTIMATE, "0.0"),
                arguments("pg15/non_sargable_implicit_cast", Kind.MISESTIMATE, "0"),
                arguments("pg15/sort_spill", Kind.SORT_SPILL, "0"),
                arguments("pg15/sort_spill_parallel", Kind.SORT_SPILL, "0.0"),
                arguments("pg15/sort_spill_incremental", Kind.SORT_SPILL, "0.0"),
                arguments("pg15/hash_spill_join", Kind.HASH_SPILL, "0.0.1"),
                arguments("pg15/hash_spill_aggregate", Kind.HASH_SPILL, "0"),
                arguments("pg15/lossy_bitmap", Kind.LOSSY_BITMAP, "0.0"),
                arguments("pg15/heap_fetches", Kind.HEAP_FETCHES, "0"),
                arguments("pg15/nested_loop_underestimate", Kind.NESTED_LOOP_UNDERESTIMATE, "0"),
                arguments("pg15/order_by_limit", Kind.ORDER_BY_LIMIT_WRONG_INDEX, "0.0"),
                arguments("pg15/non_sargable_lower", Kind.NON_SARGABLE, "0"),
                arguments("pg15/non_sargable_date_trunc", Kind.NON_SARGABLE, "0.0"),
                arguments("pg15/non_sargable_implicit_cast", Kind.NON_SARGABLE, "0"),
                arguments("pg15/non_sargable_text_cast", Kind.NON_SARGABLE, "0"),
                arguments("pg15/non_sargable_like", Kind.NON_SARGABLE, "0"),
                arguments("pg15/non_sargable_or_columns", Kind.NON_SARGABLE, "0"),
                arguments("pg15/non_sargable_or_join", Kind.NON_SARGABLE, "0"),
                arguments("pg15/large_offset", Kind.LARGE_OFFSET, "0"),
                arguments("pg15/large_offset_sorted", Kind.LARGE_OFFSET, "0"),
                arguments("pg15/correlated_subplan", Kind.CORRELATED_SUBPLAN, "0.0"),
                arguments("pg15/workers_not_launched", Kind.WORKERS_NOT_LAUNCHED, "0.0"),
                arguments("pg15/jit_dominates", Kind.JIT_DOMINATES, ""),
                arguments("handwritten/pg17_jit_dominates", Kind.JIT_DOMINATES, ""),
                arguments("pg15/planning_dominates", Kind.PLANNING_DOMINATES, ""),
                arguments("pg15/hot_join", Kind.SCHEMA_JOIN_HOT_PATH, "0.0"),
                arguments("pg15/hash_spill_join", Kind.SCHEMA_JOIN_HOT_PATH, "0.0"));
    }

    /** Fixture (without extension) and a rule that must not fire on it. */
    static Stream<Arguments> nearMisses() {
        return Stream.of(
                arguments("pg15/missing_index_unselective_near_miss", Kind.MISSING_INDEX),
                arguments("pg15/missing_index_small_table_near_miss", Kind.MISSING_INDEX),
                arguments("pg15/missing_index_fixed", Kind.MISSING_INDEX),
                arguments("pg15/non_sargable_lower", Kind.MISSING_INDEX),
                arguments("pg15/inefficient_index_filter_near_miss", Kind.INEFFICIENT_INDEX),
                arguments("pg15/inefficient_index_leading_column_near_miss", Kind.INEFFICIENT_INDEX),
                arguments("pg15/inefficient_index_range_first", Kind.INEFFICIENT_INDEX),
                arguments("pg15/order_by_limit", Kind.INEFFICIENT_INDEX),
                arguments("pg15/misestimate_near_miss", Kind.MISESTIMATE),
                arguments("pg15/misestimate_correlated_fixed", Kind.MISESTIMATE),
                arguments("pg15/order_by_limit", Kind.MISESTIMATE),
                arguments("pg15/sort_spill_fixed", Kind.SORT_SPILL),
                arguments("pg15/sort_top_n_near_miss", Kind.SORT_SPILL),
                arguments("pg15/hot_join", Kind.HASH_SPILL),
                arguments("pg15/lossy_bitmap_exact_near_miss", Kind.LOSSY_BITMAP),
                arguments("pg15/heap_fetches_vacuumed_near_miss", Kind.HEAP_FETCHES),
                arguments("pg15/nested_loop_near_miss", Kind.NESTED_LOOP_UNDERESTIMATE),
                arguments("pg15/nested_loop_underestimate_fixed", Kind.NESTED_LOOP_UNDERESTIMATE),
                arguments("pg15/order_by_limit_near_miss", Kind.ORDER_BY_LIMIT_WRONG_INDEX),
                arguments("pg15/non_sargable_range_near_miss", Kind.NON_SARGABLE),
                arguments("pg15/non_sargable_unselective_near_miss", Kind.NON_SARGABLE),
                arguments("pg15/large_offset_near_miss", Kind.LARGE_OFFSET),
                arguments("pg15/sort_top_n_near_miss", Kind.LARGE_OFFSET),
                arguments("pg15/correlated_subplan_near_miss", Kind.CORRELATED_SUBPLAN),
                arguments("pg15/hashed_subplan_near_miss", Kind.CORRELATED_SUBPLAN),
                arguments("pg15/workers_launched_near_miss", Kind.WORKERS_NOT_LAUNCHED),
                arguments("pg15/jit_near_miss", Kind.JIT_DOMINATES),
                arguments("pg15/missing_index", Kind.PLANNING_DOMINATES),
                arguments("pg15/hot_join_all_rows_near_miss", Kind.SCHEMA_JOIN_HOT_PATH),
                arguments("pg15/non_sargable_or_join", Kind.SCHEMA_JOIN_HOT_PATH),
                arguments("handwritten/pg16_update_join_near_miss", Kind.SCHEMA_JOIN_HOT_PATH));
    }

    @ParameterizedTest(name = "{0} triggers {1}")
    @MethodSource("triggers")
    void triggers(String fixture, Kind kind, String path) {
        for (String file : files(fixture)) {
            List<String> paths = Fixtures.of(file, kind).stream().map(d -> d.node().map(NodeRef::path).orElse(""))
                    .toList();
            assertThat(paths).as(file).contains(path);
        }
    }

    @ParameterizedTest(name = "{0} does not trigger {1}")
    @MethodSource("nearMisses")
    void nearMisses(String fixture, Kind kind) {
        for (String file : files(fixture)) {
            assertThat(Fixtures.of(file, kind)).as(file).isEmpty();
        }
    }

    @Test
    void everyRuleHasATriggerAndANearMiss() {
        Set<Kind> triggered = triggers().map(a -> (Kind) a.get()[1]).collect(Collectors.toSet());
        Set<Kind> missed = nearMisses().map(a -> (Kind) a.get()[1]).collect(Collectors.toSet());
        Set<Kind> all = EnumSet.allOf(Kind.class);
        assertThat(triggered).containsExactlyInAnyOrderElementsOf(all);
        assertThat(missed).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void kindIdsAreStableKebabCase() {
        assertThat(Arrays.stream(Kind.values()).map(Kind::id)).contains("missing-index", "order-by-limit-wrong-index",
                "schema-join-hot-path").allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        assertThat(Kind.byId("sort-spill")).contains(Kind.SORT_SPILL);
        assertThat(Kind.byId("nope")).isEmpty();
    }

    /** The JSON and text forms of a captured fixture; hand-written ones exist in one form. */
    private static List<String> files(String fixture) {
        return Stream.of(".json", ".txt").map(ext -> fixture + ext)
                .filter(f -> Fixtures.root().resolve("diagnose").resolve(f).toFile().exists()).toList();
    }
}
