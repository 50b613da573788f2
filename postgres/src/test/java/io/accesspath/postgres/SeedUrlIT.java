package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.design.Design;
import io.accesspath.core.engine.SeedCancel;
import io.accesspath.core.engine.SeedFailure;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.seed.SeedPlan;
import io.accesspath.core.seed.TableSeed;
import io.accesspath.postgres.seed.Specs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeding a database named by a URL (the PostgreSQL 15 server, a scratch database per test):
 * the schema the user's migrations made is compared with the design, tables holding rows are
 * refused unless truncating, and a table whose load fails is rolled back.
 */
class SeedUrlIT {
    private static final SeedOptions SMALL = SeedOptions.defaults().withThreads(2)
            .withRows(Map.of("customer", 500L, "category", 20L, "product", 100L, "order", 2_000L));
    private final Design design = Specs.example("shop");
    private TestDatabases.Scratch scratch;
    private SeedQueries q;

    @BeforeEach
    void createSchema() {
        scratch = TestDatabases.create(TestDatabases.Target.SERVER, "seed_url");
        scratch.database().apply(PgDdl.render(design.schema()), ApplyMode.COMMIT);
        q = new SeedQueries(scratch.database());
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    private SeedReport seed(boolean truncate) {
        return Seeding.run(design, SMALL, new SeedTarget.Load(scratch.database(), false, truncate, false),
                SeedListener.NONE);
    }

    @Test
    void differencesAreReportedOneLineEachAndBlockingOnesRefuse() {
        q.execute("ALTER TABLE customer DROP COLUMN country", "ALTER TABLE orders DROP COLUMN shipped_at",
                "ALTER TABLE product ALTER COLUMN name TYPE text", "ALTER TABLE orders ADD COLUMN legacy_code text NOT NULL",
                "ALTER TABLE orders ADD COLUMN note text", "DROP TABLE product_category");

        UserError e = catchThrowableOfType(UserError.class, () -> seed(false));

        assertThat(e.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(e.problems()).extracting(Problem::render).containsExactly(
                "table customer: column country (varchar(2) NOT NULL) is missing from the database",
                "table orders: column legacy_code (text) is NOT NULL without a default and not in the design; the seed"
                        + " cannot fill it",
                "table product_category is missing from the database",
                "refusing to seed " + scratch.database().target() + ": its schema does not match the design (3 blocking"
                        + " differences); migrate the database to the design first");
        assertThat(q.count("SELECT count(*) FROM customer")).as("nothing written").isZero();
    }

    @Test
    void workableDifferencesAreWorkedAroundAndReported() {
        q.execute("ALTER TABLE orders DROP COLUMN shipped_at", "ALTER TABLE product ALTER COLUMN name TYPE text",
                "ALTER TABLE orders ADD COLUMN note text");

        SeedReport r = seed(false);

        assertThat(r.differences()).containsExactly(
                "table product: column name is text in the database, varchar(200) in the design; it is loaded as text",
                "table orders: column shipped_at (timestamptz) is missing from the database; it is left out",
                "table orders: column note (text) is not in the design; it is left to its default");
        assertThat(q.count("SELECT count(*) FROM orders")).isEqualTo(2_000);
        assertThat(q.count("SELECT count(*) FROM product WHERE name IS NULL")).isZero();
        assertThat(q.orphans(design.schema())).isEmpty();
    }

    @Test
    void tablesWithRowsAreRefusedUnlessTruncating() {
        seed(false);

        UserError e = catchThrowableOfType(UserError.class, () -> seed(false));
        assertThat(e.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(e.problems()).extracting(Problem::render).containsExactly("refusing to seed "
                + scratch.database().target() + ": tables customer, category, product, orders, order_line,"
                + " product_category already hold rows; seed an empty schema, or add --truncate to empty the seeded"
                + " tables first (their rows are deleted)");

        SeedReport again = seed(true);
        assertThat(again.rows()).isEqualTo(500 + 20 + 100 + 2_000 + 6_000 + 200);
        assertThat(q.count("SELECT count(*) FROM order_line")).isEqualTo(6_000);
        assertThat(q.count("INSERT INTO category (name, slug) VALUES ('x', 'new-x') RETURNING id")).isEqualTo(21);
    }

    @Test
    void aFailingTableIsRolledBackAndTheErrorSaysWhatWasLoaded() {
        q.execute("CREATE FUNCTION refuse_line() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.id = 4000 THEN RAISE EXCEPTION 'line % refused', NEW.id; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER refuse BEFORE INSERT ON order_line FOR EACH ROW EXECUTE FUNCTION refuse_line()");

        SeedFailure e = catchThrowableOfType(SeedFailure.class, () -> seed(false));

        assertThat(e.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(e.problems()).extracting(Problem::render).first().asString().startsWith("loading table order_line"
                + " into " + scratch.database().target() + " failed: line 4000 refused [SQLSTATE P0001]");
        assertThat(e.problems()).extracting(Problem::render).last().asString().startsWith("table order_line was rolled"
                + " back and holds no seeded rows; loaded: customer, category, product, orders");
        assertThat(e.report().tables()).filteredOn(t -> t.table().equals("order_line")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(SeedReport.Status.ROLLED_BACK));
        assertThat(q.count("SELECT count(*) FROM order_line")).as("no half-filled table").isZero();
        assertThat(q.count("SELECT count(*) FROM orders")).isEqualTo(2_000);
    }

    @Test
    void aConstraintViolationMidLoadRollsTheTableBack() {
        // A check the design does not know: the database refuses some orders part way through the COPY.
        q.execute("ALTER TABLE orders ADD CONSTRAINT orders_small CHECK (total_amount < 150)");

        SeedFailure e = catchThrowableOfType(SeedFailure.class, () -> seed(false));

        assertThat(e.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(e.problems()).extracting(Problem::render).first().asString().startsWith("loading table orders"
                + " into " + scratch.database().target() + " failed: new row for relation \"orders\" violates check"
                + " constraint \"orders_small\"");
        // product_category may load beside orders or not start: its place in the line varies.
        assertThat(e.problems()).extracting(Problem::render).last().asString().startsWith("table orders was rolled"
                + " back and holds no seeded rows; loaded: customer, category, product")
                .containsPattern("not loaded: .*order_line");
        assertThat(q.count("SELECT count(*) FROM orders")).as("no half-filled table").isZero();
        assertThat(q.count("SELECT count(*) FROM order_line")).isZero();
        assertThat(q.count("SELECT count(*) FROM customer")).isEqualTo(500);
    }

    @Test
    void aCancelledSeedRollsBackTheTablesInProgressAndSaysWhatWasLoaded() throws Exception {
        SeedCancel cancel = new SeedCancel();
        SeedListener cancelMidTable = new SeedListener() {
            @Override
            public void progress(TableSeed table, long rowsDone, long bytes) {
                if (table.name().equals("order_line") && rowsDone > 0) {
                    cancel.cancel();
                }
            }
        };
        SeedOptions more = SMALL.withRows(Map.of("customer", 500L, "category", 20L, "product", 100L,
                "order", 50_000L));
        long t0 = System.nanoTime();

        SeedFailure e = catchThrowableOfType(SeedFailure.class, () -> Seeding.run(SeedPlan.of(design, more),
                new SeedTarget.Load(scratch.database(), false, false, false), cancelMidTable, cancel));

        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to stop").isLessThan(60);
        assertThat(e.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(e.problems()).extracting(Problem::render).first()
                .isEqualTo("interrupted while loading " + scratch.database().target());
        assertThat(e.problems()).extracting(Problem::render).last().asString().contains("order_line")
                .contains("rolled back").contains("loaded: customer, category, product, orders");
        assertThat(e.report().tables()).filteredOn(t -> t.table().equals("order_line")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(SeedReport.Status.ROLLED_BACK));
        for (SeedReport.TableReport t : e.report().tables()) {
            long rows = q.count("SELECT count(*) FROM " + t.table());
            if (t.status() == SeedReport.Status.LOADED) {
                assertThat(rows).as(t.table()).isEqualTo(t.rows()).isPositive();
            } else {
                assertThat(rows).as("no half-filled table: " + t.table()).isZero();
            }
        }
        assertThat(q.count("SELECT count(*) FROM orders")).isEqualTo(50_000);
        assertThat(q.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND query ILIKE 'COPY%' AND state <> 'idle'")).as("no COPY left running").isZero();
    }
}
