-- Valid indexes of every user table (index advisor): key expressions as pg_get_indexdef prints
-- them, whether the index backs a constraint (then it is never proposed for removal), its size.
SELECT n.nspname AS schema_name, t.relname AS table_name, i.relname AS index_name,
       pg_get_indexdef(x.indexrelid) AS indexdef, am.amname AS method,
       (x.indisprimary OR x.indisunique OR x.indisexclusion
        OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)) AS backs_constraint,
       pg_relation_size(x.indexrelid) AS size_bytes,
       ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k ORDER BY k)
           AS key_columns,
       ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)
             FROM generate_series(x.indnkeyatts + 1, x.indnatts) k ORDER BY k) AS include_columns,
       pg_get_expr(x.indpred, x.indrelid, true) AS predicate
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
WHERE x.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
ORDER BY n.nspname, t.relname, i.relname
