package io.accesspath.core.seed.internal;

import io.accesspath.core.spec.LogicalType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Defaults inferred from an attribute's name and type when the spec sets no {@code generate}
 * knob: what text looks like ({@code email}, {@code full_name}, {@code country}, {@code body}),
 * how numbers spread ({@code price} log-normal, {@code quantity} Zipf, {@code age} normal), how
 * often booleans are true and how often optional values are NULL.
 */
final class Hints {
    private static final Set<String> PERSON_ENTITIES = Set.of("customer", "user", "member", "person", "people",
            "author", "employee", "contact", "client", "patient", "student", "teacher", "driver", "owner", "staff",
            "agent", "player", "subscriber", "reviewer", "buyer", "seller", "guest", "participant", "attendee");
    private static final Set<String> LONG_TEXT = Set.of("body", "content", "text", "message", "comment", "notes",
            "note", "details", "review", "answer", "question", "post", "reply", "transcript");
    private static final Set<String> MEDIUM_TEXT = Set.of("description", "summary", "bio", "about", "abstract",
            "excerpt", "reason", "feedback", "instructions");

    private Hints() {
    }

    /** Words of a snake_case name. */
    static List<String> words(String name) {
        return Arrays.asList(name.toLowerCase(Locale.ROOT).split("_"));
    }

