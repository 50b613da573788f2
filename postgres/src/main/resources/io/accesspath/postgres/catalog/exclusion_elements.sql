-- The elements of exclusion constraints: for each key of the constraint's index, in order, the
-- column (or the expression's text) and the operator it is compared with.
-- Parameter: the schema's name.
SELECT c.relname AS table_name,
       k.conname AS constraint_name,
       CASE WHEN u.attnum = 0 THEN pg_catalog.pg_get_indexdef(k.conindid, u.ord::int, true)
            ELSE a.attname END AS element,
       o.oprname AS operator
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_index i ON i.indexrelid = k.conindid
CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(i.indkey::int2[]), pg_catalog.unnest(k.conexclop))
    WITH ORDINALITY AS u(attnum, opr, ord)
JOIN pg_catalog.pg_operator o ON o.oid = u.opr
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
WHERE n.nspname = ?
  AND k.contype = 'x'
ORDER BY c.relname, k.conname, u.ord
