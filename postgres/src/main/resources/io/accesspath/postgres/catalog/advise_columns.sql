-- Columns of every user table the session can see, with the planner's statistics (index advisor).
-- search_rank orders tables by the session's search_path (unqualified names resolve to the first).
SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS type_name, t.typcategory::text AS category,
       s.n_distinct, s.null_frac, c.reltuples,
       coalesce(array_position(current_schemas(false), n.nspname::text), 1000) AS search_rank
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
ORDER BY search_rank, n.nspname, c.relname, a.attnum