    static boolean has(String name, String... any) {
        List<String> w = words(name);
        for (String a : any) {
            if (w.contains(a)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPersonEntity(String entity) {
        return PERSON_ENTITIES.contains(entity) || has(entity, "user", "member", "customer", "person", "author");
    }

    /** The text shape for a text-like attribute. */
    static TextGen text(String entity, String attribute, LogicalType type, Pools pools) {
        if (type instanceof LogicalType.Email || has(attribute, "email", "mail")) {
            return new TextGens.Email(pools.firstNames(), pools.lastNames(), pools.emailDomains());
        }
        if (type instanceof LogicalType.Url || has(attribute, "url", "website", "homepage", "link")) {
            return new TextGens.Url(pools.webDomains(), pools.words());
        }
        if (type instanceof LogicalType.Identifier) {
            return has(attribute, "slug", "handle", "username", "login", "permalink", "key")
                    ? new TextGens.Slug(pools.words(), 2, 3) : TextGens.Code.forAttribute(entity, attribute);
        }
        return freeText(entity, attribute, type, pools);
    }

    private static TextGen freeText(String entity, String attribute, LogicalType type, Pools pools) {
        int max = maxLength(type);
        List<String> w = words(attribute);
        if (has(attribute, "first") && has(attribute, "name")) {
            return new TextGens.Pool(pools.firstNames());
        }
        if (has(attribute, "last", "surname", "family") && (has(attribute, "name") || has(attribute, "surname"))) {
            return new TextGens.Pool(pools.lastNames());
        }
        if (has(attribute, "country")) {
            return new TextGens.Pool(max <= 3 ? pools.countryCodes() : pools.countries());
        }
        if (has(attribute, "city", "town")) {
            return new TextGens.Pool(pools.cities());
        }
        if (has(attribute, "street", "address")) {
            return new TextGens.Pool(pools.streets());
        }
        if (has(attribute, "zip", "postcode") || w.contains("postal")) {
            return new TextGens.Pool(pools.zipCodes());
        }
        if (has(attribute, "state", "province", "region")) {
            return new TextGens.Pool(pools.states());
        }
        if (has(attribute, "phone", "mobile", "tel", "fax")) {
            return new TextGens.Pool(pools.phones());
        }
        if (has(attribute, "timezone", "tz") || (has(attribute, "time") && has(attribute, "zone"))) {
            return new TextGens.Pool(pools.timeZones());
        }
        if (has(attribute, "currency")) {
            return new TextGens.Pool(pools.currencies());
        }
        if (has(attribute, "color", "colour")) {
            return max >= 7 ? new TextGens.HexColor() : new TextGens.Pool(pools.colorNames());
        }
        if (has(attribute, "version", "firmware", "release")) {
            return new TextGens.Version();
        }
        if (has(attribute, "ip")) {
            return new TextGens.Pool(pools.ipAddresses());
        }
        if (has(attribute, "job", "occupation", "position") && !has(attribute, "number")) {
            return new TextGens.Pool(pools.jobTitles());
        }
        if (has(attribute, "name")) {
            return nameOf(entity, attribute, pools);
        }
        if (has(attribute, "title", "subject", "headline", "heading", "caption")) {
            return new TextGens.Title(pools.words(), 3, 8);
        }
        if (LONG_TEXT.stream().anyMatch(w::contains)) {
            return new TextGens.Sentences(pools.sentences(), 2, 8);
        }
        if (MEDIUM_TEXT.stream().anyMatch(w::contains)) {
            return new TextGens.Sentences(pools.sentences(), 1, 4);
        }
        if (max <= 40) {
            return new TextGens.Title(pools.words(), 1, 3);
        }
        return new TextGens.Sentences(pools.sentences(), 1, 3);
    }

    private static TextGen nameOf(String entity, String attribute, Pools pools) {
        if (isPersonEntity(entity) || has(attribute, "full", "display", "author", "person", "contact", "user")) {
            return new TextGens.PersonName(pools.firstNames(), pools.lastNames());
        }
        if (has(entity, "product", "item", "article", "sku", "good", "offer", "listing")) {
            return new TextGens.Pool(pools.products());
        }
        if (has(entity, "company", "account", "organization", "organisation", "org", "tenant", "team", "vendor",
                "supplier", "brand", "merchant", "customer")) {
            return new TextGens.Pool(pools.companies());
        }
        if (has(entity, "category", "department", "section", "shelf", "genre")) {
            return new TextGens.Pool(pools.departments());
        }
        if (has(entity, "site", "store", "shop", "location", "warehouse", "office", "city", "branch", "venue")) {
            return new TextGens.Pool(pools.cities());
        }
        if (has(entity, "project", "app", "application", "service", "repository", "repo", "board", "workspace")) {
            return new TextGens.Pool(pools.appNames());
        }
        return new TextGens.Pool(pools.words());
    }

    /** The declared maximum length of a text-like type ({@link Integer#MAX_VALUE} when unlimited). */
    static int maxLength(LogicalType type) {
        if (type instanceof LogicalType.Identifier t) {
            return t.maxLength();
        }
        if (type instanceof LogicalType.Text t) {
            return t.maxLength().orElse(Integer.MAX_VALUE);
        }
        if (type instanceof LogicalType.SearchableText t) {
            return t.maxLength().orElse(Integer.MAX_VALUE);
        }
        return Integer.MAX_VALUE;
    }

    /**
     * A default distribution of numbers; NaN where the type, the checks or the distribution
     * decide.
     */
    record NumberHint(String distribution, double mean, double stddev, double min, double max) {}

    /** The default distribution of a number attribute. */
    static NumberHint number(String attribute, boolean money) {
        double nan = Double.NaN;
        if (has(attribute, "quantity", "qty", "units")) {
            return new NumberHint(Distribution.ZIPF, nan, nan, 1.0, 10.0);
        }
        if (has(attribute, "age")) {
            return new NumberHint(Distribution.NORMAL, 38.0, 12.0, 18.0, 90.0);
        }
        if (has(attribute, "year")) {
            return new NumberHint(Distribution.UNIFORM, nan, nan, 1990.0, 2025.0);
        }
        if (has(attribute, "rating", "stars", "score", "grade")) {
            return new NumberHint(Distribution.UNIFORM, nan, nan, 1.0, 5.0);
        }
        if (has(attribute, "percent", "pct", "percentage", "battery", "humidity", "progress", "level")) {
            return new NumberHint(Distribution.UNIFORM, nan, nan, 0.0, 100.0);
        }
        if (has(attribute, "temperature", "temp")) {
            return new NumberHint(Distribution.NORMAL, 20.0, 8.0, nan, nan);
        }
        if (has(attribute, "salary", "income", "wage")) {
            return new NumberHint(Distribution.LOGNORMAL, 60000.0, 25000.0, 0.0, nan);
        }
        if (money || has(attribute, "price", "cost", "amount", "total", "subtotal", "fee", "balance", "revenue", "tax")) {
            return new NumberHint(Distribution.LOGNORMAL, 50.0, 60.0, 0.0, nan);
        }
        if (has(attribute, "count", "views", "likes", "visits", "clicks", "followers", "words")) {
            return new NumberHint(Distribution.LOGNORMAL, 200.0, 400.0, 0.0, nan);
        }
        if (has(attribute, "position", "rank", "order", "sort", "priority", "index", "seq", "sequence")) {
            return new NumberHint(Distribution.UNIFORM, nan, nan, 1.0, 100.0);
        }
        if (has(attribute, "points", "estimate", "effort")) {
            return new NumberHint(Distribution.ZIPF, nan, nan, 1.0, 13.0);
        }
        return new NumberHint(Distribution.LOGNORMAL, 100.0, 200.0, 0.0, nan);
    }

    /** The share of true values of a boolean without a declared default. */
    static double trueShare(String attribute) {
        if (has(attribute, "active", "enabled", "verified", "visible", "published", "available", "valid", "confirmed")) {
            return 0.85;
        }
        if (has(attribute, "archived", "deleted", "disabled", "blocked", "banned", "suspended", "locked", "hidden")) {
            return 0.1;
        }
        return 0.5;
    }

    /** The share of NULLs in an optional attribute without a declared null_ratio. */
    static double nullRatio(String attribute, boolean softDelete) {
        if (softDelete || has(attribute, "deleted", "archived", "cancelled", "canceled", "deactivated", "closed",
                "ended", "revoked", "banned", "suspended")) {
            return 0.9;
        }
        return 0.1;
    }
}
