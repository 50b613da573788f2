package com.example.saas;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;

/**
 * The access patterns that read {@code comment}, one method each, as designed by accesspath from examples/saas.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface CommentRepository extends JpaRepository<Comment, CommentId> {

    /**
     * Access pattern {@code task_comments}.
     * Runs 300/s, p95 target 20 ms.
     *
     * <p>Expected plan: Index Scan on {@code comment} using {@code comment_account_id_task_id_created_at_id_idx}, no
     * sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "task_comments")
    @EntityGraph(attributePaths = {"author"})
    Window<Comment> findFirst50WithAuthorByAccountIdAndTaskIdOrderByCreatedAtAscIdAsc(
            Long accountId,
            Long taskId,
            ScrollPosition position);
}
