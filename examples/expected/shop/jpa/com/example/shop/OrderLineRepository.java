package com.example.shop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code order_line}, one method each, as designed by accesspath from examples/shop.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface OrderLineRepository extends JpaRepository<OrderLine, Long> {

    /**
     * Access pattern {@code product_sales}: Revenue per product over a period, for the merchandising dashboard.
     * Runs 1/min, p95 target 2000 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code order_line} using {@code order_line_product_id_idx}.
     */
    @Meta(comment = "product_sales")
    @Query("""
            select new com.example.shop.ProductSales(o.product.id, sum(o.amount), count(o))
            from OrderLine o
            where o.product.id = :productId
            group by o.product.id
            """)
    List<ProductSales> productSales(@Param("productId") Long productId);
}
