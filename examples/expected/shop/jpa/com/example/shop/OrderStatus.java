package com.example.shop;

/**
 * The values of OrderStatus, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum OrderStatus {
    pending, paid, shipped, delivered, cancelled
}
