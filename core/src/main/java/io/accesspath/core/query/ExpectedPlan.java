package io.accesspath.core.query;

import io.accesspath.core.design.PatternAccess;

/**
 * The plan the design expects for a query, and why.
 *
 * @param access the designer's expectation: table read first, index, access method, whether the
 *               sort is avoided, seek columns, joins
 * @param reason why that index answers the pattern (the index decision's reason, or the key or
 *               unique constraint that answers it)
 */
public record ExpectedPlan(PatternAccess access, String reason) {}
