package com.example.iot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * The site entity.
 *
 * <p>Table {@code site}, as designed by accesspath from examples/iot.yaml; regenerate rather than edit.
 * <p>Collections load lazily, 50 owners at a time ({@code @BatchSize}), so reading them for a page of rows takes one
 * query per 50 rows, not one per row.
 */
@Entity
@Table(name = "site")
public class Site {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    @Column(name = "timezone", nullable = false, length = 40)
    private String timezone;

    @OneToMany(mappedBy = "site")
    @BatchSize(size = 50)
    private Set<Device> devices = new HashSet<>();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public Set<Device> getDevices() {
        return devices;
    }
}
