package io.accesspath.cli;

import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The accesspath command line. stdout carries only each command's result; logs, progress and
 * errors go to stderr. Errors the user can fix print one line per problem and exit non-zero
 * without a stack trace (unless {@code --debug}).
 *
 * <p>Exit codes: 0 success; 1 a verification or check found failures; 2 invalid input (spec,
 * SQL, plan, flags); 3 a database could not be reached or refused the work; 4 a file could not
 * be read or written; 70 an internal error (a bug).
 */
public final class Main {
    public static final int INTERNAL_ERROR = 70;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        quietLogging(args);
        CommandLine cmd = commandLine();
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new AccesspathCommand());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // descriptions are written as lines of up to 100 characters; at picocli's default of 80
        // every one of them wraps raggedly
        cmd.setUsageHelpWidth(100);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("accesspath: " + describe(ex) + "; see '" + name + " --help'");
            return UserError.INVALID_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, c, parseResult.hasMatchedOption("--debug")
                || debugRequested(parseResult)));
        return cmd;
    }

    /** The parse error in one clause, with a did-you-mean for a mistyped option. */
    private static String describe(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                java.util.List<String> suggestions = u.getSuggestions();
                return "unknown option '" + first + "'" + (suggestions.isEmpty() ? ""
                        : "; did you mean '" + suggestions.get(0) + "'?");
            }
            return u.getSuggestions().isEmpty() ? "unexpected argument '" + first + "'"
                    : "unknown command '" + first + "'; did you mean '" + u.getSuggestions().get(0) + "'?";
        }
        return ex.getMessage();
    }

    private static boolean debugRequested(CommandLine.ParseResult pr) {
        CommandLine.ParseResult r = pr;
        while (r != null) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    private static int handle(Exception ex, CommandLine c, boolean debug) {
        PrintWriter err = c.getErr();
        Throwable t = ex;
        if (t instanceof UserError ue) {
            for (Problem p : ue.problems()) {
                err.println(p.render());
            }
            if (debug && ue.getCause() != null) {
                ue.getCause().printStackTrace(err);
            }
            err.flush();
            return ue.exitCode();
        }
        if (t instanceof OutOfMemoryError) {
            err.println("accesspath: out of memory; raise the heap with ACCESSPATH_JAVA_OPTS=-Xmx2g");
            return INTERNAL_ERROR;
        }
        if (debug) {
            t.printStackTrace(err);
        } else {
            err.println("accesspath: internal error: " + t + " (run again with --debug for the stack trace, and please"
                    + " report it)");
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** Third-party logs (embedded PostgreSQL, drivers) go to stderr at WARN unless --debug. */
    private static void quietLogging(String[] args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
        java.util.logging.LogManager.getLogManager().reset();
    }
}
