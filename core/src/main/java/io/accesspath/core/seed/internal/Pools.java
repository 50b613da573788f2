package io.accesspath.core.seed.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Pools of realistic values made with Datafaker once per plan (Datafaker costs about ten
 * microseconds a call; a pool of a thousand names costs milliseconds and then serves millions of
 * rows through a fast PRNG). Each pool is seeded from the plan's seed and its name, so pools are
 * the same on every run. Built while planning, on one thread; read-only afterwards.
 */
final class Pools {
    static final int SIZE = 1024;

    private final long seed;
    private final Random random = new Random();
    private final Faker faker = new Faker(Locale.ENGLISH, random);
    private final Map<String, List<String>> cache = new HashMap<>();

    Pools(long seed) {
        this.seed = seed;
    }

    /** Up to {@code size} distinct values of {@code make}, in the order first made. */
    List<String> pool(String name, int size, Function<Faker, String> make) {
        List<String> known = cache.get(name);
        if (known != null) {
            return known;
        }
        random.setSeed(Hashing.derive(seed, "pool:" + name));
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < size * 2 && values.size() < size; i++) {
            String v = make.apply(faker);
            if (v != null && !v.isBlank()) {
                values.add(v.strip());
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values for pool " + name);
        }
        List<String> out = List.copyOf(values);
        cache.put(name, out);
        return out;
    }

    /**
     * Values of a Datafaker expression such as {@code #{commerce.productName}}. A provider written
     * in lower case that Datafaker resolves to a YAML section is retried capitalized
     * ({@code #{Commerce.productName}}), which calls the provider's method.
     *
     * @throws IllegalArgumentException when Datafaker cannot resolve the expression
     */
    List<String> expression(String expression, int size) {
        String resolvable = resolvable(expression);
        return pool("expression:" + expression, size, f -> f.expression(resolvable));
    }

    private String resolvable(String expression) {
        try {
            faker.expression(expression);
            return expression;
        } catch (RuntimeException first) {
            String capitalized = capitalizeProviders(expression);
            try {
                faker.expression(capitalized);
                return capitalized;
            } catch (RuntimeException second) {
                throw new IllegalArgumentException("Datafaker cannot resolve '" + expression + "'", first);
            }
        }
    }

    private static String capitalizeProviders(String expression) {
        StringBuilder sb = new StringBuilder(expression.length());
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            sb.append(c);
            if (c == '{' && i > 0 && expression.charAt(i - 1) == '#' && i + 1 < expression.length()) {
                sb.append(Character.toUpperCase(expression.charAt(++i)));
            }
        }
        return sb.toString();
    }

    List<String> firstNames() {
        return pool("first-names", SIZE, f -> f.name().firstName());
    }

    List<String> lastNames() {
        return pool("last-names", SIZE, f -> f.name().lastName());
    }

    /** Mail domains: the big free providers (most addresses) and company domains. */
    List<String> emailDomains() {
        List<String> out = new ArrayList<>();
        for (String big : List.of("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com")) {
            for (int i = 0; i < 8; i++) {
                out.add(big);
            }
        }
        out.addAll(pool("domains", 200, f -> f.internet().domainName().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    List<String> webDomains() {
        return pool("web-domains", 400, f -> "www." + f.internet().domainName().toLowerCase(Locale.ROOT));
    }

    /** Common English words (nouns, adjectives, materials, colours). */
    List<String> words() {
        return pool("words", SIZE, f -> switch (f.random().nextInt(6)) {
            case 0 -> f.hacker().noun();
            case 1 -> f.hacker().adjective();
            case 2 -> f.commerce().material().toLowerCase(Locale.ROOT);
            case 3 -> f.color().name();
            case 4 -> f.company().buzzword().toLowerCase(Locale.ROOT);
            default -> f.hacker().verb();
        });
    }

    /** English sentences of varied length (full-text search meets real words and stop words). */
    List<String> sentences() {
        return pool("sentences", SIZE * 2, f -> switch (f.random().nextInt(5)) {
            case 0 -> capitalize(f.company().catchPhrase()) + " to " + f.company().bs() + ".";
            case 1 -> "We need to " + f.hacker().verb() + " the " + f.hacker().adjective() + " " + f.hacker().noun() + ".";
            case 2 -> capitalize(f.hacker().ingverb()) + " the " + f.hacker().noun() + " won't help, so " + f.hacker().verb()
                    + " the " + f.hacker().adjective() + " " + f.hacker().noun() + " instead.";
            case 3 -> "Our " + f.commerce().productName().toLowerCase(Locale.ROOT) + " helps you " + f.company().bs() + ".";
            default -> "The " + f.color().name() + " " + f.hacker().noun() + " is " + f.hacker().adjective() + " and "
                    + f.company().buzzword().toLowerCase(Locale.ROOT) + ".";
        });
    }

    List<String> companies() {
        return pool("companies", SIZE, f -> f.company().name());
    }

    List<String> products() {
        return pool("products", SIZE, f -> f.commerce().productName());
    }

    List<String> departments() {
        return pool("departments", 64, f -> f.commerce().department());
    }

    List<String> cities() {
        return pool("cities", SIZE, f -> f.address().city());
    }

    List<String> streets() {
        return pool("streets", SIZE, f -> f.address().streetAddress());
    }

    List<String> zipCodes() {
        return pool("zip-codes", SIZE, f -> f.address().zipCode());
    }

    List<String> states() {
        return pool("states", 100, f -> f.address().state());
    }

    List<String> countries() {
        return pool("countries", 300, f -> f.address().country());
    }

    List<String> countryCodes() {
        return pool("country-codes", 300, f -> f.address().countryCode());
    }

    List<String> timeZones() {
        return pool("time-zones", 300, f -> f.address().timeZone());
    }

    List<String> currencies() {
        return pool("currencies", 200, f -> f.money().currencyCode());
    }

    List<String> phones() {
        return pool("phones", SIZE, f -> f.phoneNumber().cellPhone());
    }

    List<String> jobTitles() {
        return pool("job-titles", SIZE, f -> f.job().title());
    }

    List<String> appNames() {
        return pool("app-names", SIZE, f -> f.app().name() + " " + capitalize(f.hacker().noun()));
    }

    List<String> ipAddresses() {
        return pool("ip-addresses", SIZE, f -> f.internet().ipV4Address());
    }

    List<String> colorNames() {
        return pool("color-names", 64, f -> f.color().name());
    }

    /** Cluster centres (longitude, latitude) in the inhabited band of the globe. */
    List<double[]> places() {
        Random r = new Random(Hashing.derive(seed, "places"));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            out.add(new double[] {-180 + 360 * r.nextDouble(), -50 + 115 * r.nextDouble()});
        }
        return out;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
