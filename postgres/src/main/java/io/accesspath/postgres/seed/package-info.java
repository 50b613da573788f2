/**
 * Seed data for PostgreSQL: the binary and text COPY encodings, seed.sql scripts for psql, and
 * loading through COPY with one transaction per table.
 */
package io.accesspath.postgres.seed;
