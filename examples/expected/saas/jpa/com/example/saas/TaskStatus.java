package com.example.saas;

/**
 * The values of TaskStatus, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum TaskStatus {
    todo, in_progress, in_review, done
}
