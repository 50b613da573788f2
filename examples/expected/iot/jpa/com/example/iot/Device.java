package com.example.iot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The device entity.
 *
 * <p>Table {@code device}, as designed by accesspath from examples/iot.yaml; regenerate rather than edit.
 * <p>Collections load lazily, 50 owners at a time ({@code @BatchSize}), so reading them for a page of rows takes one
 * query per 50 rows, not one per row.
 */
@Entity
@Table(name = "device")
public class Device {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "serial", nullable = false, length = 24)
    private String serial;

    @Enumerated(EnumType.STRING)
    @Column(name = "model", nullable = false)
    private DeviceModel model;

    @ColumnTransformer(read = "location::text", write = "?::point")
    @Column(name = "location", nullable = false, columnDefinition = "point")
    private String location;

    @Column(name = "firmware", nullable = false, length = 20)
    private String firmware;

    @Column(name = "installed_at", nullable = false, columnDefinition = "timestamptz")
    private OffsetDateTime installedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @OneToMany(mappedBy = "device")
    @BatchSize(size = 50)
    private Set<Reading> readings = new HashSet<>();

    @OneToMany(mappedBy = "device")
    @BatchSize(size = 50)
    private Set<Alert> alerts = new HashSet<>();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public DeviceModel getModel() {
        return model;
    }

    public void setModel(DeviceModel model) {
        this.model = model;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public OffsetDateTime getInstalledAt() {
        return installedAt;
    }

    public void setInstalledAt(OffsetDateTime installedAt) {
        this.installedAt = installedAt;
    }

    public Site getSite() {
        return site;
    }

    public void setSite(Site site) {
        this.site = site;
    }

    public Set<Reading> getReadings() {
        return readings;
    }

    public Set<Alert> getAlerts() {
        return alerts;
    }
}
