-- Indexes of the schema's tables, except those that back a primary key, unique or exclusion
-- constraint. One row per index column in order: key columns first, then INCLUDE columns
-- (ord > indnkeyatts). A key is a column's name, or where indkey is 0 an expression's text
-- from pg_get_indexdef. indoption bit 0 is DESC. The operator class is reported only when it is not
-- the default for its type (pg_opclass.opcdefault). Parameter: the schema's name.
SELECT t.relname AS table_name,
       ic.relname AS index_name,
       am.amname AS method,
       i.indisunique AS is_unique,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       u.ord > i.indnkeyatts AS included,
       u.attnum = 0 AS is_expression,
       CASE WHEN u.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, u.ord::int, true)
            ELSE a.attname END AS key,
       COALESCE((i.indoption[u.ord - 1] & 1) = 1, false) AS descending,
       CASE WHEN NOT opc.opcdefault THEN opc.opcname END AS opclass
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY AS u(attnum, ord)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.attnum
LEFT JOIN pg_catalog.pg_opclass opc ON u.ord <= i.indnkeyatts AND opc.oid = i.indclass[u.ord - 1]
WHERE n.nspname = ?
  AND t.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                    AND k.contype IN ('p', 'u', 'x'))
ORDER BY t.relname, ic.relname, u.ord
