package io.accesspath.core.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.advise.WhatIf.IndexCandidate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an existing index counts as a duplicate of a chosen one. */
class ExplanationTest {
    private static IndexCandidate index(String id, String ddl) {
        return new IndexCandidate(id, "product", List.of("search_vector"), 1000, ddl, 0, false);
    }

    @Test
    void theSameIndexUnderAnotherNameIsADuplicate() {
        assertThat(Explanation.sameDefinition(
                index("a", "CREATE INDEX a ON public.product USING gin (search_vector)"),
                index("b", "CREATE INDEX CONCURRENTLY \"b\" ON product USING gin (search_vector);"))).isTrue();
        assertThat(Explanation.sameDefinition(
                index("a", "CREATE INDEX a ON product USING btree (search_vector)"),
                index("b", "CREATE INDEX b ON product (search_vector)"))).isTrue();
    }

    @Test
    void methodPredicateIncludeAndUniquenessMakeADifferentIndex() {
        IndexCandidate plain = index("plain", "CREATE INDEX plain ON product USING gin (search_vector)");
        assertThat(Explanation.sameDefinition(plain,
                index("partial", "CREATE INDEX partial ON product USING gin (search_vector) WHERE active"))).isFalse();
        assertThat(Explanation.sameDefinition(plain,
                index("gist", "CREATE INDEX gist ON product USING gist (search_vector)"))).isFalse();
        assertThat(Explanation.sameDefinition(
                index("u", "CREATE UNIQUE INDEX u ON product (search_vector)"),
                index("n", "CREATE INDEX n ON product (search_vector)"))).isFalse();
        assertThat(Explanation.sameDefinition(
                index("i", "CREATE INDEX i ON product (search_vector) INCLUDE (name)"),
                index("n", "CREATE INDEX n ON product (search_vector)"))).isFalse();
    }

    @Test
    void withoutDdlTableAndColumnsDecide() {
        assertThat(Explanation.sameDefinition(index("a", null), index("b", null))).isTrue();
        assertThat(Explanation.sameDefinition(index("a", null),
                new IndexCandidate("c", "orders", List.of("search_vector"), 1, null, 0, false))).isFalse();
    }
}
