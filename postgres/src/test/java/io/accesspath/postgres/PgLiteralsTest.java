package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgLiteralsTest {
    @Test
    void doublesSingleQuotes() {
        assertThat(PgLiterals.quote("it's")).isEqualTo("'it''s'");
    }

    @Test
    void backslashesMakeAnEscapeString() {
        assertThat(PgLiterals.quote("a\\b'c")).isEqualTo("E'a\\\\b''c'");
    }

    @Test
    void keepsUnicodeAndNewlines() {
        assertThat(PgLiterals.quote("très\nbien")).isEqualTo("'très\nbien'");
    }

    @Test
    void rejectsNul() {
        assertThatThrownBy(() -> PgLiterals.quote("a\0")).hasMessageContaining("NUL");
    }
}
