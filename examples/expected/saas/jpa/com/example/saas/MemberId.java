package com.example.saas;

import java.io.Serializable;

/**
 * The primary key of {@link Member}: (account_id, id).
 */
public record MemberId(Long accountId, Long id) implements Serializable {
}
