package io.accesspath.cli;

import io.accesspath.cli.internal.Log;
import io.accesspath.cli.internal.OutputFiles;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.engine.Verification;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.core.verify.VerifyReport;
import io.accesspath.core.verify.render.VerifyHtml;
import io.accesspath.core.verify.render.VerifyJson;
import io.accesspath.core.verify.render.VerifyMarkdown;
import io.accesspath.core.verify.render.VerifyText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accesspath verify SPEC}: proves the design's predictions on a real database. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Designs the schema, loads it with realistic data at two or more scales (an embedded",
                "PostgreSQL unless --url), then for every access pattern picks realistic parameters (hot and",
                "cold keys, narrow and wide ranges), compares its EXPLAIN ANALYZE plan with the one the design",
                "expects, times it against its latency target, and reports how it grows with the data; it also",
                "measures the write cost of every index. Exit code 0 when every target holds, 1 otherwise."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The requirements spec (YAML or JSON).")
    Path spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "Verify on this database, which already holds the schema and its data (read-only).")
    String url;

    @Option(names = "--scale", paramLabel = "F", split = ",",
            description = "Fractions of the declared volume to load (default: two scales, about 1.2M rows in all and a"
                    + " quarter of that). Repeat or separate with commas.")
    List<Double> scales = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "30",
            description = "Timed executions of each pattern at each scale (default 30).")
    int runs;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.html, report.md and report.json here.")
    Path report;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the data and of parameter picks (default 42).")
    Long seed;

    @Option(names = "--pg-version", paramLabel = "N", description = "Target PostgreSQL major version (14..18).")
    Integer pgVersion;

    @Option(names = "--without-index", paramLabel = "NAME",
            description = "Drop this designed index before measuring (see what the design is without it).")
    List<String> withoutIndexes = new ArrayList<>();

    @Option(names = "--write-rows", paramLabel = "N", defaultValue = "2000",
            description = "Rows per write measurement; 0 skips them (default 2000).")
    int writeRows;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "What to print: text (a summary) or json (report.json).")
    Format format;

    @Mixin
    Common common;

    enum Format { text, json }

    @Override
    public Integer call() {
        Spec s = SpecReader.read(spec);
        Design design = new Designer(Dialects.byId("postgresql").designDialect())
                .design(s, pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion));
        Dialect dialect = url == null ? Dialects.byId(design.dialect()) : Dialects.forUrl(url);
        List<Query> queries = new QueryWriter(dialect).write(design);
        Verification.Options options = new Verification.Options(scales, runs,
                seed == null ? SeedOptions.DEFAULT_SEED : seed, withoutIndexes, writeRows);
        Verification.Listener listener = Log::info;
        VerifyReport r;
        if (url == null) {
            r = Verification.onEmbedded(design, queries, dialect, options, listener);
        } else {
            if (!withoutIndexes.isEmpty()) {
                throw io.accesspath.core.error.UserError.invalid("--without-index drops indexes, which verify only"
                        + " does on a database it loaded itself; drop --url or drop --without-index");
            }
            try (Database db = dialect.connect(url, ConnectOptions.DEFAULT)) {
                r = Verification.onDatabase(design, queries, db, dialect, options, listener);
            }
        }
        if (report != null) {
            new OutputFiles().add("report.html", VerifyHtml.render(r)).add("report.md", VerifyMarkdown.render(r))
                    .add("report.json", VerifyJson.write(r)).writeTo(report);
        }
        if (format == Format.json) {
            System.out.print(VerifyJson.write(r));
        } else {
            System.out.print(VerifyText.render(r));
            if (report != null) {
                System.out.println("report: " + report.resolve("report.html") + " (also report.md, report.json)");
            }
        }
        return r.passed() ? 0 : 1;
    }
}
