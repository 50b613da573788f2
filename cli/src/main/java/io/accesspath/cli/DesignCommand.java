package io.accesspath.cli;

import io.accesspath.cli.internal.Log;
import io.accesspath.cli.internal.OutputFiles;
import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.ApplyResult;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.db.Statement;
import io.accesspath.core.design.Decision;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.engine.DesignOutputs;
import io.accesspath.core.render.DesignJson;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accesspath design SPEC --out DIR}: designs the schema and proves it applies. */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = {"Designs a PostgreSQL schema from a requirements spec, writes schema.sql, design.md,",
                "erd.mmd and design.json, and proves the DDL on a real PostgreSQL (a throwaway embedded",
                "server, or --url in a transaction that is rolled back)."})
public final class DesignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The requirements spec (YAML or JSON).")
    Path spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write schema.sql, design.md, erd.mmd and design.json into DIR.")
    Path out;

    @Option(names = "--pg-version", paramLabel = "N",
            description = "Target PostgreSQL major version (14..18). Without it the schema runs on 14 and later.")
    Integer pgVersion;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "What to print: text (a summary), json (design.json) or markdown (design.md).")
    Format format;

    @Option(names = "--url", paramLabel = "URL",
            description = "Also prove the DDL on this database, inside a transaction that is rolled back.")
    String url;

    @Option(names = "--no-apply", description = "Do not prove the DDL on an embedded PostgreSQL.")
    boolean noApply;

    @Mixin
    Common common;

    enum Format { text, json, markdown }

    @Override
    public Integer call() {
        Spec s = SpecReader.read(spec);
        Dialect dialect = Dialects.byId("postgresql");
        Design design = new Designer(dialect.designDialect())
                .design(s, pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion));
        Map<String, String> files = DesignOutputs.render(design, dialect);
        List<Statement> ddl = dialect.renderDdl(design.schema());

        String proof = "";
        if (!noApply) {
            proof = proveEmbedded(dialect, ddl);
        }
        if (url != null) {
            proof += (proof.isEmpty() ? "" : "\n") + proveOnUrl(dialect, ddl);
        }
        if (out != null) {
            OutputFiles o = new OutputFiles();
            files.forEach(o::add);
            o.writeTo(out);
        }
        switch (format) {
            case json -> System.out.print(files.get(DesignOutputs.DESIGN_JSON));
            case markdown -> System.out.print(files.get(DesignOutputs.DESIGN_MD));
            default -> printText(design, proof);
        }
        return 0;
    }

    private void printText(Design design, String proof) {
        System.out.println(DesignOutputs.summary(design));
        for (Decision d : design.decisionsOf(Decision.Kind.INDEX)) {
            System.out.println("  index " + d.subject() + "  serves " + String.join(", ", d.patterns()));
        }
        if (!proof.isEmpty()) {
            System.out.println(proof);
        }
        if (out != null) {
            System.out.println("wrote " + String.join(", ", List.of(DesignOutputs.SCHEMA_SQL, DesignOutputs.DESIGN_MD,
                    DesignOutputs.ERD_MMD, DesignOutputs.DESIGN_JSON).stream().map(f -> out.resolve(f).toString()).toList()));
        } else {
            System.out.println("(add --out DIR to write schema.sql, design.md, erd.mmd and design.json)");
        }
    }

    private static String proveEmbedded(Dialect dialect, List<Statement> ddl) {
        Log.info("starting an embedded PostgreSQL to prove the schema...");
        long t0 = System.nanoTime();
        try (Database db = dialect.startEmbedded()) {
            long started = System.nanoTime();
            ApplyResult r = db.apply(ddl, ApplyMode.COMMIT);
            return "applied to embedded PostgreSQL " + db.serverVersion().number() + ": " + r.statements().size()
                    + " statements in " + seconds(r.total()) + " s (server start " + seconds(Duration.ofNanos(started - t0))
                    + " s)";
        }
    }

    private String proveOnUrl(Dialect dialect, List<Statement> ddl) {
        try (Database db = dialect.connect(url, ConnectOptions.DEFAULT)) {
            ApplyResult r = db.apply(ddl, ApplyMode.ROLLBACK);
            return "proved on " + db.target() + " (PostgreSQL " + db.serverVersion().number() + "): "
                    + r.statements().size() + " statements ran in " + seconds(r.total())
                    + " s inside a transaction that was rolled back; nothing changed";
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }
}
