package io.accesspath.core.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.advise.WhatIf.IndexCandidate;
import io.accesspath.core.advise.WhatIf.WorkloadQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AdvisorTest {
    private static final double[] FRACTIONS = {0.05, 0.10, 0.25, 0.50, 1.00};

    private static IndexCandidate index(String id, long size) {
        return new IndexCandidate(id, null, List.of("c"), size, null, 0, false);
    }

    private static IndexCandidate index(String id, long size, double writeCost) {
        return new IndexCandidate(id, null, List.of("c"), size, null, writeCost, false);
    }

    private static IndexCandidate existing(String id, String table, List<String> columns, long size) {
        return new IndexCandidate(id, table, columns, size, null, 0, true);
    }

    /** A join that needs an index on both sides: either alone is worth nothing. */
    private static CostMatrix join() {
        return CostMatrix.builder(List.of(new WorkloadQuery("join", 1, null), new WorkloadQuery("lookup", 1, null)),
                        List.of(index("a", 50), index("b", 50), index("c", 60)))
                .cost("join", List.of(), 1000).cost("join", List.of("a", "b"), 10)
                .cost("lookup", List.of(), 300).cost("lookup", List.of("c"), 100)
                .build();
    }

    @Test
    void greedyMissesAJoinThatNeedsBothSidesTheAdvisorFindsIt() {
        CostMatrix m = join();
        Advice greedy = Advisor.greedy(m, Budget.storage(100));
        assertThat(greedy.chosen()).containsExactly("c");
        assertThat(greedy.cost()).isEqualTo(1100);

        Advice advice = Advisor.advise(m, Budget.storage(100), Advisor.Options.DEFAULT.heuristicOnly());
        assertThat(advice.chosen()).containsExactlyInAnyOrder("a", "b");
        assertThat(advice.cost()).isEqualTo(310);
        assertThat(advice.relativeCost()).isEqualTo(310.0 / 1300);
        assertThat(MatrixOptimum.solve(m, Budget.storage(100), 1_000_000).cost()).isEqualTo(310);

        Advice proven = Advisor.advise(m, Budget.storage(100));
        assertThat(proven.chosen()).containsExactlyInAnyOrder("a", "b");
        assertThat(proven.optimal()).isTrue();
    }

    @Test
    void indexesWorthLittleAloneButMuchTogetherBeatAHighRatioSingle() {
        CostMatrix m = CostMatrix.builder(List.of(new WorkloadQuery("report", 2, null),
                                new WorkloadQuery("point", 1, null)),
                        List.of(index("d", 40), index("e", 40), index("f", 30)))
                .cost("report", List.of(), 300).cost("report", List.of("d"), 295).cost("report", List.of("e"), 295)
                .cost("report", List.of("d", "e"), 50)
                .cost("point", List.of(), 200).cost("point", List.of("f"), 100)
                .build();
        Advice greedy = Advisor.greedy(m, Budget.storage(80));
        assertThat(greedy.chosen()).containsExactly("f", "d");
        Advice advice = Advisor.advise(m, Budget.storage(80), Advisor.Options.DEFAULT.heuristicOnly());
        assertThat(advice.chosen()).containsExactlyInAnyOrder("d", "e");
        assertThat(advice.cost()).isEqualTo(2 * 50 + 200);
        assertThat(advice.cost()).isEqualTo(MatrixOptimum.solve(m, Budget.storage(80), 1_000_000).cost());
        // individual vs progressive benefit: the second of the pair carries the saving
        Advice.IndexBenefit first = advice.indexes().get(0);
        Advice.IndexBenefit second = advice.indexes().get(1);
        assertThat(first.individualBenefit()).isEqualTo(10);
        assertThat(first.progressiveBenefit()).isEqualTo(10);
        assertThat(second.individualBenefit()).isEqualTo(10);
        assertThat(second.progressiveBenefit()).isEqualTo(490);
        assertThat(second.costAfter()).isEqualTo(advice.cost());
    }

    @Test
    void aLargeIndexThatSavesMostBeatsSmallOnesWithABetterRatio() {
        CostMatrix m = CostMatrix.builder(List.of(new WorkloadQuery("big", 1, null), new WorkloadQuery("small", 1, null)),
                        List.of(index("g", 100), index("h", 1)))
                .cost("big", List.of(), 1100).cost("big", List.of("g"), 100)
                .cost("small", List.of(), 30).cost("small", List.of("h"), 10)
                .build();
        assertThat(Advisor.greedy(m, Budget.storage(100)).chosen()).containsExactly("h");
        assertThat(Advisor.advise(m, Budget.storage(100), Advisor.Options.DEFAULT.heuristicOnly()).chosen())
                .containsExactly("g");
    }

    @Test
    void randomizedMatricesReach99PercentOfTheOptimalSavingAtEveryBudget() {
        int cases = 0;
        double worst = 1;
        for (long seed = 1; seed <= 40; seed++) {
            Random r = new Random(seed);
            CostMatrix m = RandomMatrices.generate(seed, 6 + r.nextInt(15), 10 + r.nextInt(25), r.nextInt(3));
            long total = RandomMatrices.totalSize(m);
            for (double f : FRACTIONS) {
                Budget budget = Budget.storage((long) (f * total));
                MatrixOptimum.Result opt = MatrixOptimum.solve(m, budget, 50_000_000);
                assertThat(opt.complete()).isTrue();
                Advice heuristic = Advisor.advise(m, budget, Advisor.Options.DEFAULT.heuristicOnly());
                double optSaving = heuristic.noIndexCost() - opt.cost();
                double saving = heuristic.noIndexCost() - heuristic.cost();
                assertThat(heuristic.sizeBytes()).isLessThanOrEqualTo(budget.storageBytes());
                assertThat(heuristic.cost()).as("seed %d budget %.2f", seed, f)
                        .isGreaterThanOrEqualTo(opt.cost() - 1e-6 * heuristic.noIndexCost());
                assertThat(saving).as("seed %d budget %.2f: heuristic %s vs optimum %s", seed, f,
                        heuristic.chosen(), opt.chosen()).isGreaterThanOrEqualTo(0.99 * optSaving);
                if (optSaving > 0) {
                    worst = Math.min(worst, saving / optSaving);
                }
                Advice advice = Advisor.advise(m, budget);
                if (advice.optimal()) {
                    assertThat(advice.cost()).as("seed %d budget %.2f", seed, f)
                            .isCloseTo(opt.cost(), org.assertj.core.data.Offset.offset(1e-6 * advice.noIndexCost()));
                }
                cases++;
            }
        }
        assertThat(cases).isEqualTo(200);
        System.out.printf("worst heuristic saving / optimal saving over %d cases: %.4f%n", cases, worst);
    }

    @Test
    void branchAndBoundOverTheWhatIfAgreesWithTheMatrixOptimum() {
        for (long seed = 100; seed < 120; seed++) {
            CostMatrix m = RandomMatrices.generate(seed, 8, 14, 0);
            long total = RandomMatrices.totalSize(m);
            for (double f : FRACTIONS) {
                Budget budget = Budget.storage((long) (f * total));
                Advice exact = Advisor.exact(m, budget, 10_000_000);
                assertThat(exact.optimal()).isTrue();
                assertThat(exact.cost()).as("seed %d budget %.2f", seed, f).isCloseTo(
                        MatrixOptimum.solve(m, budget, 50_000_000).cost(),
                        org.assertj.core.data.Offset.offset(1e-6 * exact.noIndexCost()));
            }
        }
    }

    @Test
    void theWriteBudgetLimitsTheSumOfWriteCosts() {
        CostMatrix m = CostMatrix.builder(List.of(new WorkloadQuery("q1", 1, null), new WorkloadQuery("q2", 1, null)),
                        List.of(index("hot", 10, 100), index("cool", 10, 5), index("warm", 10, 40)))
                .cost("q1", List.of(), 1000).cost("q1", List.of("hot"), 100).cost("q1", List.of("cool"), 400)
                .cost("q2", List.of(), 500).cost("q2", List.of("warm"), 100)
                .build();
        assertThat(Advisor.advise(m, Budget.storage(1000)).chosen()).containsExactlyInAnyOrder("hot", "warm");
        Advice limited = Advisor.advise(m, Budget.storage(1000).withWriteCost(50));
        assertThat(limited.chosen()).containsExactlyInAnyOrder("cool", "warm");
        assertThat(limited.writeCost()).isEqualTo(45);
        Advice tight = Advisor.advise(m, Budget.storage(1000).withWriteCost(4));
        assertThat(tight.chosen()).isEmpty();
        for (long seed = 200; seed < 215; seed++) {
            CostMatrix r = RandomMatrices.generate(seed, 12, 20, 0);
            double writes = r.candidates().stream().mapToDouble(IndexCandidate::writeCost).sum();
            Budget budget = Budget.storage(RandomMatrices.totalSize(r) / 2).withWriteCost(writes / 4);
            Advice a = Advisor.advise(r, budget);
            assertThat(a.writeCost()).isLessThanOrEqualTo(writes / 4 + 1e-9);
            MatrixOptimum.Result opt = MatrixOptimum.solve(r, budget, 50_000_000);
            assertThat(a.noIndexCost() - a.cost()).isGreaterThanOrEqualTo(0.99 * (a.noIndexCost() - opt.cost()));
        }
    }

    @Test
    void existingIndexesAreKeptOrProposedForRemovalWithTheReason() {
        CostMatrix m = CostMatrix.builder(
                        List.of(new WorkloadQuery("by_customer", 10, null), new WorkloadQuery("by_status", 1, null)),
                        List.of(existing("old_customer", "orders", List.of("customer_id"), 100),
                                existing("zz_dup_customer", "orders", List.of("customer_id", "placed_at"), 120),
                                existing("unused_coupon", "orders", List.of("coupon"), 80),
                                existing("status_idx", "orders", List.of("status"), 90),
                                new IndexCandidate("new_customer_placed", "orders", List.of("customer_id", "placed_at"),
                                        120, "CREATE INDEX new_customer_placed ON orders (customer_id, placed_at)", 0,
                                        false)))
                .cost("by_customer", List.of(), 5000).cost("by_customer", List.of("old_customer"), 50)
                .cost("by_customer", List.of("zz_dup_customer"), 20)
                .cost("by_customer", List.of("new_customer_placed"), 20)
                .cost("by_status", List.of(), 3000).cost("by_status", List.of("status_idx"), 2000)
                .build();
        Advice a = Advisor.advise(m, Budget.storage(150));
        assertThat(a.baselineCost()).isEqualTo(10 * 20 + 2000);
        assertThat(a.chosen()).containsExactly("zz_dup_customer");
        Set<String> dropped = new TreeSet<>(a.drop());
        assertThat(dropped).containsExactly("old_customer", "status_idx", "unused_coupon");
        assertThat(a.removals()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("unused_coupon");
            assertThat(r.reason()).isEqualTo(Advice.Reason.UNUSED);
        });
        assertThat(a.removals()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("old_customer");
            assertThat(r.reason()).isEqualTo(Advice.Reason.REDUNDANT);
            assertThat(r.redundantWith()).isEqualTo("zz_dup_customer");
        });
        assertThat(a.removals()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("status_idx");
            assertThat(r.reason()).isEqualTo(Advice.Reason.BUDGET);
            assertThat(r.lostBenefit()).isEqualTo(1000);
        });
        // the existing index is preferred to creating an identical new one: no new index, same cost
        assertThat(a.create()).isEmpty();
        assertThat(a.cost()).isEqualTo(10 * 20 + 3000);
        assertThat(AdviceReport.text(a)).contains("DROP INDEX CONCURRENTLY unused_coupon;")
                .contains("unused: no query of the workload gets cheaper with it");

        Advice roomy = Advisor.advise(m, Budget.storage(1000));
        assertThat(roomy.chosen()).containsExactlyInAnyOrder("zz_dup_customer", "status_idx");
        assertThat(roomy.relativeCost()).isEqualTo(1.0);
    }

    @Test
    void aDuplicateOfAChosenNewIndexIsNamedAsSuch() {
        CostMatrix m = CostMatrix.builder(List.of(new WorkloadQuery("q", 1, null)),
                        List.of(existing("old", "t", List.of("a"), 100),
                                new IndexCandidate("wide", "t", List.of("a", "b"), 60, null, 0, false),
                                new IndexCandidate("same", "t", List.of("a"), 40, null, 0, false)))
                .cost("q", List.of(), 1000).cost("q", List.of("old"), 100).cost("q", List.of("same"), 100)
                .cost("q", List.of("wide"), 10)
                .build();
        Advice a = Advisor.advise(m, Budget.storage(100));
        assertThat(a.chosen()).containsExactly("wide");
        assertThat(a.removals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Advice.Reason.REDUNDANT);
            assertThat(r.redundantWith()).isEqualTo("wide");
        });
        Advice b = Advisor.advise(m, Budget.storage(140));
        assertThat(b.chosen()).containsExactly("wide");
        CostMatrix dup = CostMatrix.builder(List.of(new WorkloadQuery("q", 1, null), new WorkloadQuery("r", 1, null)),
                        List.of(existing("old", "t", List.of("a"), 100),
                                new IndexCandidate("same", "t", List.of("a"), 40, null, 0, false)))
                .cost("q", List.of(), 1000).cost("q", List.of("old"), 100).cost("q", List.of("same"), 100)
                .cost("r", List.of(), 10)
                .build();
        Advice c = Advisor.advise(dup, Budget.storage(60));
        assertThat(c.chosen()).containsExactly("same");
        assertThat(c.removals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Advice.Reason.DUPLICATE);
            assertThat(r.redundantWith()).isEqualTo("same");
        });
    }

    @Test
    void theOutputIsDeterministicWhateverTheCandidateOrder() {
        for (long seed = 300; seed < 310; seed++) {
            CostMatrix m = RandomMatrices.generate(seed, 12, 24, 2);
            List<IndexCandidate> shuffled = new ArrayList<>(m.candidates());
            Collections.shuffle(shuffled, new Random(seed));
            CostMatrix.Builder b = CostMatrix.builder(m.queries(), shuffled);
            List<CostMatrix.Recorded> costs = new ArrayList<>(m.costs());
            Collections.shuffle(costs, new Random(seed + 1));
            costs.forEach(c -> b.cost(c.query(), c.indexes(), c.cost()));
            CostMatrix other = b.build();
            Budget budget = Budget.storage(RandomMatrices.totalSize(m) / 4);
            String first = AdviceReport.json(Advisor.advise(m, budget));
            assertThat(AdviceReport.json(Advisor.advise(m, budget))).isEqualTo(first);
            assertThat(AdviceReport.json(Advisor.advise(other, budget))).isEqualTo(first);
            assertThat(AdviceReport.text(Advisor.advise(other, budget)))
                    .isEqualTo(AdviceReport.text(Advisor.advise(m, budget)));
        }
    }

    @Test
    void aZeroBudgetChoosesNothingAndDropsEveryExistingIndex() {
        CostMatrix m = RandomMatrices.generate(7, 10, 15, 3);
        Advice a = Advisor.advise(m, Budget.storage(0));
        assertThat(a.chosen()).isEmpty();
        assertThat(a.drop()).hasSize(3);
        assertThat(a.cost()).isEqualTo(a.noIndexCost());
    }

    @Test
    void whatIfCallsAreCountedAndStayWithinTheDistinctRelevantQuestions() {
        CostMatrix m = RandomMatrices.generate(11, 15, 30, 0);
        Advice a = Advisor.advise(m, Budget.storage(RandomMatrices.totalSize(m) / 4));
        long distinct = 0;
        for (WorkloadQuery q : m.queries()) {
            distinct += 1L << Math.min(40, m.relevant(q.id()).size());
        }
        assertThat(a.whatIfCalls()).isPositive().isLessThanOrEqualTo(distinct);
        long before = m.calls();
        CachingWhatIf cache = new CachingWhatIf(m);
        Advice viaCache = Advisor.advise(cache, Budget.storage(RandomMatrices.totalSize(m) / 4));
        assertThat(viaCache.whatIfCalls()).isEqualTo(cache.calls()).isEqualTo(m.calls() - before)
                .isEqualTo(a.whatIfCalls());
    }

    @Test
    void aRecordedRunReplaysToTheSameAdvice() {
        CostMatrix live = RandomMatrices.generate(21, 12, 20, 1);
        RecordingWhatIf recording = new RecordingWhatIf(live);
        Budget budget = Budget.storage(RandomMatrices.totalSize(live) / 3);
        Advice first = Advisor.advise(recording, budget);
        long asked = live.calls();
        CostMatrix recorded = CostMatrix.parse(recording.matrix().toJson(), "recorded.json");
        assertThat(live.calls()).as("the empty sets were asked already").isEqualTo(asked);
        assertThat(recorded.costs()).hasSize((int) first.whatIfCalls());
        Advice replay = Advisor.advise(recorded, budget);
        assertThat(replay.chosen()).isEqualTo(first.chosen());
        assertThat(replay.cost()).isEqualTo(first.cost());
        assertThat(replay.whatIfCalls()).isEqualTo(first.whatIfCalls());

        RecordingWhatIf idle = new RecordingWhatIf(live);
        long before = live.calls();
        CostMatrix empty = idle.matrix();
        assertThat(live.calls() - before).isEqualTo(live.queries().size());
        assertThat(empty.costs()).allSatisfy(c -> assertThat(c.indexes()).isEmpty());
    }

    @Test
    void theShippedMatricesReachTheOptimumAtEveryBudgetWhereGreedyFallsShort() {
        boolean greedyShort = false;
        for (String name : List.of("shop.json", "warehouse.json")) {
            CostMatrix m = CostMatrix.read(java.nio.file.Path.of("src/test/resources/advise", name));
            long total = RandomMatrices.totalSize(m);
            for (double f : FRACTIONS) {
                Budget budget = Budget.storage((long) (f * total));
                MatrixOptimum.Result opt = MatrixOptimum.solve(m, budget, 50_000_000);
                Advice a = Advisor.advise(m, budget, Advisor.Options.DEFAULT.heuristicOnly());
                Advice g = Advisor.greedy(m, budget);
                double optSaving = a.noIndexCost() - opt.cost();
                assertThat(a.noIndexCost() - a.cost()).as("%s at %.0f%%", name, 100 * f)
                        .isGreaterThanOrEqualTo(0.99 * optSaving);
                greedyShort |= a.noIndexCost() - g.cost() < 0.99 * optSaving;
            }
        }
        assertThat(greedyShort).as("greedy falls short somewhere").isTrue();
    }

    @Test
    void anExhaustiveRecordingAnswersLikeItsSourceForSetsUpToItsSize() {
        CostMatrix source = RandomMatrices.generate(31, 10, 16, 1);
        CostMatrix recorded = RecordingWhatIf.exhaustive(source, 3);
        Random r = new Random(31);
        List<String> ids = source.candidates().stream().map(IndexCandidate::id).toList();
        for (int k = 0; k < 500; k++) {
            Set<String> config = new TreeSet<>();
            for (String id : ids) {
                if (r.nextInt(3) == 0) {
                    config.add(id);
                }
            }
            for (WorkloadQuery q : source.queries()) {
                assertThat(recorded.cost(q.id(), config)).isEqualTo(source.cost(q.id(), config));
            }
        }
        Budget budget = Budget.storage(RandomMatrices.totalSize(source) / 4);
        assertThat(Advisor.advise(recorded, budget).chosen()).isEqualTo(Advisor.advise(source, budget).chosen());
    }

    @Test
    void aTripleThatOnlyPaysTogetherIsFoundWithinTheBudgetWhereABiggerOneIsCheaper() {
        CostMatrix m = CostMatrix.builder(List.of(new WorkloadQuery("star", 1, null)),
                        List.of(index("a", 1), index("b", 1), index("c", 1), index("d", 100)))
                .cost("star", List.of(), 1000).cost("star", List.of("a", "b", "c"), 10)
                .cost("star", List.of("b", "c", "d"), 5)
                .build();
        Advice a = Advisor.advise(m, Budget.storage(50), Advisor.Options.DEFAULT.heuristicOnly());
        assertThat(a.chosen()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(Advisor.greedy(m, Budget.storage(50)).chosen()).isEmpty();
        assertThat(Advisor.advise(m, Budget.storage(200), Advisor.Options.DEFAULT.heuristicOnly()).chosen())
                .containsExactlyInAnyOrder("b", "c", "d");
    }
}
