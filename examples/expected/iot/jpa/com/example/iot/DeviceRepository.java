package com.example.iot;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code device}, one method each, as designed by accesspath from examples/iot.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface DeviceRepository extends JpaRepository<Device, Long> {

    /**
     * Access pattern {@code devices_near}: Nearest devices to a point on the map.
     * Runs 10/s, p95 target 30 ms.
     *
     * <p>Expected plan: Index Scan on {@code device} using {@code device_location_idx}, no sort.
     * <p>Native SQL: JPQL has no words for what this pattern asks of PostgreSQL.
     */
    @Meta(comment = "devices_near")
    @Query(nativeQuery = true, value = """
            SELECT id, site_id, serial, model, location, firmware, installed_at
            FROM device
            ORDER BY location <-> point(:location_lon, :location_lat)
            LIMIT :limit
            """)
    List<Device> devicesNear(
            @Param("location_lon") Double locationLon,
            @Param("location_lat") Double locationLat,
            @Param("limit") int limit);

    /**
     * Access pattern {@code device_by_serial}.
     * Runs 100/s, p95 target 5 ms.
     *
     * <p>Expected plan: Index Scan on {@code device} using {@code device_serial_key}.
     */
    @Meta(comment = "device_by_serial")
    @EntityGraph(attributePaths = {"site"})
    Optional<Device> findWithSiteBySerial(String serial);
}
