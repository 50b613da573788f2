package io.accesspath.core.dialect;

/**
 * A database capability the designer may use. Each dialect says from which version it has it
 * (jOOQ-style: every operation states which dialects support it).
 */
public enum Feature {
    /** CREATE INDEX ... WHERE. */
    PARTIAL_INDEX,
    /** CREATE INDEX ... INCLUDE (covering index). */
    INCLUDE_COLUMNS,
    /** Indexes on expressions (lower(email)). */
    EXPRESSION_INDEX,
    /** Inverted indexes (PostgreSQL GIN). */
    GIN,
    /** Generalized search trees (PostgreSQL GiST). */
    GIST,
    /** Block range indexes (PostgreSQL BRIN). */
    BRIN,
    /** Stored generated columns. */
    GENERATED_COLUMNS,
    /** UNIQUE NULLS NOT DISTINCT (PostgreSQL 15). */
    NULLS_NOT_DISTINCT,
    /** ON DELETE SET NULL (column, ...) on part of a composite foreign key (PostgreSQL 15). */
    FK_SET_NULL_COLUMNS,
    /** A built-in uuidv7() function (PostgreSQL 18). */
    UUIDV7,
    /** B-tree skip scan: an index usable without an equality on its leading column (PostgreSQL 18). */
    BTREE_SKIP_SCAN,
    /** Updates of BRIN-indexed columns stay HOT (PostgreSQL 16). */
    HOT_WITH_BRIN,
    /** Multiple IN-list values walked in one B-tree descent, in index order (PostgreSQL 17). */
    BTREE_SAOP_ORDERED,
    /** gen_random_uuid() without an extension (PostgreSQL 13). */
    GEN_RANDOM_UUID,
    /** Range and multirange types. */
    RANGE_TYPES,
    /** EXCLUDE constraints. */
    EXCLUSION_CONSTRAINTS
}
