package io.accesspath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accesspath advise --cost-matrix} as users run it. */
class AdviseCliIT {
    private static final Path MATRICES = Cli.ROOT.resolve("core/src/test/resources/advise");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonOutputHasTheIssuesFieldsAndTheExtras() throws Exception {
        Cli.Result r = Cli.run("advise", "--cost-matrix", MATRICES.resolve("shop.json").toString(), "--budget-mb",
                "2500", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).isEmpty();
        JsonNode json = JSON.readTree(r.stdout());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).startsWith("chosen", "sizeBytes", "cost", "baselineCost", "relativeCost")
                .contains("indexes", "removals", "queries", "whatIfCalls", "optimal", "create", "drop");
        List<String> chosen = new ArrayList<>();
        json.get("chosen").forEach(n -> chosen.add(n.asText()));
        assertThat(chosen).containsExactly("orders_customer_id_idx", "ix_orders_status_placed", "ix_items_order",
                "ix_customers_email", "ix_products_category_price");
        assertThat(json.get("sizeBytes").asLong()).isLessThanOrEqualTo(2500L * 1024 * 1024);
        assertThat(json.get("relativeCost").asDouble())
                .isCloseTo(json.get("cost").asDouble() / json.get("baselineCost").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.get("whatIfCalls").asLong()).isPositive();
        assertThat(json.get("optimal").asBoolean()).isTrue();
        assertThat(json.get("removals").get(0).get("id").asText()).isEqualTo("orders_coupon_code_idx");
        assertThat(json.get("removals").get(0).get("reason").asText()).isEqualTo("unused");
        assertThat(json.get("indexes").get(2).get("individualBenefit").asDouble()).isZero();
        assertThat(json.get("indexes").get(2).get("progressiveBenefit").asDouble()).isPositive();
    }

    @Test
    void textOutputShowsBenefitsPerQueryCostsAndConcurrentDdl() {
        Cli.Result r = Cli.run("advise", "--cost-matrix", MATRICES.resolve("shop.json").toString(), "--budget-mb",
                "2500");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("individual", "progressive", "per query", "recent_paid_items",
                "CREATE INDEX CONCURRENTLY ix_items_order ON order_items (order_id);",
                "DROP INDEX CONCURRENTLY orders_coupon_code_idx;");
        Cli.Result md = Cli.run("advise", "--cost-matrix", MATRICES.resolve("shop.json").toString(), "--budget-mb",
                "2500", "--format", "markdown");
        assertThat(md.exitCode()).as(md.toString()).isZero();
        assertThat(md.stdout()).startsWith("# Index advice").contains("| query | weight |").contains("```sql");
    }

    @Test
    void theWriteBudgetIsHonoured() throws Exception {
        Cli.Result r = Cli.run("advise", "--cost-matrix", MATRICES.resolve("warehouse.json").toString(),
                "--budget-mb", "100000", "--write-budget", "3000", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.stdout());
        assertThat(json.get("writeCost").asDouble()).isLessThanOrEqualTo(3000);
        assertThat(json.get("budget").get("writeCost").asDouble()).isEqualTo(3000);
    }

    @Test
    void aMalformedMatrixExitsTwoWithEveryProblemLocated(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"queries": [{"id": "q1", "weight": 1}],
                 "indexes": [{"id": "a", "columns": ["x"], "sizeBytes": "big"}],
                 "costs": [{"query": "q1", "indexes": ["b"], "cost": 3}]}
                """);
        Cli.Result r = Cli.run("advise", "--cost-matrix", bad.toString(), "--budget-mb", "10");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderrLines()).containsExactly(
                bad + ":2:57: $.indexes[0].sizeBytes: sizeBytes must be a number, not \"big\"",
                bad + ":3:40: $.costs[0].indexes[0]: unknown index 'b'; declared: a");
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"queries\": [\n  {\"id\": \"q1\"\n");
        Cli.Result s = Cli.run("advise", "--cost-matrix", notJson.toString(), "--budget-mb", "10");
        assertThat(s.exitCode()).as(s.toString()).isEqualTo(2);
        assertThat(s.stderrLines()).singleElement().asString().startsWith(notJson + ":3:1: not valid JSON");
    }

    @Test
    void badFlagsAndMissingFilesAreRefused() {
        Cli.Result noBudget = Cli.run("advise", "--cost-matrix", MATRICES.resolve("shop.json").toString());
        assertThat(noBudget.exitCode()).as(noBudget.toString()).isEqualTo(2);
        assertThat(noBudget.stderr()).contains("--budget-mb");
        Cli.Result negative = Cli.run("advise", "--cost-matrix", MATRICES.resolve("shop.json").toString(),
                "--budget-mb", "-5");
        assertThat(negative.exitCode()).as(negative.toString()).isEqualTo(2);
        assertThat(negative.stderrLines()).containsExactly("--budget-mb must be a number of MB >= 0, not -5.0");
        Cli.Result typo = Cli.run("advise", "--cost-matrx", "x.json", "--budget-mb", "5");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.stderr()).contains("unknown option '--cost-matrx'");
        Cli.Result format = Cli.run("advise", "--cost-matrix", MATRICES.resolve("shop.json").toString(),
                "--budget-mb", "5", "--format", "yaml");
        assertThat(format.exitCode()).isEqualTo(2);
        Cli.Result noSource = Cli.run("advise", "--budget-mb", "5");
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.stderr()).contains("--cost-matrix");
        Cli.Result missing = Cli.run("advise", "--cost-matrix", "no/such.json", "--budget-mb", "5");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.stderrLines()).containsExactly("cannot read the cost matrix no/such.json: no such file");
    }
}
