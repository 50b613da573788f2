package io.accesspath.postgres;

import io.accesspath.core.schema.CheckConstraint;
import io.accesspath.core.schema.EnumType;
import io.accesspath.core.schema.ExclusionConstraint;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Index;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.schema.Table;
import io.accesspath.core.schema.UniqueConstraint;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A schema in the order {@link PgIntrospector} reads one: extensions, enum types and tables by
 * name; constraints and indexes by name within their table. Columns, keys and enum labels keep
 * their declared order, which carries meaning.
 */
final class Canonical {
    private Canonical() {}

    static Schema order(Schema schema) {
        return new Schema(sorted(schema.extensions(), Function.identity()),
                sorted(schema.enumTypes(), EnumType::name),
                sorted(schema.tables().stream().map(Canonical::order).toList(), Table::name));
    }

    private static Table order(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), sorted(t.uniques(), UniqueConstraint::name),
                sorted(t.checks(), CheckConstraint::name), sorted(t.foreignKeys(), ForeignKey::name),
                sorted(t.exclusions(), ExclusionConstraint::name), sorted(t.indexes(), Index::name), t.comment());
    }

    /** Sorted by name in byte order of UTF-8, like PostgreSQL's "C" collation of {@code name}. */
    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name, Canonical::compareUtf8)).toList();
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
