package com.example.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;

/**
 * The access patterns that read {@code orders}, one method each, as designed by accesspath from examples/shop.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface OrderRepository extends JpaRepository<Order, Long> {

    /**
     * Access pattern {@code customer_orders}: Orders of a customer filtered by status, date range and total amount,
     * newest first, 50 a page.
     * Runs 300/s, p95 target 20 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code orders} using {@code
     * orders_customer_id_status_placed_at_id_total_amount_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "customer_orders")
    Window<Order> findFirst50ByCustomerIdAndStatusAndPlacedAtGreaterThanEqualAndPlacedAtLessThanAndTotalAmountGreaterThanEqualAndTotalAmountLessThanOrderByPlacedAtDescIdDesc(
            Long customerId,
            OrderStatus status,
            OffsetDateTime placedAtFrom,
            OffsetDateTime placedAtTo,
            BigDecimal totalAmountFrom,
            BigDecimal totalAmountTo,
            ScrollPosition position);

    /**
     * Access pattern {@code recent_orders_of_customer}: The account page's "your orders" list.
     * Runs 500/s, p95 target 10 ms.
     *
     * <p>Expected plan: Index Scan on {@code orders} using {@code orders_customer_id_placed_at_id_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "recent_orders_of_customer")
    Window<Order> findFirst20ByCustomerIdOrderByPlacedAtDescIdDesc(Long customerId, ScrollPosition position);

    /**
     * Access pattern {@code order_details}: One order with its customer, its lines and their products.
     * Runs 800/s, p95 target 15 ms.
     *
     * <p>Expected plan: Index Scan on {@code orders} using {@code orders_pkey}.
     */
    @Meta(comment = "order_details")
    @EntityGraph(attributePaths = {"customer", "lines", "lines.product"})
    Optional<Order> findWithCustomerAndLinesById(Long id);

    /**
     * Access pattern {@code fulfilment_queue}: Paid orders waiting to ship, oldest first.
     * Runs 2/s, p95 target 50 ms.
     *
     * <p>Expected plan: Index Scan on {@code orders} using {@code orders_placed_at_id_paid_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     * <p>Prefer {@link #fulfilmentQueue}, which passes the pattern's constants.
     */
    @Meta(comment = "fulfilment_queue")
    Window<Order> findFirst100ByStatusOrderByPlacedAtAscIdAsc(OrderStatus status, ScrollPosition position);

    /**
     * Access pattern {@code fulfilment_queue}: Paid orders waiting to ship, oldest first.
     * Runs 2/s, p95 target 50 ms.
     *
     * <p>Expected plan: Index Scan on {@code orders} using {@code orders_placed_at_id_paid_idx}, no sort.
     * <p>Supplies the pattern's constants to {@link #findFirst100ByStatusOrderByPlacedAtAscIdAsc}.
     */
    default Window<Order> fulfilmentQueue(ScrollPosition position) {
        return findFirst100ByStatusOrderByPlacedAtAscIdAsc(OrderStatus.paid, position);
    }
}
