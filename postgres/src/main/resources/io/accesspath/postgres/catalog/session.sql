-- Session settings for a database named by a URL, applied on every new connection. Parameters:
-- default_transaction_read_only (on/off), statement_timeout and lock_timeout (milliseconds, 0 for
-- none). The server enforces them: a read-only session refuses every write.
SELECT pg_catalog.set_config('default_transaction_read_only', ?, false),
       pg_catalog.set_config('statement_timeout', ?, false),
       pg_catalog.set_config('lock_timeout', ?, false)
