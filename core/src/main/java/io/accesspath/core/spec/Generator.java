package io.accesspath.core.spec;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Seed-data knobs for one attribute. Every field is optional: the seed generator infers a
 * sensible default from the logical type and the attribute's name.
 *
 * @param distribution uniform, normal, lognormal, exponential or zipf (numbers and dates)
 * @param mean         the mean of normal / lognormal / exponential distributions
 * @param stddev       the standard deviation of normal / lognormal distributions
 * @param min          the smallest value generated (overrides the check's min for generation)
 * @param max          the largest value generated
 * @param faker        a Datafaker expression such as {@code #{commerce.productName}}
 * @param nullRatio    the share of rows left NULL (optional attributes only)
 * @param after        another timestamp/date attribute of the same entity this value comes after
 * @param sumOf        {@code relationship.attribute}: this value is the sum of the children's
 *                     attribute (order total = sum of its lines)
 * @param distinct     how many distinct values to draw from (cardinality), if not all different
 */
public record Generator(Optional<String> distribution, OptionalDouble mean, OptionalDouble stddev,
                        Optional<BigDecimal> min, Optional<BigDecimal> max, Optional<String> faker,
                        OptionalDouble nullRatio, Optional<String> after, Optional<String> sumOf,
                        java.util.OptionalLong distinct) {
    public static final Generator DEFAULT = new Generator(Optional.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
            Optional.empty(), Optional.empty(), java.util.OptionalLong.empty());
}
