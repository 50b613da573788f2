package com.example.saas;

import java.io.Serializable;

/**
 * The primary key of {@link TaskLabel}: (account_id, task_id, label_id).
 */
public record TaskLabelId(Long accountId, Long taskId, Long labelId) implements Serializable {
}
