package com.example.saas;

import java.io.Serializable;

/**
 * The primary key of {@link Label}: (account_id, id).
 */
public record LabelId(Long accountId, Long id) implements Serializable {
}
