package io.accesspath.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * A secondary index (indexes that back PRIMARY KEY and UNIQUE constraints are implied by
 * those constraints and not listed here).
 *
 * @param keys      key columns or expressions, in order
 * @param include   non-key columns stored in the index (covering index)
 * @param predicate the WHERE of a partial index, as SQL
 */
public record Index(String name, String table, Method method, List<Key> keys, List<String> include,
                    Optional<String> predicate, boolean unique) {

    public Index {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    public enum Method {
        BTREE("btree"), HASH("hash"), GIN("gin"), GIST("gist"), BRIN("brin"), SPGIST("spgist");

        private final String sql;

        Method(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /**
     * One key of an index: a column or an expression, with its direction and operator class.
     *
     * @param expression true when {@code column} is an SQL expression rather than a column name
     */
    public record Key(String column, boolean expression, boolean descending, Optional<String> opclass) {
        public static Key asc(String column) {
            return new Key(column, false, false, Optional.empty());
        }

        public static Key desc(String column) {
            return new Key(column, false, true, Optional.empty());
        }

        public static Key withOpclass(String column, String opclass) {
            return new Key(column, false, false, Optional.of(opclass));
        }
    }

    public List<String> keyColumns() {
        return keys.stream().map(Key::column).toList();
    }
}
