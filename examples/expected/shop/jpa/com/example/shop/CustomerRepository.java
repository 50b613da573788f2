package com.example.shop;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code customer}, one method each, as designed by accesspath from examples/shop.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /**
     * Access pattern {@code customer_by_email}: Sign-in.
     * Runs 50/s, p95 target 5 ms.
     *
     * <p>Expected plan: Index Scan on {@code customer} using {@code customer_lower_email_key}.
     */
    @Meta(comment = "customer_by_email")
    @Query("""
            select c
            from Customer c
            where lower(c.email) = lower(:email)
            """)
    Optional<Customer> customerByEmail(@Param("email") String email);
}
