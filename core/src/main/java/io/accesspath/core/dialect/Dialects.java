package io.accesspath.core.dialect;

import io.accesspath.core.error.UserError;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The dialects on the class path, found with {@link ServiceLoader} (each dialect module lists its
 * {@link Dialect} in {@code META-INF/services/io.accesspath.core.dialect.Dialect}).
 */
public final class Dialects {
    private Dialects() {}

    /** Every dialect on the class path, sorted by id. */
    public static List<Dialect> all() {
        return ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Dialect::id))
                .toList();
    }

    /**
     * The dialect with this id.
     *
     * @throws UserError when none has it
     */
    public static Dialect byId(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> UserError.invalid("unknown database dialect '" + id + "'; known: " + ids()));
    }

    /**
     * The dialect that accepts this database URL.
     *
     * @throws UserError when none does
     */
    public static Dialect forUrl(String url) {
        return all().stream().filter(d -> d.acceptsUrl(url)).findFirst()
                .orElseThrow(() -> UserError.invalid("no database dialect accepts URLs of scheme '" + scheme(url)
                        + "'; known dialects: " + ids()));
    }

    /** The URL's scheme only: the rest may hold a password. */
    private static String scheme(String url) {
        int end = url.indexOf("://");
        return end < 0 ? "(none)" : url.substring(0, end);
    }

    private static String ids() {
        return String.join(", ", all().stream().map(Dialect::id).toList());
    }
}
