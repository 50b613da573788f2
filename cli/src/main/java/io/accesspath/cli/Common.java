package io.accesspath.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
public final class Common {
    @Option(names = "--debug", description = "Print stack traces and debug logs (to stderr).")
    boolean debug;
}
