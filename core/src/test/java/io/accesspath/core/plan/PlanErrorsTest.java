package io.accesspath.core.plan;

import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Input that is not a plan: a UserError at the first line that does not fit, exit code 2. */
class PlanErrorsTest {

    private static Problem problem(String input) {
        UserError e = catchThrowableOfType(UserError.class, () -> PlanParser.parse(input, "plan.txt"));
        assertThat(e).as("a UserError for:%n%s", input).isNotNull();
        assertThat(e.exitCode()).isEqualTo(UserError.INVALID_INPUT);
        return e.problems().get(0);
    }

    @Test
    void proseIsNotAPlan() {
        Problem p = problem("SELECT * FROM orders WHERE id = 1;\n");

        assertThat(p.render()).isEqualTo("plan.txt:1:1: not a plan node line: 'SELECT * FROM orders WHERE id = 1;';"
                + " expected a plan node line like 'Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)'");
    }

    @Test
    void aBadLineInsideAPlanIsLocated() {
        Problem p = problem("""
                Hash Join  (cost=60.29..907.72 rows=983 width=9)
                  Hash Cond: (o.customer_id = c.id)
                  ->  Seq Scan on orders o  (cost=0.00..1834.00 rows=100000 width=12)
                        this line was typed by hand
                  ->  Hash  (cost=35.00..35.00 rows=2000 width=7)
                """);

        assertThat(p.loc().line()).isEqualTo(4);
        assertThat(p.loc().column()).isEqualTo(9);
        assertThat(p.message()).isEqualTo("not a plan line: 'this line was typed by hand'");
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("'->  Seq Scan on t  (cost=...)'"));
    }

    @Test
    void anArrowWithNothingAfterItIsNotANode() {
        Problem p = problem("Limit  (cost=0.29..0.46 rows=5 width=34)\n  ->\n");

        assertThat(p.loc().toString()).isEqualTo("plan.txt:2:3");
    }

    @Test
    void locationsInPsqlOutputCountTheFrame() {
        Problem p = problem("""
                                 QUERY PLAN
                -----------------------------------------
                 Seq Scan on orders  (cost=0.00..1834.00 rows=100000 width=34)
                   Filter: (total > '990'::numeric)
                   oops
                (3 rows)
                """);

        assertThat(p.loc().toString()).isEqualTo("plan.txt:5:4");
    }

    @Test
    void aSecondPlanIsRejected() {
        Problem p = problem("""
                Seq Scan on a  (cost=0.00..1.00 rows=1 width=4)
                Planning Time: 0.010 ms
                Seq Scan on b  (cost=0.00..1.00 rows=1 width=4)
                """);

        assertThat(p.loc().line()).isEqualTo(3);
        assertThat(p.message()).isEqualTo("a second plan in this input");
    }

    @Test
    void textAfterTheFooterIsRejected() {
        Problem p = problem(" Result  (cost=0.00..0.01 rows=1 width=4)\n(1 row)\n\nSELECT 1;\n");

        assertThat(p.loc().toString()).isEqualTo("plan.txt:4:1");
    }

    @Test
    void emptyInputHasNoPlan() {
        assertThat(problem("  \n\n").render()).startsWith("plan.txt:1:1: no plan in this input");
    }

    @Test
    void invalidJsonIsLocatedByTheJsonParser() {
        Problem p = problem("[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Seq Scan\",\n    }\n  }\n]");

        assertThat(p.loc().line()).isEqualTo(5);
        assertThat(p.message()).startsWith("invalid JSON: ");
    }

    @Test
    void jsonWithoutAPlanOrANodeType() {
        assertThat(problem("[\n  {\n    \"Planning Time\": 0.1\n  }\n]").render())
                .startsWith("plan.txt:2:3: no \"Plan\" in this JSON object");
        assertThat(problem("{\"Plan\": {\"Plans\": []}}").render())
                .startsWith("plan.txt:1:10: plan node without a \"Node Type\"");
        assertThat(problem("[]").message()).isEqualTo("this JSON array holds no plan");
    }
}
