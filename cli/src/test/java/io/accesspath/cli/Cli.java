package io.accesspath.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged CLI ({@code cli/target/accesspath.jar}) as a subprocess, the way users run
 * it, and captures its exit code, stdout and stderr.
 */
final class Cli {
    static final Path ROOT = findRoot();
    static final Path JAR = ROOT.resolve("cli/target/accesspath.jar");

    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runIn(ROOT, args);
    }

    /** Runs with {@code input} on standard input. */
    static Result runWithInput(String input, String... args) {
        try {
            Path in = Files.createTempFile("accesspath-in", ".txt");
            try {
                Files.writeString(in, input, StandardCharsets.UTF_8);
                return runIn(ROOT, in, args);
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Result runIn(Path dir, String... args) {
        return runIn(dir, null, args);
    }

    private static Result runIn(Path dir, Path stdin, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("the CLI jar is missing: " + JAR + " (run mvn package first)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("accesspath-out", ".txt");
            Path err = Files.createTempFile("accesspath-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                if (stdin != null) {
                    pb.redirectInput(stdin.toFile());
                }
                Process p = pb.start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("accesspath " + String.join(" ", args) + " did not finish");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("accesspath"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (the directory holding ./accesspath)");
        }
        return p;
    }
}
