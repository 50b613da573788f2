-- Ordinary and partitioned tables of the schema (not partitions, not tables that belong to an
-- extension), with their comments and storage parameters. Parameter: the schema's name.
SELECT c.relname AS table_name,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       pg_catalog.array_to_string(c.reloptions, ',') AS options
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ?
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.relname
