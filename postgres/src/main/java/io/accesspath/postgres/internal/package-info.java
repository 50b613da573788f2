/** Helpers of the PostgreSQL module; not part of its API and free to change. */
package io.accesspath.postgres.internal;
