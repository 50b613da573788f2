package io.accesspath.cli;

import io.accesspath.core.spec.SpecSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code accesspath spec-schema}: prints the JSON Schema of the requirements spec. */
@Command(name = "spec-schema", mixinStandardHelpOptions = true,
        description = {"Prints the JSON Schema (draft 2020-12) of the requirements spec, for editors and AI agents."})
public final class SpecSchemaCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(SpecSchema.text());
        return 0;
    }
}
