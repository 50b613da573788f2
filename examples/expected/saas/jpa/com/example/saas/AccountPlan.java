package com.example.saas;

/**
 * The values of AccountPlan, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum AccountPlan {
    free, team, business, enterprise
}
