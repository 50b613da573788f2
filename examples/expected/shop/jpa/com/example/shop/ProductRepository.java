package com.example.shop;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code product}, one method each, as designed by accesspath from examples/shop.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface ProductRepository extends JpaRepository<Product, Long> {

    /**
     * Access pattern {@code product_by_sku}.
     * Runs 200/s, p95 target 5 ms.
     *
     * <p>Expected plan: Index Scan on {@code product} using {@code product_sku_key}.
     */
    @Meta(comment = "product_by_sku")
    Optional<Product> findBySku(String sku);

    /**
     * Access pattern {@code products_in_category}: A category page, by name, 24 a page.
     * Runs 150/s, p95 target 30 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code product_category} using {@code
     * product_category_category_id_product_id_idx}.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "products_in_category")
    Window<Product> findFirst24ByCategoriesIdAndActiveTrueOrderByNameAscIdAsc(Long categoryId, ScrollPosition position);

    /**
     * Access pattern {@code product_search}: The search box.
     * Runs 40/s, p95 target 50 ms.
     *
     * <p>Expected plan: Bitmap Heap Scan on {@code product} using {@code product_search_vector_active_idx}.
     * <p>Native SQL: JPQL has no words for what this pattern asks of PostgreSQL.
     */
    @Meta(comment = "product_search")
    @Query(nativeQuery = true, value = """
            SELECT id, sku, name, description, price, attributes, active
            FROM product
            WHERE search_vector @@ websearch_to_tsquery('english', :description_terms)
              AND active
            ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', :description_terms)) DESC, id
            LIMIT :limit OFFSET :offset
            """)
    List<Product> productSearch(
            @Param("description_terms") String descriptionTerms,
            @Param("limit") int limit,
            @Param("offset") long offset);
}
