package com.example.iot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One measurement; never updated.
 *
 * <p>Table {@code reading}, as designed by accesspath from examples/iot.yaml; regenerate rather than edit.
 * <p>References that share columns with the key are read-only; their own columns are written through the basic fields
 * (JPA cannot write one column through two mappings).
 */
@Entity
@Table(name = "reading")
@IdClass(ReadingId.class)
public class Reading {

    @Id
    @Column(name = "device_id", nullable = false)
    private Long deviceId;

    @Id
    @Column(name = "recorded_at", nullable = false, columnDefinition = "timestamptz")
    private OffsetDateTime recordedAt;

    @Column(name = "temperature", nullable = false, precision = 5, scale = 2)
    private BigDecimal temperature;

    @Column(name = "humidity", precision = 5, scale = 2)
    private BigDecimal humidity;

    @Column(name = "battery", nullable = false)
    private Integer battery;

    // Read-only: device_id is written through the basic fields.
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "device_id", insertable = false, updatable = false)
    private Device device;

    public Long getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(Long deviceId) {
        this.deviceId = deviceId;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(OffsetDateTime recordedAt) {
        this.recordedAt = recordedAt;
    }

    public BigDecimal getTemperature() {
        return temperature;
    }

    public void setTemperature(BigDecimal temperature) {
        this.temperature = temperature;
    }

    public BigDecimal getHumidity() {
        return humidity;
    }

    public void setHumidity(BigDecimal humidity) {
        this.humidity = humidity;
    }

    public Integer getBattery() {
        return battery;
    }

    public void setBattery(Integer battery) {
        this.battery = battery;
    }

    public Device getDevice() {
        return device;
    }
}
