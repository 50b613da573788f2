package io.accesspath.core.seed;

import java.util.List;

/**
 * A reference of a cycle (a table and the one it references both referencing each other): its
 * table is loaded with the reference's columns NULL, and they are set once the table they point
 * at is loaded.
 *
 * @param table      the table holding the reference
 * @param constraint the foreign key's name
 * @param key        the table's primary key columns, which identify the rows to update
 * @param columns    the reference's columns, loaded later
 * @param after      the referenced table, loaded before the columns are set
 */
public record DeferredReference(String table, String constraint, List<String> key, List<String> columns,
                                String after) {
    public DeferredReference {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }
}
