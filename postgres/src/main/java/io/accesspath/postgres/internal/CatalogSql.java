package io.accesspath.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog queries, kept as resource files under {@code io/accesspath/postgres/catalog/}. */
public final class CatalogSql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CatalogSql() {}

    /**
     * The text of {@code catalog/NAME.sql}.
     *
     * @throws IllegalStateException when the resource is missing (a packaging bug)
     */
    public static String get(String name) {
        return CACHE.computeIfAbsent(name, CatalogSql::load);
    }

    private static String load(String name) {
        String path = "/io/accesspath/postgres/catalog/" + name + ".sql";
        try (InputStream in = CatalogSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("catalog query " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog query " + path, e);
        }
    }
}
