package io.accesspath.core.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostMatrixTest {
    private static final String SMALL = """
            {
              "queries": [{"id": "q1", "weight": 2}, {"id": "q2", "weight": 1}],
              "indexes": [
                {"id": "a", "table": "t", "columns": ["x"], "sizeBytes": 100},
                {"id": "b", "columns": ["y"], "sizeBytes": 200},
                {"id": "c", "table": "u", "columns": ["z"], "sizeBytes": 50}
              ],
              "costs": [
                {"query": "q1", "indexes": [], "cost": 1000},
                {"query": "q1", "indexes": ["a"], "cost": 500},
                {"query": "q1", "indexes": ["b"], "cost": 700},
                {"query": "q1", "indexes": ["a", "b"], "cost": 100},
                {"query": "q1", "indexes": ["a", "b", "c"], "cost": 150},
                {"query": "q2", "indexes": [], "cost": 80},
                {"query": "q2", "indexes": ["c"], "cost": 5}
              ]
            }
            """;

    private static CostMatrix small() {
        return CostMatrix.parse(SMALL, "small.json");
    }

    @Test
    void aQueryCostsTheLowestRecordedCostContainedInTheConfiguration() {
        CostMatrix m = small();
        assertThat(m.cost("q1", Set.of())).isEqualTo(1000);
        assertThat(m.cost("q1", Set.of("a"))).isEqualTo(500);
        assertThat(m.cost("q1", Set.of("b"))).isEqualTo(700);
        assertThat(m.cost("q1", Set.of("a", "c"))).isEqualTo(500);
        assertThat(m.cost("q1", Set.of("a", "b"))).isEqualTo(100);
        // {a,b} is contained in {a,b,c} and cheaper than the recorded 150: the lowest wins
        assertThat(m.cost("q1", Set.of("a", "b", "c"))).isEqualTo(100);
        assertThat(m.cost("q2", Set.of("a", "b"))).isEqualTo(80);
        assertThat(m.cost("q2", Set.of("c"))).isEqualTo(5);
        assertThat(m.calls()).isEqualTo(8);
    }

    @Test
    void relevantIndexesAreThoseTheQuerysCostsMention() {
        CostMatrix m = small();
        assertThat(m.relevant("q1")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(m.relevant("q2")).containsExactly("c");
    }

    @Test
    void unknownIdsAreProgrammingErrors() {
        CostMatrix m = small();
        assertThatThrownBy(() -> m.cost("q9", Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.cost("q1", Set.of("zz"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionalAndUnknownFieldsAreReadAndKeptOnTheWayOut(@TempDir Path dir) throws Exception {
        String text = """
                {"version": 3, "source": {"db": "tpch", "scale": 1},
                 "queries": [{"id": "q1", "weight": 1.5, "sql": "SELECT 1", "calls": 42}],
                 "indexes": [{"id": "a", "table": "t", "columns": ["x", "y"], "sizeBytes": 8192, "writeCost": 2.5,
                              "existing": true, "ddl": "CREATE INDEX a ON t (x, y)", "method": "btree"}],
                 "costs": [{"query": "q1", "indexes": [], "cost": 10, "plan": "Seq Scan"},
                           {"query": "q1", "indexes": ["a"], "cost": 2.25}]}
                """;
        CostMatrix m = CostMatrix.parse(text, "x.json");
        WhatIf.IndexCandidate a = m.candidates().get(0);
        assertThat(a.writeCost()).isEqualTo(2.5);
        assertThat(a.existing()).isTrue();
        assertThat(a.ddl()).isEqualTo("CREATE INDEX a ON t (x, y)");
        assertThat(m.queries().get(0).sql()).isEqualTo("SELECT 1");
        Path out = dir.resolve("sub/out.json");
        m.write(out);
        CostMatrix again = CostMatrix.read(out);
        assertThat(again.toJson()).isEqualTo(m.toJson());
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.path("version").asInt()).isEqualTo(3);
        assertThat(json.path("source").path("db").asText()).isEqualTo("tpch");
        assertThat(json.path("queries").get(0).path("calls").asInt()).isEqualTo(42);
        assertThat(json.path("indexes").get(0).path("method").asText()).isEqualTo("btree");
        assertThat(json.path("costs").get(0).path("plan").asText()).isEqualTo("Seq Scan");
        assertThat(json.path("costs").get(1).path("cost").asDouble()).isEqualTo(2.25);
        // one item per line: a recorded matrix has thousands of costs
        assertThat(Files.readAllLines(out)).contains(
                "    {\"query\":\"q1\",\"indexes\":[\"a\"],\"cost\":2.25}");
    }

    @Test
    void theShippedMatricesRoundTrip() throws Exception {
        for (String name : List.of("shop.json", "warehouse.json")) {
            Path file = Path.of("src/test/resources/advise", name);
            CostMatrix m = CostMatrix.read(file);
            assertThat(CostMatrix.parse(m.toJson(), name).toJson()).isEqualTo(m.toJson());
            assertThat(m.queries()).isNotEmpty();
        }
    }

    private static List<String> problems(String text) {
        try {
            CostMatrix.parse(text, "m.json");
        } catch (UserError e) {
            assertThat(e.exitCode()).isEqualTo(2);
            return e.problems().stream().map(Problem::render).toList();
        }
        throw new AssertionError("expected the matrix to be refused");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThat(problems("{\n  \"queries\": [\n    {\"id\": \"q1\",, }\n  ]\n}"))
                .singleElement().asString().startsWith("m.json:3:17: not valid JSON: Unexpected character (','");
        assertThat(problems("")).singleElement().asString().startsWith("m.json:1:1: the file is empty");
        assertThat(problems("[1, 2]")).singleElement().asString()
                .isEqualTo("m.json:1:1: $: a cost matrix is a JSON object with \"queries\", \"indexes\" and \"costs\"");
    }

    @Test
    void everyProblemIsReportedOnceWithLineColumnAndJsonPath() {
        String text = """
                {
                  "queries": [{"id": "q1", "weight": -1}, {"id": "q1"}, {"weight": 3}],
                  "indexes": [
                    {"id": "a", "columns": "x", "sizeBytes": 10},
                    {"id": "b", "columns": ["x"], "sizeBytes": 1.5},
                    {"id": "c", "columns": ["x"]}
                  ],
                  "costs": [
                    {"query": "q2", "indexes": [], "cost": 1},
                    {"query": "q1", "indexes": ["zz", "c"], "cost": "cheap"},
                    {"query": "q1", "indexes": [], "cost": 5, "query": "q1"}
                  ]
                }
                """;
        List<String> p = problems(text);
        assertThat(p).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        assertThat(p).containsExactly(
                "m.json:2:38: $.queries[0].weight: weight must be a finite number >= 0, not -1",
                "m.json:2:50: $.queries[1].id: duplicate query id 'q1'; the first is $.queries[0]",
                "m.json:2:57: $.queries[2]: missing \"id\"",
                "m.json:4:28: $.indexes[0].columns: columns must be a list of column names, not \"x\"",
                "m.json:5:48: $.indexes[1].sizeBytes: sizeBytes must be a whole number of bytes, not 1.5",
                "m.json:6:5: $.indexes[2]: missing \"sizeBytes\"; the index's size in bytes, e.g. \"sizeBytes\": 8192",
                "m.json:9:15: $.costs[0].query: unknown query 'q2'; declared: q1",
                "m.json:10:33: $.costs[1].indexes[0]: unknown index 'zz'; declared: a, b, c",
                "m.json:10:53: $.costs[1].cost: cost must be a number, not \"cheap\"",
                "m.json:11:47: $.costs[2].query: duplicate key 'query'; the first is at m.json:11:15");
    }

    @Test
    void aQueryWithoutTheEmptySetIsRefusedWithAHint() {
        String text = """
                {"queries": [{"id": "q1", "weight": 1}, {"id": "q2", "weight": 1}],
                 "indexes": [{"id": "a", "columns": ["x"], "sizeBytes": 1}],
                 "costs": [{"query": "q1", "indexes": [], "cost": 1}, {"query": "q2", "indexes": ["a"], "cost": 1}]}
                """;
        assertThat(problems(text)).singleElement().asString().isEqualTo(
                "m.json:1:41: $.queries[1]: query 'q2' has no cost for the empty index set; record {\"query\": \"q2\","
                        + " \"indexes\": [], \"cost\": ...}: its cost with none of the candidates");
    }

    @Test
    void aMissingFileIsAFileError() {
        assertThatThrownBy(() -> CostMatrix.read(Path.of("no/such/matrix.json")))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(4);
                    assertThat(e.getMessage()).isEqualTo("cannot read the cost matrix no/such/matrix.json: no such file");
                });
    }

    @Test
    void theBuilderKeepsTheLowerOfTwoRecordingsAndChecksTheEmptySet() {
        List<WhatIf.WorkloadQuery> qs = List.of(new WhatIf.WorkloadQuery("q", 1, null));
        List<WhatIf.IndexCandidate> is = List.of(new WhatIf.IndexCandidate("a", null, List.of("x"), 1, null, 0, false));
        CostMatrix m = CostMatrix.builder(qs, is).cost("q", List.of(), 9).cost("q", List.of("a"), 5)
                .cost("q", List.of("a"), 4).cost("q", List.of("a"), 6).build();
        assertThat(m.costs()).hasSize(2);
        assertThat(m.cost("q", Set.of("a"))).isEqualTo(4);
        assertThatThrownBy(() -> CostMatrix.builder(qs, is).cost("q", List.of("a"), 5).build())
                .hasMessageContaining("no cost for the empty index set");
        assertThatThrownBy(() -> CostMatrix.builder(qs, is).cost("q", List.of(), 5).cost("q", List.of("b"), 1).build())
                .hasMessageContaining("unknown index b");
    }

    @Test
    void theCacheRestrictsEachQuestionToTheRelevantIndexesAndAsksItOnce() {
        CostMatrix m = small();
        CachingWhatIf cache = new CachingWhatIf(m);
        assertThat(cache.cost("q2", Set.of("a", "c"))).isEqualTo(5);
        assertThat(cache.cost("q2", Set.of("b", "c"))).isEqualTo(5);
        assertThat(cache.cost("q2", Set.of("a", "b", "c"))).isEqualTo(5);
        assertThat(cache.calls()).isEqualTo(1);
        assertThat(m.calls()).isEqualTo(1);
        assertThat(cache.lookups()).isEqualTo(3);
        assertThat(cache.cost("q1", Set.of("a", "b"))).isEqualTo(100);
        assertThat(cache.calls()).isEqualTo(2);
    }

    @Test
    void liveWhatIfsAreRestrictedByTheTablesTheirSqlNames() {
        WhatIf live = new WhatIf() {
            @Override
            public List<WorkloadQuery> queries() {
                return List.of(new WorkloadQuery("join", 1, "SELECT * FROM public.orders o JOIN \"Items\" i ON i.o = o.id"),
                        new WorkloadQuery("opaque", 1, null), new WorkloadQuery("broken", 1, "SELEKT nonsense"));
            }

            @Override
            public List<IndexCandidate> candidates() {
                return List.of(new IndexCandidate("o1", "orders", List.of("a"), 1, null, 0, false),
                        new IndexCandidate("i1", "public.Items", List.of("a"), 1, null, 0, false),
                        new IndexCandidate("c1", "customers", List.of("a"), 1, null, 0, false),
                        new IndexCandidate("n1", null, List.of("a"), 1, null, 0, false));
            }

            @Override
            public double cost(String queryId, Set<String> configuration) {
                return 1;
            }

            @Override
            public long calls() {
                return 0;
            }
        };
        assertThat(live.relevant("join")).containsExactlyInAnyOrder("o1", "n1", "i1");
        assertThat(live.relevant("opaque")).containsExactlyInAnyOrder("o1", "i1", "c1", "n1");
        assertThat(live.relevant("broken")).containsExactlyInAnyOrder("o1", "i1", "c1", "n1");
    }
}
