package io.accesspath.cli;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanParser;
import io.accesspath.core.plan.diagnose.Analysis;
import io.accesspath.core.plan.diagnose.PlanAnalyzer;
import io.accesspath.core.plan.diagnose.PlanComparison;
import io.accesspath.core.plan.diagnose.PlanDiff;
import io.accesspath.core.plan.diagnose.PlanReport;
import io.accesspath.postgres.PgExplainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code accesspath explain}: reads a plan (or runs EXPLAIN), diagnoses it, compares plans. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Reads a PostgreSQL plan (JSON or text, as psql prints it) or runs EXPLAIN on a database,",
                "and says what is slow and why: missing or inefficient indexes, misestimates, spills,",
                "non-sargable predicates, large offsets, correlated subplans, ... each with its evidence,",
                "cause, fix (as SQL where there is one) and estimated effect."})
public final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--plan", paramLabel = "FILE", description = "A plan file, or - for standard input.")
    String plan;

    @Option(names = "--compare", arity = "2", paramLabel = "PLAN",
            description = "Two plans (before, after): what changed and why it matters.")
    List<String> compare;

    @Option(names = "--url", paramLabel = "URL", description = "Run EXPLAIN on this database (read-only by default).")
    String url;

    @Option(names = "--query", paramLabel = "SQL", description = "The statement to explain with --url, or @FILE.")
    String query;

    @Option(names = "--analyze", description = "EXPLAIN ANALYZE: run the statement and measure it.")
    boolean analyze;

    @Option(names = "--analyze-writes", description = "Allow EXPLAIN ANALYZE of a statement that changes data; it runs"
            + " inside a transaction that is rolled back.")
    boolean analyzeWrites;

    @Option(names = "--validate", description = "With --url: check each index the diagnoses suggest as a hypothetical"
            + " index (HypoPG, read-only) and report the statement's estimated cost before and after.")
    boolean validate;

    @Option(names = "--measure", description = "With --url: build each suggested index for real inside a transaction"
            + " that is rolled back and report EXPLAIN ANALYZE times before and after. Runs the statement; holds a"
            + " SHARE lock on the table while the index builds (writes to it wait).")
    boolean measure;

    @Option(names = "--create-hypopg",
            description = "With --validate: run CREATE EXTENSION hypopg on --url when it is missing.")
    boolean createHypoPg;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown or json (json: PostgreSQL's FORMAT JSON plan plus \"Diagnoses\").")
    Format format;

    @Mixin
    Common common;

    enum Format { text, markdown, json }

    @Override
    public Integer call() {
        int modes = (plan != null ? 1 : 0) + (compare != null ? 1 : 0) + (url != null || query != null ? 1 : 0);
        if (modes != 1) {
            throw UserError.invalid("give exactly one of --plan FILE, --compare BEFORE AFTER, or --url URL --query SQL");
        }
        if (compare != null) {
            PlanComparison c = PlanDiff.compare(read(compare.get(0)), read(compare.get(1)));
            System.out.print(switch (format) {
                case json -> PlanReport.json(c);
                case markdown -> PlanReport.markdown(c);
                default -> PlanReport.text(c);
            });
            return 0;
        }
        if ((validate || measure) && url == null) {
            throw UserError.invalid("--validate and --measure check the suggested indexes on a database: add --url URL"
                    + " --query SQL");
        }
        Plan p = plan != null ? read(plan) : live();
        Analysis a = PlanAnalyzer.analyze(p);
        FixCheck check = validate || measure ? FixCheck.run(this, a) : FixCheck.NONE;
        System.out.print(switch (format) {
            case json -> check.json(PlanReport.json(a));
            case markdown -> PlanReport.markdown(a) + check.text();
            default -> PlanReport.text(a) + check.text();
        });
        return 0;
    }

    private Plan live() {
        if (url == null || query == null) {
            throw UserError.invalid("--url and --query go together: the database and the statement to explain");
        }
        if (analyzeWrites && !analyze) {
            throw UserError.invalid("--analyze-writes only matters with --analyze");
        }
        String sql = sql();
        try (Database db = Dialects.forUrl(url).connect(url, ConnectOptions.DEFAULT)) {
            return PgExplainer.explain(db, sql, List.of(),
                    new PgExplainer.Options(analyze, analyze, analyzeWrites));
        }
    }

    /** The statement of --query (or of the @FILE it names). */
    String sql() {
        return query.startsWith("@") ? text(query.substring(1)) : query;
    }

    private static Plan read(String file) {
        if (file.equals("-")) {
            try {
                return PlanParser.parse(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
            } catch (IOException e) {
                throw UserError.io("cannot read the plan from standard input: " + e.getMessage(), e);
            }
        }
        return PlanParser.parse(Path.of(file));
    }

    private static String text(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.io("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw UserError.io("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
