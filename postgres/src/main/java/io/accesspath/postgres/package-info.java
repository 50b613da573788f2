/**
 * The PostgreSQL dialect: identifier and literal quoting ({@link io.accesspath.postgres.PgIdentifiers},
 * {@link io.accesspath.postgres.PgLiterals}), DDL ({@link io.accesspath.postgres.PgDdl}), applying it
 * ({@link io.accesspath.postgres.SchemaApplier}), reading a live schema back
 * ({@link io.accesspath.postgres.PgIntrospector}) and the databases to do it on
 * ({@link io.accesspath.postgres.PgEmbeddedDatabase}, {@link io.accesspath.postgres.PgUrlDatabase}).
 */
package io.accesspath.postgres;
