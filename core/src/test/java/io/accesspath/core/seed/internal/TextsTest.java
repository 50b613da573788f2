package io.accesspath.core.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void tokensOfFixedWidthAreDistinct() {
        int width = Texts.tokenWidth(50_000);
        assertThat(width).isEqualTo(4);
        Set<String> seen = new HashSet<>();
        for (long u = 0; u < 50_000; u++) {
            String t = Texts.token(u, width, false);
            assertThat(t).hasSize(width).matches("[0-9a-z]+");
            assertThat(seen.add(t)).isTrue();
        }
        assertThat(Texts.tokenCapacity(2)).isEqualTo(1296);
        assertThat(Texts.tokenWidth(1296)).isEqualTo(2);
        assertThat(Texts.tokenWidth(1297)).isEqualTo(3);
    }

    @Test
    void truncatesAtAWordBoundary() {
        StringBuilder sb = new StringBuilder("The quick brown fox jumps over the lazy dog");
        Texts.truncate(sb, 20);
        assertThat(sb).hasToString("The quick brown fox");
    }
}
