package io.accesspath.cli;

import picocli.CommandLine.Command;

/** The top-level command: only subcommands do work. */
@Command(name = "accesspath", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Designs relational schemas from access patterns and proves them on a real database.", ""},
        subcommands = {DesignCommand.class, SeedCommand.class, QueriesCommand.class, VerifyCommand.class, CheckCommand.class,
                SpecSchemaCommand.class, ExplainCommand.class, AdviseCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 checks failed, 2 invalid input, 3 database error, 4 file error,"
                + " 70 internal error."})
public final class AccesspathCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
