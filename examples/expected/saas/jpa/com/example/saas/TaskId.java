package com.example.saas;

import java.io.Serializable;

/**
 * The primary key of {@link Task}: (account_id, id).
 */
public record TaskId(Long accountId, Long id) implements Serializable {
}
