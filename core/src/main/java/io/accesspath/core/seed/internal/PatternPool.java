package io.accesspath.core.seed.internal;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.iterators.StringIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that match a check's regular expression, made with RgxGen (which Datafaker brings).
 * PostgreSQL's POSIX classes ({@code [:digit:]}, {@code [:space:]}, ...) are translated first;
 * every value is checked with Java's regex engine and against the length limits, and only values
 * that pass are kept.
 */
final class PatternPool {
    private static final int SAMPLES = 512;
    private static final int ATTEMPTS = 4096;
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("[:digit:]", "0-9"), Map.entry("[:alpha:]", "a-zA-Z"), Map.entry("[:alnum:]", "a-zA-Z0-9"),
            Map.entry("[:upper:]", "A-Z"), Map.entry("[:lower:]", "a-z"), Map.entry("[:space:]", " \\t\\n\\r"),
            Map.entry("[:xdigit:]", "0-9a-fA-F"), Map.entry("[:punct:]", "!-/:-@\\[-`{-~"),
            Map.entry("[:word:]", "a-zA-Z0-9_"), Map.entry("[:blank:]", " \\t"));

    private PatternPool() {
    }

    /** The pattern with POSIX character classes in Java's spelling. */
    static String javaPattern(String posix) {
        String out = posix;
        for (Map.Entry<String, String> e : POSIX.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * Up to {@code size} distinct values matching {@code pattern} with a length in [min, max];
     * empty when the pattern cannot be generated or no value fits.
     *
     * @param unique take values in RgxGen's unique order (needed when they must all differ)
     */
    static Optional<List<String>> values(String pattern, int min, int max, int size, boolean unique, long seed) {
        String javaPattern = javaPattern(pattern);
        Pattern check;
        RgxGen gen;
        try {
            check = Pattern.compile(javaPattern);
            gen = RgxGen.parse(javaPattern);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        try {
            if (unique) {
                StringIterator it = gen.iterateUnique();
                for (int i = 0; i < size * 4 && out.size() < size && it.hasNext(); i++) {
                    keep(it.next(), check, min, max, out);
                }
            } else {
                Random random = new Random(seed);
                for (int i = 0; i < ATTEMPTS && out.size() < Math.min(size, SAMPLES); i++) {
                    keep(gen.generate(random), check, min, max, out);
                }
            }
        } catch (RuntimeException e) {
            return out.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(out));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(out));
    }

    private static void keep(String v, Pattern check, int min, int max, Set<String> out) {
        if (v.length() >= min && v.length() <= max && check.matcher(v).find()) {
            out.add(v);
        }
    }
}
