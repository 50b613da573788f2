-- Extensions installed in the database, except those living in pg_catalog (plpgsql).
SELECT e.extname AS name
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE n.nspname <> 'pg_catalog'
ORDER BY e.extname
