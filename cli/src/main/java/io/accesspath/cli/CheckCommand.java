package io.accesspath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.render.DesignJson;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accesspath check SPEC}: validates a spec and reports every problem at once. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates a requirements spec. Every problem is reported at once as",
                "file:line:column: message; hint. Exit code 2 when the spec is invalid."})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The requirements spec (YAML or JSON).")
    Path spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per problem, on stderr) or json (a report on stdout).")
    Format format;

    @Mixin
    Common common;

    enum Format { text, json }

    @Override
    public Integer call() {
        if (format == Format.text) {
            Spec s = SpecReader.read(spec);
            System.out.println(spec + ": ok (" + s.entities().size() + " entities, " + s.relationships().size()
                    + " relationships, " + s.accessPatterns().size() + " access patterns, " + s.writePatterns().size()
                    + " write patterns)");
            return 0;
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("file", spec.toString());
        try {
            Spec s = SpecReader.read(spec);
            root.put("valid", true);
            root.put("entities", s.entities().size());
            root.put("relationships", s.relationships().size());
            root.put("accessPatterns", s.accessPatterns().size());
            root.put("writePatterns", s.writePatterns().size());
            root.putArray("problems");
            System.out.print(DesignJson.pretty(root));
            return 0;
        } catch (UserError e) {
            root.put("valid", false);
            ArrayNode problems = root.putArray("problems");
            for (Problem p : e.problems()) {
                ObjectNode n = problems.addObject();
                n.put("file", p.loc().file());
                n.put("line", p.loc().line());
                n.put("column", p.loc().column());
                n.put("message", p.message());
                p.hint().ifPresent(h -> n.put("hint", h));
                n.put("text", p.render());
            }
            System.out.print(DesignJson.pretty(root));
            return e.exitCode();
        }
    }

    static List<String> lines(UserError e) {
        return e.problems().stream().map(Problem::render).toList();
    }
}
