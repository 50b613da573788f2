package io.accesspath.core.plan.diagnose.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers for JSON output: at most three decimals, no trailing zeros, never exponent notation. */
final class Json {
    private Json() {
    }

    static BigDecimal number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
