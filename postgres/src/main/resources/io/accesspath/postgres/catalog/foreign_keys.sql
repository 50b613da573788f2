-- Foreign keys of the schema's tables with their actions (confdeltype/confupdtype: a no action,
-- r restrict, c cascade, n set null, d set default). confdelsetcols (ON DELETE SET NULL
-- (columns)) exists from PostgreSQL 15 on: reading it through to_jsonb(k) keeps this query valid
-- on 14, where the key is absent and the list empty. Parameter: the schema's name.
SELECT c.relname AS table_name,
       k.conname AS constraint_name,
       ARRAY(SELECT a.attname
             FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
             ORDER BY u.ord) AS columns,
       r.relname AS referenced_table,
       ARRAY(SELECT a.attname
             FROM pg_catalog.unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
             ORDER BY u.ord) AS referenced_columns,
       k.confdeltype AS on_delete,
       k.confupdtype AS on_update,
       ARRAY(SELECT a.attname
             FROM pg_catalog.jsonb_array_elements_text(
                      CASE WHEN pg_catalog.jsonb_typeof(pg_catalog.to_jsonb(k) -> 'confdelsetcols') = 'array'
                           THEN pg_catalog.to_jsonb(k) -> 'confdelsetcols' ELSE '[]'::jsonb END)
                  WITH ORDINALITY AS u(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum::int2
             ORDER BY u.ord) AS set_null_columns
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
WHERE n.nspname = ?
  AND k.contype = 'f'
ORDER BY c.relname, k.conname
