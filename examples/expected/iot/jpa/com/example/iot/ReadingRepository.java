package com.example.iot;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code reading}, one method each, as designed by accesspath from examples/iot.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface ReadingRepository extends JpaRepository<Reading, ReadingId> {

    /**
     * Access pattern {@code latest_readings}: A device's dashboard: its last 100 readings.
     * Runs 400/s, p95 target 15 ms.
     *
     * <p>Expected plan: Index Scan on {@code reading} using {@code reading_pkey}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "latest_readings")
    Window<Reading> findFirst100ByDeviceIdOrderByRecordedAtDesc(Long deviceId, ScrollPosition position);

    /**
     * Access pattern {@code device_history}: A device's readings over a time window, for charts.
     * Runs 50/s, p95 target 100 ms.
     *
     * <p>Expected plan: Index Scan on {@code reading} using {@code reading_pkey}, no sort.
     */
    @Meta(comment = "device_history")
    List<Reading> findByDeviceIdAndRecordedAtGreaterThanEqualAndRecordedAtLessThanOrderByRecordedAtAsc(
            Long deviceId,
            OffsetDateTime recordedAtFrom,
            OffsetDateTime recordedAtTo);

    /**
     * Access pattern {@code fleet_hourly_temperature}: Fleet-wide temperature over a window (a few hours), for the
     * operations dashboard.
     * Runs 1/min, p95 target 5000 ms.
     *
     * <p>Expected plan: Bitmap Heap Scan on {@code reading} using {@code reading_recorded_at_idx}.
     */
    @Meta(comment = "fleet_hourly_temperature")
    @Query("""
            select new com.example.iot.FleetHourlyTemperature(avg(r.temperature), max(r.temperature), count(r))
            from Reading r
            where r.recordedAt >= :recordedAtFrom
              and r.recordedAt < :recordedAtTo
            """)
    FleetHourlyTemperature fleetHourlyTemperature(
            @Param("recordedAtFrom") OffsetDateTime recordedAtFrom,
            @Param("recordedAtTo") OffsetDateTime recordedAtTo);
}
