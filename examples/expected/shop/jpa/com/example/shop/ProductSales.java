package com.example.shop;

import java.math.BigDecimal;

/**
 * One row of the access pattern {@code product_sales}: Revenue per product over a period, for the merchandising
 * dashboard.
 */
public record ProductSales(Long productId, BigDecimal sumAmount, Long count) {
}
