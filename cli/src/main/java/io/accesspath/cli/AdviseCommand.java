package io.accesspath.cli;

import io.accesspath.core.advise.Advice;
import io.accesspath.core.advise.AdviceReport;
import io.accesspath.core.advise.Advisor;
import io.accesspath.core.advise.Budget;
import io.accesspath.core.advise.CostMatrix;
import io.accesspath.core.advise.RecordingWhatIf;
import io.accesspath.core.advise.WhatIf;
import io.accesspath.core.error.UserError;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accesspath advise}: the best set of indexes for a workload within a storage (and write)
 * budget. The what-if costs come from one place ({@link #whatIf()}); the search and the rendering
 * do not care where.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Chooses the set of indexes that makes a whole workload cheapest within a storage budget",
                "(and a write budget), and proposes dropping existing indexes the workload does not need.",
                "Each index comes with its individual and progressive benefit, each query with its cost",
                "before and after. See docs/advisor.md."})
public final class AdviseCommand implements Callable<Integer> {
    @Option(names = "--cost-matrix", paramLabel = "FILE.json",
            description = "A recorded what-if cost matrix (format in docs/advisor.md).")
    Path costMatrix;

    @Option(names = "--url", paramLabel = "URL",
            description = "A live PostgreSQL (read-only; what-if indexes through HypoPG, which must be installed there).")
    String url;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "The spec's access patterns are the workload (weights: their frequencies). Without --url,"
                    + " an embedded PostgreSQL holding the designed schema seeded at --scale.")
    Path spec;

    @Option(names = "--workload", paramLabel = "FILE.sql",
            description = "SQL statements separated by ';', each optionally preceded by '-- weight: N' (default 1)"
                    + " and '-- name: ID'; parameters as $1 or ?.")
    Path workload;

    @Option(names = "--pg-stat-statements",
            description = "The workload is the top statements of pg_stat_statements on --url (calls as weights).")
    boolean pgStatStatements;

    @Option(names = "--top", paramLabel = "N", defaultValue = "50",
            description = "With --pg-stat-statements: how many statements, by total execution time (default 50).")
    int top;

    @Option(names = "--scale", paramLabel = "F",
            description = "With --spec and no --url: the fraction of the declared volume to seed (default: verify's"
                    + " larger default scale, about 1.2M rows in all).")
    Double scale;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the data and of parameter picks (default 42).")
    Long seed;

    @Option(names = "--record-matrix", paramLabel = "FILE.json",
            description = "Write every what-if cost asked during this run as a cost matrix (replay with --cost-matrix).")
    Path recordMatrix;

    @Option(names = "--create-hypopg",
            description = "Run CREATE EXTENSION hypopg on --url when it is missing (the one write accesspath then makes).")
    boolean createHypoPg;

    @Option(names = "--budget-mb", paramLabel = "N", required = true,
            description = "Storage budget for all chosen indexes, existing ones kept included (1 MB = 1,048,576 bytes).")
    double budgetMb;

    @Option(names = "--write-budget", paramLabel = "N",
            description = "Write-overhead budget: the chosen indexes' writeCost summed (index entries written per"
                    + " second by the write patterns). Default: none.")
    Double writeBudget;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown or json.")
    Format format;

    @Mixin
    Common common;

    enum Format { text, markdown, json }

    @Override
    public Integer call() {
        Budget budget = budget();
        if (costMatrix != null) {
            if (url != null || spec != null || workload != null || pgStatStatements || recordMatrix != null) {
                throw UserError.invalid("--cost-matrix replays a recorded matrix: it takes no --url, --spec,"
                        + " --workload, --pg-stat-statements or --record-matrix");
            }
            print(Advisor.advise(whatIf(), budget));
            return 0;
        }
        try (LiveWhatIf live = LiveWhatIf.open(this)) {
            WhatIf w = live.whatIf();
            RecordingWhatIf recording = recordMatrix == null ? null : new RecordingWhatIf(w);
            Advice advice = Advisor.advise(recording == null ? w : recording, budget);
            if (recording != null) {
                recording.matrix().write(recordMatrix);
                io.accesspath.cli.internal.Log.info("recorded " + recordMatrix);
            }
            print(advice);
            live.summary(advice);
        }
        return 0;
    }

    private void print(Advice advice) {
        System.out.print(render(advice));
        System.out.flush();
    }

    Budget budget() {
        if (!(budgetMb >= 0) || Double.isInfinite(budgetMb)) {
            throw UserError.invalid("--budget-mb must be a number of MB >= 0, not " + budgetMb);
        }
        Budget budget = Budget.megabytes(budgetMb);
        if (writeBudget != null) {
            if (!(writeBudget >= 0) || Double.isInfinite(writeBudget)) {
                throw UserError.invalid("--write-budget must be a number >= 0, not " + writeBudget);
            }
            budget = budget.withWriteCost(writeBudget);
        }
        return budget;
    }

    /** The recorded matrix of --cost-matrix. */
    WhatIf whatIf() {
        return CostMatrix.read(costMatrix);
    }

    String render(Advice advice) {
        switch (format) {
            case json:
                return AdviceReport.json(advice) + "\n";
            case markdown:
                return AdviceReport.markdown(advice);
            default:
                return AdviceReport.text(advice);
        }
    }
}
