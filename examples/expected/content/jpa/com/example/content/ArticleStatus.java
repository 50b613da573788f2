package com.example.content;

/**
 * The values of ArticleStatus, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum ArticleStatus {
    draft, published, archived
}
