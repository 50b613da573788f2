/** accesspath core: models and pure engine logic. */
package io.accesspath.postgres;
