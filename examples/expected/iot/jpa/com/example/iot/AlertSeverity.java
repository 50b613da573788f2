package com.example.iot;

/**
 * The values of AlertSeverity, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum AlertSeverity {
    info, warning, critical
}
