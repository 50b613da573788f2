package com.example.iot;

import java.math.BigDecimal;

/**
 * One row of the access pattern {@code fleet_hourly_temperature}: Fleet-wide temperature over a window (a few hours),
 * for the operations dashboard.
 */
public record FleetHourlyTemperature(Double avgTemperature, BigDecimal maxTemperature, Long count) {
}
