package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.design.Design;
import io.accesspath.core.engine.SeedListener;
import io.accesspath.core.engine.SeedReport;
import io.accesspath.core.engine.SeedTarget;
import io.accesspath.core.engine.Seeding;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.postgres.seed.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every logical type goes through the binary COPY format (text for ranges), loads into the
 * embedded PostgreSQL, and reads back within its declared bounds; seed.sql (the text format) of
 * the same plan, run with psql, gives the same values.
 */
class SeedTypesIT {
    private static final String SPEC = """
            name: types
            settings: {key: uuid, enum_style: type}
            entities:
              thing:
                volume: {rows: 3000}
                attributes:
                  code:     {type: identifier, max_length: 12, required: true, unique: true}
                  title:    {type: searchable_text, max_length: 120, required: true}
                  email:    {type: email, unique: true}
                  site:     {type: url}
                  small:    {type: integer, check: {min: -50, max: 50}, generate: {distribution: normal, mean: 0, stddev: 30}}
                  big:      {type: bigint, required: true, unique: true}
                  ratio:    {type: decimal, precision: 12, scale: 5, check: {min: -100, max: 100}, generate: {distribution: uniform}}
                  price:    {type: money, required: true, check: {min: 0}}
                  ok:       {type: boolean, required: true}
                  day:      {type: date}
                  at:       {type: timestamp, required: true, default: now}
                  ref:      {type: uuid, unique: true}
                  doc:      {type: json}
                  tags:     {type: array, of: text}
                  counts:   {type: array, of: integer}
                  spot:     {type: geo_point}
                  span:     {type: range, of: integer}
                  period:   {type: range, of: timestamp}
                  budget:   {type: range, of: decimal}
                  level:    {type: enum, values: [low, mid, high], weights: [6, 3, 1], required: true}
                  hex:      {type: text, max_length: 9, check: {pattern: "^[A-F]{3}-[0-9]{4}$"}}
              part:
                volume: {rows: 9000}
                attributes:
                  qty:      {type: integer, required: true, check: {min: 1, max: 3}}
            relationships:
              - {from: part, to: thing, kind: many-to-one, required: true, owned: true}
            access_patterns:
              - {name: by_code, entity: thing, where: [code: eq], frequency: 1/s}
            """;

    @TempDir
    Path dir;

    @Test
    void everyTypeLoadsAndStaysInItsBounds() throws Exception {
        Design design = Specs.inline(SPEC);
        try (TestDatabases.Scratch scratch = TestDatabases.create(TestDatabases.Target.EMBEDDED, "seed_types");
             TestDatabases.Scratch viaScript = TestDatabases.create(TestDatabases.Target.EMBEDDED, "seed_types_sql")) {
            SeedReport r = Seeding.run(design, SeedOptions.defaults().withThreads(2),
                    new SeedTarget.Load(scratch.database(), true, false, true), SeedListener.NONE);
            assertThat(r.rows()).isEqualTo(12_000);
            SeedQueries q = new SeedQueries(scratch.database());
            assertThat(q.orphans(design.schema())).isEmpty();
            assertThat(q.count("SELECT count(*) FROM thing WHERE small NOT BETWEEN -50 AND 50")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE small < 0")).as("negative numbers").isPositive();
            assertThat(q.count("SELECT count(*) FROM thing WHERE ratio < 0 AND ratio > -100")).isPositive();
            assertThat(q.number("SELECT min(ratio) FROM thing")).isGreaterThanOrEqualTo(-100);
            assertThat(q.count("SELECT count(*) FROM thing WHERE scale(ratio) <> 5")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE hex !~ '^[A-F]{3}-[0-9]{4}$'")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE NOT (span @> lower(span))")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE upper(period) <= lower(period)")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE jsonb_typeof(doc) <> 'object'")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE cardinality(tags) > 0")).isPositive();
            assertThat(q.count("SELECT count(*) FROM thing WHERE cardinality(counts) > 0")).isPositive();
            assertThat(q.count("SELECT count(*) FROM thing WHERE site !~ '^https://'")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE spot[0] NOT BETWEEN -180 AND 180"
                    + " OR spot[1] NOT BETWEEN -90 AND 90")).isZero();
            assertThat(q.count("SELECT count(*) FROM thing WHERE length(code) > 12")).isZero();
            assertThat(q.count("SELECT count(DISTINCT id) FROM thing")).isEqualTo(3_000);
            assertThat(q.count("SELECT count(*) FROM thing WHERE id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4'"))
                    .as("version-4 UUID keys").isZero();
            assertThat(q.number("SELECT avg((level = 'low')::int) FROM thing")).isBetween(0.55, 0.65);
            assertThat(q.count("SELECT count(*) FROM part p JOIN thing t ON t.id = p.thing_id")).isEqualTo(9_000);
            assertThat(q.count("SELECT count(*) FROM thing WHERE search_vector IS NULL")).isZero();

            Seeding.run(design, SeedOptions.defaults().withThreads(2), new SeedTarget.SqlScript(dir), SeedListener.NONE);
            viaScript.database().apply(PgDdl.render(design.schema()), ApplyMode.COMMIT);
            Process psql = new ProcessBuilder("psql", "-X", "-q", "-d", viaScript.url(), "-f",
                    dir.resolve("seed.sql").toString()).redirectErrorStream(true).start();
            String said = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(psql.waitFor()).as("psql said: %s", said).isZero();
            String digest = "SELECT md5(string_agg(t::text, '|' ORDER BY t.id::text)) FROM thing t";
            assertThat(new SeedQueries(viaScript.database()).text(digest)).as("binary COPY and seed.sql agree")
                    .isEqualTo(q.text(digest));
        }
    }
}
