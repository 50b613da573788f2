-- The server's version: server_version_num (170007) and version()'s description.
SELECT pg_catalog.current_setting('server_version_num')::int AS version_num,
       pg_catalog.version() AS description
