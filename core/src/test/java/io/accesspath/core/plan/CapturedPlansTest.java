package io.accesspath.core.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real plans captured from PostgreSQL 15, 17 and 18 (see src/test/plans/capture.sh): every
 * JSON plan is written back byte for byte, and the text plan of the same statement gives the
 * same tree with the same values for every field both formats have.
 */
class CapturedPlansTest {

    static Stream<String> pairs() {
        return Corpus.capturedPairs();
    }

    static Stream<String> jsonFiles() {
        return Corpus.jsonFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonFiles")
    void jsonIsWrittenBackUnchanged(String file) {
        String json = Corpus.read(file).stripTrailing();

        Plan plan = PlanParser.parse(json, file);

        assertThat(PlanJson.write(plan)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void textGivesTheJsonTree(String pair) {
        Plan json = PlanParser.parse(Corpus.read(pair + ".json"), pair + ".json");
        Plan text = PlanParser.parse(Corpus.read(pair + ".txt"), pair + ".txt");

        boolean parallel = json.nodes().anyMatch(n -> n.nodeType().startsWith("Gather"));
        assertThat(PlanDiff.compare(text, json, parallel ? Set.of("Sort Space Used") : Set.of())).isEmpty();
        Set<String> unseen = new HashSet<>(TEXT_NEVER_SHOWS);
        if (text.nodes().allMatch(n -> n.buffers().isEmpty())) {
            unseen.addAll(BUFFER_FIELDS);
        }
        assertThat(PlanDiff.missingInText(text, json)).isSubsetOf(unseen);
    }

    /** Counters a plan whose nodes touched no buffer cannot show in text, although BUFFERS was on. */
    static final Set<String> BUFFER_FIELDS = Set.of("Planning", "Shared Hit Blocks", "Shared Read Blocks",
            "Shared Dirtied Blocks", "Shared Written Blocks", "Local Hit Blocks", "Local Read Blocks",
            "Local Dirtied Blocks", "Local Written Blocks", "Temp Read Blocks", "Temp Written Blocks");

    /** JSON fields the text format leaves out, or shows only when they are true or nonzero. */
    static final Set<String> TEXT_NEVER_SHOWS = Set.of("Inner Unique", "Disabled", "WAL Buffers Full");
}
