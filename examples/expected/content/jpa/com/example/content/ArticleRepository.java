package com.example.content;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code article}, one method each, as designed by accesspath from examples/content.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface ArticleRepository extends JpaRepository<Article, Long> {

    /**
     * Access pattern {@code home_feed}: The front page: newest published articles.
     * Runs 1000/s, p95 target 10 ms.
     *
     * <p>Expected plan: Index Scan on {@code article} using {@code article_published_at_id_published_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     * <p>published_at can be NULL, and Spring Data's keyset scrolling compares with {@code <} and {@code >}, which skip
     * NULLs: rows without a value are not returned after the first page. The SQL query of this pattern handles them.
     * <p>Prefer {@link #homeFeed}, which passes the pattern's constants.
     */
    @Meta(comment = "home_feed")
    Window<Article> findFirst20ByStatusOrderByPublishedAtDescIdDesc(ArticleStatus status, ScrollPosition position);

    /**
     * Access pattern {@code home_feed}: The front page: newest published articles.
     * Runs 1000/s, p95 target 10 ms.
     *
     * <p>Expected plan: Index Scan on {@code article} using {@code article_published_at_id_published_idx}, no sort.
     * <p>Supplies the pattern's constants to {@link #findFirst20ByStatusOrderByPublishedAtDescIdDesc}.
     */
    default Window<Article> homeFeed(ScrollPosition position) {
        return findFirst20ByStatusOrderByPublishedAtDescIdDesc(ArticleStatus.published, position);
    }

    /**
     * Access pattern {@code author_feed}.
     * Runs 100/s, p95 target 15 ms.
     *
     * <p>Expected plan: Index Scan on {@code article} using {@code article_author_id_published_at_id_published_idx}, no
     * sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     * <p>published_at can be NULL, and Spring Data's keyset scrolling compares with {@code <} and {@code >}, which skip
     * NULLs: rows without a value are not returned after the first page. The SQL query of this pattern handles them.
     * <p>Prefer {@link #authorFeed}, which passes the pattern's constants.
     */
    @Meta(comment = "author_feed")
    Window<Article> findFirst20ByAuthorIdAndStatusOrderByPublishedAtDescIdDesc(
            Long authorId,
            ArticleStatus status,
            ScrollPosition position);

    /**
     * Access pattern {@code author_feed}.
     * Runs 100/s, p95 target 15 ms.
     *
     * <p>Expected plan: Index Scan on {@code article} using {@code article_author_id_published_at_id_published_idx}, no
     * sort.
     * <p>Supplies the pattern's constants to {@link #findFirst20ByAuthorIdAndStatusOrderByPublishedAtDescIdDesc}.
     */
    default Window<Article> authorFeed(Long authorId, ScrollPosition position) {
        return findFirst20ByAuthorIdAndStatusOrderByPublishedAtDescIdDesc(authorId, ArticleStatus.published, position);
    }

    /**
     * Access pattern {@code tag_feed}.
     * Runs 200/s, p95 target 30 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code article_tag} using {@code article_tag_tag_id_article_id_idx}.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     * <p>published_at can be NULL, and Spring Data's keyset scrolling compares with {@code <} and {@code >}, which skip
     * NULLs: rows without a value are not returned after the first page. The SQL query of this pattern handles them.
     * <p>Prefer {@link #tagFeed}, which passes the pattern's constants.
     */
    @Meta(comment = "tag_feed")
    Window<Article> findFirst20ByTagsIdAndStatusOrderByPublishedAtDescIdDesc(
            Long tagId,
            ArticleStatus status,
            ScrollPosition position);

    /**
     * Access pattern {@code tag_feed}.
     * Runs 200/s, p95 target 30 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code article_tag} using {@code article_tag_tag_id_article_id_idx}.
     * <p>Supplies the pattern's constants to {@link #findFirst20ByTagsIdAndStatusOrderByPublishedAtDescIdDesc}.
     */
    default Window<Article> tagFeed(Long tagId, ScrollPosition position) {
        return findFirst20ByTagsIdAndStatusOrderByPublishedAtDescIdDesc(tagId, ArticleStatus.published, position);
    }

    /**
     * Access pattern {@code article_by_slug}.
     * Runs 2000/s, p95 target 5 ms.
     *
     * <p>Expected plan: Index Scan on {@code article} using {@code article_slug_key}.
     */
    @Meta(comment = "article_by_slug")
    @EntityGraph(attributePaths = {"author", "tags"})
    Optional<Article> findWithAuthorAndTagsBySlug(String slug);

    /**
     * Access pattern {@code search_articles}.
     * Runs 50/s, p95 target 200 ms.
     *
     * <p>Expected plan: Bitmap Heap Scan on {@code article} using {@code article_search_vector_published_idx}.
     * <p>Native SQL: JPQL has no words for what this pattern asks of PostgreSQL.
     */
    @Meta(comment = "search_articles")
    @Query(nativeQuery = true, value = """
            SELECT id, author_id, slug, title, body, status, published_at, updated_at, metadata, word_count
            FROM article
            WHERE search_vector @@ websearch_to_tsquery('english', :title_terms)
              AND status = 'published'
            ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', :title_terms)) DESC, id
            LIMIT :limit OFFSET :offset
            """)
    List<Article> searchArticles(
            @Param("title_terms") String titleTerms,
            @Param("limit") int limit,
            @Param("offset") long offset);

    /**
     * Access pattern {@code articles_in_series}: Articles whose metadata names a series.
     * Runs 5/s, p95 target 50 ms.
     *
     * <p>Expected plan: Bitmap Heap Scan on {@code article} using {@code article_metadata_idx}.
     * <p>Native SQL: JPQL has no words for what this pattern asks of PostgreSQL.
     */
    @Meta(comment = "articles_in_series")
    @Query(nativeQuery = true, value = """
            SELECT id, author_id, slug, title, body, status, published_at, updated_at, metadata, word_count
            FROM article
            WHERE metadata @> CAST(:metadata AS jsonb)
            """)
    List<Article> articlesInSeries(@Param("metadata") String metadata);
}
