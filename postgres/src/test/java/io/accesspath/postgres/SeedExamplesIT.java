package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Design;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.postgres.seed.Specs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other examples load with every constraint enforced: tenant-scoped composite keys (saas),
 * a natural key and retention (iot), threads of replies inside articles (content).
 */
class SeedExamplesIT {
    private static SeedReport load(TestDatabases.Scratch scratch, Design design, SeedOptions options) {
        return Seeding.run(design, options.withThreads(2), new SeedTarget.Load(scratch.database(), true, false, true),
                SeedListener.NONE);
    }

    /** Tenant consistency: every composite foreign key (account_id, x_id) names a row of the same account. */
    @Test
    void saasKeepsEveryReferenceInsideItsTenant() {
        try (TestDatabases.Scratch scratch = TestDatabases.create(TestDatabases.Target.EMBEDDED, "seed_saas")) {
            Design design = Specs.example("saas");
            SeedReport r = load(scratch, design, SeedOptions.defaults().withScale(0.0005));
            SeedQueries q = new SeedQueries(scratch.database());
            assertThat(r.tables()).allSatisfy(t -> assertThat(t.status()).isEqualTo(SeedReport.Status.LOADED));
            assertThat(q.orphans(design.schema())).isEmpty();
            assertThat(q.unvalidatedConstraints()).isZero();
            assertThat(q.count("SELECT count(*) FROM task")).isEqualTo(15_000);
            assertThat(q.count("SELECT count(*) FROM comment")).isEqualTo(45_000);
            assertThat(q.count("SELECT count(*) FROM account a WHERE NOT EXISTS (SELECT 1 FROM member m"
                    + " WHERE m.account_id = a.id)")).as("accounts without members").isZero();
            assertThat(q.count("SELECT count(*) FROM task t JOIN project p ON p.account_id = t.account_id"
                    + " AND p.id = t.project_id")).isEqualTo(15_000);
            assertThat(q.count("SELECT count(*) FROM (SELECT project_id, min(number) AS lo, max(number) AS hi,"
                    + " count(*) AS n FROM task GROUP BY project_id) g WHERE lo <> 1 OR hi <> n"))
                    .as("task numbers run 1..n within each project").isZero();
            assertThat(q.count("SELECT count(*) FROM task_label tl JOIN label l ON l.id = tl.label_id"
                    + " WHERE l.account_id <> tl.account_id")).isZero();
            assertThat(q.count("SELECT count(*) FROM label WHERE color !~ '^#[0-9a-f]{6}$'")).isZero();
            assertThat(q.number("SELECT avg((deleted_at IS NULL)::int) FROM task")).as("null_ratio 0.97")
                    .isBetween(0.96, 0.98);
            assertThat(q.count("SELECT count(*) FROM task WHERE updated_at < created_at")).isZero();
        }
    }

    @Test
    void iotKeepsItsNaturalKeyAndRetention() {
        try (TestDatabases.Scratch scratch = TestDatabases.create(TestDatabases.Target.EMBEDDED, "seed_iot")) {
            Design design = Specs.example("iot");
            load(scratch, design, SeedOptions.defaults().withRows(Map.of("site", 20L, "device", 500L,
                    "reading", 30_000L, "alert", 2_000L)));
            SeedQueries q = new SeedQueries(scratch.database());
            assertThat(q.orphans(design.schema())).isEmpty();
            assertThat(q.count("SELECT count(*) FROM reading")).isEqualTo(30_000);
            assertThat(q.number("SELECT extract(epoch FROM '2026-01-01'::timestamptz - min(recorded_at)) / 86400"
                    + " FROM reading")).as("readings within the 30 days kept").isLessThanOrEqualTo(30);
            assertThat(q.number("SELECT avg(temperature) FROM reading")).as("normal(21, 4)").isBetween(20.8, 21.2);
            assertThat(q.count("SELECT count(*) FROM reading WHERE humidity NOT BETWEEN 0 AND 100")).isZero();
            assertThat(q.count("SELECT count(*) FROM device WHERE location[1] NOT BETWEEN -180 AND 180"
                    + " OR location[0] NOT BETWEEN -180 AND 180")).isZero();
            Map<String, Double> models = q.pairs("SELECT model, count(*) FROM device GROUP BY model");
            assertThat(models.get("t100") / 500).as("weight 50 of 100").isBetween(0.43, 0.57);
        }
    }

    @Test
    void contentKeepsRepliesInsideTheirArticle() {
        try (TestDatabases.Scratch scratch = TestDatabases.create(TestDatabases.Target.EMBEDDED, "seed_content")) {
            Design design = Specs.example("content");
            load(scratch, design, SeedOptions.defaults().withScale(0.002));
            SeedQueries q = new SeedQueries(scratch.database());
            assertThat(q.orphans(design.schema())).isEmpty();
            assertThat(q.count("SELECT count(*) FROM comment c JOIN comment p ON p.id = c.reply_to_id"
                    + " WHERE p.article_id <> c.article_id")).isZero();
            assertThat(q.count("WITH RECURSIVE t(id, depth) AS (SELECT id, 1 FROM comment WHERE reply_to_id IS NULL"
                    + " UNION ALL SELECT c.id, t.depth + 1 FROM comment c JOIN t ON c.reply_to_id = t.id)"
                    + " SELECT max(depth) FROM t")).isBetween(2L, 4L);
            assertThat(q.number("SELECT avg((reply_to_id IS NULL)::int) FROM comment")).as("most comments start a thread")
                    .isGreaterThan(0.4);
            assertThat(q.count("SELECT count(*) FROM article WHERE search_vector IS NULL")).isZero();
            assertThat(q.count("SELECT count(*) - count(DISTINCT slug) FROM article")).isZero();
        }
    }
}
