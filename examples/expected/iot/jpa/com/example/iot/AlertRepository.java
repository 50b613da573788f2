package com.example.iot;

import java.time.OffsetDateTime;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;

/**
 * The access patterns that read {@code alert}, one method each, as designed by accesspath from examples/iot.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface AlertRepository extends JpaRepository<Alert, Long> {

    /**
     * Access pattern {@code open_alerts}: Unacknowledged alerts, newest first.
     * Runs 5/s, p95 target 20 ms.
     *
     * <p>Expected plan: Index Scan on {@code alert} using {@code alert_raised_at_id_acknowledged_at_is_null_idx}, no
     * sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "open_alerts")
    Window<Alert> findFirst50ByAcknowledgedAtIsNullOrderByRaisedAtDescIdDesc(ScrollPosition position);

    /**
     * Access pattern {@code device_alerts}.
     * Runs 20/s, p95 target 20 ms.
     *
     * <p>Expected plan: Index Scan on {@code alert} using {@code alert_device_id_raised_at_id_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "device_alerts")
    Window<Alert> findFirst20ByDeviceIdOrderByRaisedAtDescIdDesc(Long deviceId, ScrollPosition position);
}
