package com.example.content;

import java.time.OffsetDateTime;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code comment}, one method each, as designed by accesspath from examples/content.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface CommentRepository extends JpaRepository<Comment, Long> {

    /**
     * Access pattern {@code article_comments}.
     * Runs 500/s, p95 target 20 ms.
     *
     * <p>Expected plan: Index Scan on {@code comment} using {@code comment_article_id_created_at_id_live_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "article_comments")
    Window<Comment> findFirst50ByArticleIdAndDeletedAtIsNullOrderByCreatedAtAscIdAsc(
            Long articleId,
            ScrollPosition position);

    /**
     * Access pattern {@code comment_count}: The comment count under each article.
     * Runs 500/s, p95 target 25 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code comment} using {@code comment_article_id_created_at_id_live_idx}.
     */
    @Meta(comment = "comment_count")
    @Query("""
            select count(c)
            from Comment c
            where c.article.id = :articleId
              and c.deletedAt is null
            """)
    Long commentCount(@Param("articleId") Long articleId);
}
