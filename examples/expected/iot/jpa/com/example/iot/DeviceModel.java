package com.example.iot;

/**
 * The values of DeviceModel, named exactly as stored (a CHECK constraint or lookup table keeps the column to them).
 */
public enum DeviceModel {
    t100, t200, h300, x900
}
