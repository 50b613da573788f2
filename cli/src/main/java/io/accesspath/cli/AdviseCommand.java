package io.accesspath.cli;

import io.accesspath.core.advise.Advice;
import io.accesspath.core.advise.AdviceReport;
import io.accesspath.core.advise.Advisor;
import io.accesspath.core.advise.Budget;
import io.accesspath.core.advise.CostMatrix;
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
        WhatIf whatIf = whatIf();
        Advice advice = Advisor.advise(whatIf, budget);
        System.out.print(render(advice));
        System.out.flush();
        return 0;
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

    /** Where the what-if costs come from: today a recorded matrix. */
    WhatIf whatIf() {
        if (costMatrix == null) {
            throw UserError.invalid("give the what-if costs: --cost-matrix FILE.json (a recorded matrix, see"
                    + " docs/advisor.md)");
        }
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
