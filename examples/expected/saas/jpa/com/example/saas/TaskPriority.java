package com.example.saas;

/**
 * The values of TaskPriority, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum TaskPriority {
    low, medium, high, urgent
}
