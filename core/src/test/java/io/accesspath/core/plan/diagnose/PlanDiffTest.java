package io.accesspath.core.plan.diagnose;

import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanParser;
import io.accesspath.core.plan.diagnose.PlanComparison.Change;
import io.accesspath.core.plan.diagnose.PlanComparison.ChangeKind;
import io.accesspath.core.plan.diagnose.PlanComparison.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparisons of real plans before and after a fix (captured in the same database). */
class PlanDiffTest {

    private static PlanComparison compare(String before, String after) {
        return PlanDiff.compare(Fixtures.plan(before), Fixtures.plan(after));
    }

    private static List<ChangeKind> kinds(PlanComparison c) {
        return c.changes().stream().map(Change::kind).toList();
    }

    @Test
    void anIndexTurnsTheSeqScanIntoAnIndexScanAndResolvesTheDiagnosis() {
        PlanComparison c = compare("pg15/missing_index.json", "pg15/missing_index_fixed.json");

        assertThat(c.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(c.basis()).isEqualTo("execution time");
        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.kind()).isEqualTo(ChangeKind.ACCESS_METHOD);
            assertThat(ch.subject()).isEqualTo("payments");
            assertThat(ch.description()).startsWith("payments: Seq Scan -> Bitmap Heap Scan (");
            assertThat(ch.beforeNode().orElseThrow().path()).isEqualTo("0");
        });
        assertThat(c.resolved()).extracting(Diagnosis::kind).containsExactly(Kind.MISSING_INDEX);
        assertThat(c.introduced()).isEmpty();
        assertThat(c.before().sharedHit()).hasValue(2_500);
    }

    @Test
    void statisticsChangeTheJoinMethodAndFixTheEstimateEvenWhenTheResultIsSlower() {
        PlanComparison c = compare("pg15/nested_loop_underestimate.json", "pg15/nested_loop_underestimate_fixed.json");

        assertThat(kinds(c)).containsExactlyInAnyOrder(ChangeKind.JOIN_METHOD, ChangeKind.ACCESS_METHOD,
                ChangeKind.ESTIMATE_FIXED);
        assertThat(c.changes()).filteredOn(ch -> ch.kind() == ChangeKind.JOIN_METHOD).singleElement()
                .satisfies(ch -> assertThat(ch.description()).startsWith(
                        "join of customers c, orders o: Nested Loop -> Hash Join ("));
        assertThat(c.resolved()).extracting(Diagnosis::kind)
                .containsExactlyInAnyOrder(Kind.MISESTIMATE, Kind.NESTED_LOOP_UNDERESTIMATE);
        // measured: on a warm cache the hash join over all of orders lost to the loop it replaced
        assertThat(c.verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void aSpillThatIsGoneIsReportedWithItsTemporaryBlocks() {
        PlanComparison c = compare("pg15/sort_spill.json", "pg15/sort_spill_fixed.json");

        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.kind()).isEqualTo(ChangeKind.SPILL_REMOVED);
            assertThat(ch.description()).startsWith("Sort by total DESC, id: external merge, 27.3 MB on disk -> in memory");
        });
        assertThat(c.before().tempBlocks()).hasValue(21_036);
        assertThat(c.after().tempBlocks()).hasValue(0);
        assertThat(c.resolved()).extracting(Diagnosis::kind).containsExactly(Kind.SORT_SPILL);
    }

    @Test
    void nodesAreMatchedByWhatTheyReadNotByWhereTheyAre() {
        // the customers scan is the root of one plan and the outer side of a join in the other,
        // under another alias; the orders scan exists only in the second
        PlanComparison c = compare("pg15/misestimate_correlated.json", "pg15/nested_loop_underestimate.json");

        assertThat(kinds(c)).contains(ChangeKind.SCAN_ADDED).doesNotContain(ChangeKind.ACCESS_METHOD);
        assertThat(c.changes()).filteredOn(ch -> ch.kind() == ChangeKind.SCAN_ADDED).singleElement()
                .satisfies(ch -> assertThat(ch.subject()).isEqualTo("orders o"));
        assertThat(c.resolved()).extracting(Diagnosis::kind).doesNotContain(Kind.MISESTIMATE);
    }

    @Test
    void sortsThatDisappearAreReported() {
        PlanComparison c = compare("pg15/sort_spill.json", "pg15/large_offset.json");
        assertThat(kinds(c)).contains(ChangeKind.SORT_REMOVED, ChangeKind.SPILL_REMOVED, ChangeKind.ACCESS_METHOD);
        assertThat(compare("pg15/large_offset.json", "pg15/sort_spill.json").changes())
                .extracting(Change::kind).contains(ChangeKind.SORT_ADDED, ChangeKind.SPILL_ADDED);
    }

    @Test
    void theSameQueryTwiceIsTheSameWithinNoise() {
        PlanComparison c = compare("pg15/hot_join.json", "pg15/hot_join.txt");
        assertThat(c.verdict()).isEqualTo(Verdict.SAME);
        assertThat(c.changes()).isEmpty();
        assertThat(c.resolved()).isEmpty();
        assertThat(c.introduced()).isEmpty();
    }

    @Test
    void plansThatWereNotRunAreComparedByCost() {
        Plan plain = PlanParser.parse(Fixtures.root().resolve("pg15/plain_explain.txt"));
        PlanComparison c = PlanDiff.compare(plain, plain);
        assertThat(c.basis()).isEqualTo("estimated cost");
        assertThat(c.verdict()).isEqualTo(Verdict.SAME);
    }
}
