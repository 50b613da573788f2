package io.accesspath.cli;

import io.accesspath.cli.internal.Log;
import io.accesspath.core.advise.Advice;
import io.accesspath.core.advise.WhatIf;
import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.engine.Verification;
import io.accesspath.core.error.UserError;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.seed.SeedOptions;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.postgres.advise.PgWhatIf;
import io.accesspath.postgres.advise.SpecWorkload;
import io.accesspath.postgres.advise.WorkloadStatement;
import io.accesspath.postgres.advise.Workloads;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * The live what-if side of {@code accesspath advise}: the database (a user's, read-only, through
 * HypoPG; or an embedded one seeded from the spec, where candidates are built for real inside a
 * transaction that is rolled back), the workload, and the session. Closing it ends the session and
 * stops an embedded server.
 */
final class LiveWhatIf implements AutoCloseable {
    private final Database db;
    private final PgWhatIf whatIf;

    private LiveWhatIf(Database db, PgWhatIf whatIf) {
        this.db = db;
        this.whatIf = whatIf;
    }

    static LiveWhatIf open(AdviseCommand c) {
        int sources = (c.spec != null ? 1 : 0) + (c.workload != null ? 1 : 0) + (c.pgStatStatements ? 1 : 0);
        if (sources == 0) {
            throw UserError.invalid("give a workload: --spec SPEC, --workload FILE.sql (with --url) or"
                    + " --pg-stat-statements (with --url); or a recorded matrix with --cost-matrix FILE.json");
        }
        if (c.pgStatStatements && (c.spec != null || c.workload != null)) {
            throw UserError.invalid("--pg-stat-statements is the whole workload: drop --spec and --workload");
        }
        if (c.url == null && c.spec == null) {
            throw UserError.invalid((c.pgStatStatements ? "--pg-stat-statements" : "--workload")
                    + " needs a database that holds the tables: add --url URL (or --spec SPEC to seed an embedded one)");
        }
        if (c.url != null && c.scale != null) {
            throw UserError.invalid("--scale seeds an embedded database; with --url the data is what the database holds");
        }
        long seed = c.seed == null ? SeedOptions.DEFAULT_SEED : c.seed;
        Spec spec = c.spec == null ? null : SpecReader.read(c.spec);
        Design design = spec == null ? null
                : new Designer(Dialects.byId("postgresql").designDialect()).design(spec, OptionalInt.empty());
        ToDoubleFunction<io.accesspath.postgres.advise.IndexDef> writeCost = spec == null ? d -> 0
                : SpecWorkload.writeCosts(spec);
        Database db;
        PgWhatIf.Mode mode;
        if (c.url != null) {
            db = Dialects.forUrl(c.url).connect(c.url, ConnectOptions.DEFAULT);
            mode = PgWhatIf.Mode.HYPOPG;
        } else {
            Dialect dialect = Dialects.byId(design.dialect());
            db = Verification.seededEmbedded(design, dialect,
                    c.scale == null ? OptionalDouble.empty() : OptionalDouble.of(c.scale), seed, Log::info);
            mode = PgWhatIf.Mode.ROLLBACK;
        }
        try {
            List<WorkloadStatement> statements;
            if (c.pgStatStatements) {
                statements = Workloads.fromPgStatStatements(db, c.top);
                if (statements.isEmpty()) {
                    throw UserError.invalid("pg_stat_statements on " + db.target() + " holds no statement of this"
                            + " database to cost (SELECT, INSERT, UPDATE, DELETE)");
                }
            } else if (c.workload != null) {
                statements = Workloads.fromFile(c.workload);
            } else {
                List<Query> queries = new QueryWriter(Dialects.byId("postgresql")).write(design);
                statements = SpecWorkload.statements(db, design, queries, seed);
            }
            Log.info("what-if on " + db.target() + (mode == PgWhatIf.Mode.HYPOPG ? " through HypoPG (read-only)"
                    : " with real indexes inside a transaction that is rolled back") + ": " + statements.size()
                    + " statements");
            PgWhatIf w = PgWhatIf.forWorkload(db, new PgWhatIf.Settings(mode, writeCost, c.createHypoPg, Log::info),
                    statements);
            w.warnings().forEach(m -> Log.info("warning: " + m));
            Log.info(w.candidates().size() + " candidate indexes (" + w.candidates().stream()
                    .filter(WhatIf.IndexCandidate::existing).count() + " existing)");
            return new LiveWhatIf(db, w);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    WhatIf whatIf() {
        return whatIf;
    }

    void summary(Advice advice) {
        Log.info(whatIf.calls() + " what-if EXPLAINs reached the planner");
    }

    @Override
    public void close() {
        try {
            whatIf.close();
        } finally {
            db.close();
        }
    }
}
