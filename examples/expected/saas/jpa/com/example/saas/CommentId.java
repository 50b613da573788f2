package com.example.saas;

import java.io.Serializable;

/**
 * The primary key of {@link Comment}: (account_id, id).
 */
public record CommentId(Long accountId, Long id) implements Serializable {
}
