package com.example.saas;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The access patterns that read {@code member}, one method each, as designed by accesspath from examples/saas.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface MemberRepository extends JpaRepository<Member, MemberId> {

    /**
     * Access pattern {@code member_by_email}: Sign-in within an account.
     * Runs 30/s, p95 target 5 ms.
     *
     * <p>Expected plan: Index Scan on {@code member} using {@code member_account_id_lower_email_key}.
     */
    @Meta(comment = "member_by_email")
    @Query("""
            select m
            from Member m
            where m.accountId = :accountId
              and lower(m.email) = lower(:email)
            """)
    Optional<Member> memberByEmail(@Param("accountId") Long accountId, @Param("email") String email);
}
