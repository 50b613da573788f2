package io.accesspath.core.plan.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.Plan;

import java.util.List;

/** Entry point of the plan readers, for {@link io.accesspath.core.plan.PlanParser}. */
public final class PlanReaders {

    private PlanReaders() {
    }

    /** Reads JSON or text EXPLAIN output, deciding by its first character. */
    public static Plan read(String input, String source) {
        List<SourceLine> lines = PsqlInput.lines(input, source);
        SourceLine first = lines.stream().filter(l -> !l.isBlank()).findFirst()
                .orElseThrow(() -> UserError.invalid(Loc.of(source, 1, 1), "no plan in this input",
                        "paste the output of EXPLAIN or EXPLAIN (FORMAT JSON)"));
        char c = first.text().strip().charAt(0);
        return c == '[' || c == '{' ? JsonPlanReader.read(lines, source) : TextPlanReader.read(lines, source);
    }

    public static Plan readJson(String input, String source) {
        return JsonPlanReader.read(PsqlInput.lines(input, source), source);
    }

    public static Plan readText(String input, String source) {
        return TextPlanReader.read(PsqlInput.lines(input, source), source);
    }
}
