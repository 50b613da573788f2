package io.accesspath.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionTextTest {
    @Test
    void stripsOnlyParenthesesAroundTheWhole() {
        assertThat(ExpressionText.stripOuterParentheses("(a + 1)")).isEqualTo("a + 1");
        assertThat(ExpressionText.stripOuterParentheses("(a) + (b)")).isEqualTo("(a) + (b)");
        assertThat(ExpressionText.stripOuterParentheses("lower(a)")).isEqualTo("lower(a)");
        assertThat(ExpressionText.stripOuterParentheses("(a = ')')")).isEqualTo("a = ')'");
        assertThat(ExpressionText.stripOuterParentheses("(\"(\" || ')''(')")).isEqualTo("\"(\" || ')''('");
    }

    @Test
    void checkBodyDropsTheWrapperAndSuffixes() {
        assertThat(ExpressionText.checkBody("CHECK (price > 0::numeric)")).isEqualTo("price > 0::numeric");
        assertThat(ExpressionText.checkBody("CHECK (a > 0) NOT VALID")).isEqualTo("a > 0");
        assertThat(ExpressionText.checkBody("CHECK (s <> ')'::text)")).isEqualTo("s <> ')'::text");
    }
}
