-- Whether the schema (namespace) exists. Parameter: the schema's name.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?) AS present
