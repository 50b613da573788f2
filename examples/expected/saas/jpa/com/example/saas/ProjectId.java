package com.example.saas;

import java.io.Serializable;

/**
 * The primary key of {@link Project}: (account_id, id).
 */
public record ProjectId(Long accountId, Long id) implements Serializable {
}
