-- Primary key, unique, check and exclusion constraints of the schema's tables (foreign keys are
-- read by foreign_keys.sql; PostgreSQL 18's NOT NULL constraints, contype 'n', are columns'
-- not_null). indnullsnotdistinct exists from PostgreSQL 15 on: reading it through to_jsonb(i)
-- keeps this query valid on 14, where the key is absent and the answer is false.
-- Parameter: the schema's name.
SELECT c.relname AS table_name,
       k.conname AS constraint_name,
       k.contype AS type,
       ARRAY(SELECT a.attname
             FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
             ORDER BY u.ord) AS columns,
       pg_catalog.pg_get_constraintdef(k.oid, true) AS definition,
       COALESCE((pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       am.amname AS method
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = k.conindid
LEFT JOIN pg_catalog.pg_class ic ON ic.oid = k.conindid
LEFT JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE n.nspname = ?
  AND k.contype IN ('p', 'u', 'c', 'x')
ORDER BY c.relname, k.conname
