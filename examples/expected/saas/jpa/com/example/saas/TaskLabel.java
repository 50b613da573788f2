package com.example.saas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A row of the link table task_label.
 *
 * <p>Table {@code task_label}, as designed by accesspath from examples/saas.yaml; regenerate rather than edit.
 * <p>References that share columns with the key are read-only; their own columns are written through the basic fields
 * (JPA cannot write one column through two mappings).
 */
@Entity
@Table(name = "task_label")
@IdClass(TaskLabelId.class)
public class TaskLabel {

    @Id
    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Id
    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Id
    @Column(name = "label_id", nullable = false)
    private Long labelId;

    // Read-only: account_id, task_id are written through the basic fields.
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", referencedColumnName = "account_id", insertable = false, updatable = false)
    @JoinColumn(name = "task_id", referencedColumnName = "id", insertable = false, updatable = false)
    private Task task;

    // Read-only: account_id, label_id are written through the basic fields.
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", referencedColumnName = "account_id", insertable = false, updatable = false)
    @JoinColumn(name = "label_id", referencedColumnName = "id", insertable = false, updatable = false)
    private Label label;

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public Long getTaskId() {
        return taskId;
    }

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public Long getLabelId() {
        return labelId;
    }

    public void setLabelId(Long labelId) {
        this.labelId = labelId;
    }

    public Task getTask() {
        return task;
    }

    public Label getLabel() {
        return label;
    }
}
