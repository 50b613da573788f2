package com.example.saas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A customer organisation (the tenant).
 *
 * <p>Table {@code account}, as designed by accesspath from examples/saas.yaml; regenerate rather than edit.
 * <p>Collections load lazily, 50 owners at a time ({@code @BatchSize}), so reading them for a page of rows takes one
 * query per 50 rows, not one per row.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "slug", nullable = false, length = 64)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false)
    private AccountPlan plan;

    @Column(name = "created_at", nullable = false, columnDefinition = "timestamptz")
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "account")
    @BatchSize(size = 50)
    private Set<Member> members = new HashSet<>();

    @OneToMany(mappedBy = "account")
    @BatchSize(size = 50)
    private Set<Project> projects = new HashSet<>();

    @OneToMany(mappedBy = "account")
    @BatchSize(size = 50)
    private Set<Label> labels = new HashSet<>();

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

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public AccountPlan getPlan() {
        return plan;
    }

    public void setPlan(AccountPlan plan) {
        this.plan = plan;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public Set<Member> getMembers() {
        return members;
    }

    public Set<Project> getProjects() {
        return projects;
    }

    public Set<Label> getLabels() {
        return labels;
    }
}
