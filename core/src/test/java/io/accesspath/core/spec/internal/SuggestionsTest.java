package io.accesspath.core.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    @ParameterizedTest
    @CsvSource({"status, status, 0", "stauts, status, 1", "frequncy, frequency, 1", "satus, status, 1",
            "placed_on, placed_at, 2", "'', abc, 3", "abc, '', 3", "ab, ba, 1"})
    void countsEditsWithSwapsOfNeighbours(String a, String b, int distance) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(distance);
    }

    @Test
    void suggestsTheClosestPlausibleName() {
        List<String> names = List.of("id", "status", "placed_at", "customer");
        assertThat(Suggestions.closest("stauts", names)).contains("status");
        assertThat(Suggestions.closest("Status", names)).contains("status");
        assertThat(Suggestions.closest("custmer", names)).contains("customer");
        assertThat(Suggestions.closest("total", names)).isEmpty();
        assertThat(Suggestions.closest("d", names)).isEmpty();
    }

    @Test
    void prefersTheFirstOfEquallyCloseNames() {
        assertThat(Suggestions.closest("cat", List.of("bat", "hat"))).contains("bat");
    }

    @Test
    void listsTheChoicesWhenNoneIsClose() {
        assertThat(Suggestions.oneOf("sideways", List.of("keyset", "offset", "none")))
                .isEqualTo("expected one of keyset, offset, none");
        assertThat(Suggestions.oneOf("ofset", List.of("keyset", "offset", "none"))).isEqualTo("did you mean 'offset'?");
    }
}
