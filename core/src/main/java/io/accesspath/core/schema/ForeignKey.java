package io.accesspath.core.schema;

import java.util.List;

/**
 * A foreign key with its referential actions always explicit.
 *
 * @param setNullColumns for ON DELETE SET NULL on a composite key: the columns to null
 *                       (PostgreSQL 15+); empty means all referencing columns
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         Action onDelete, Action onUpdate, List<String> setNullColumns) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        setNullColumns = List.copyOf(setNullColumns);
    }

    public enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
