package io.accesspath.cli.internal;

import java.io.PrintStream;

/** Progress and notes for people, on stderr (stdout carries only results). */
public final class Log {
    private static final PrintStream ERR = System.err;

    private Log() {
    }

    public static void info(String message) {
        ERR.println(message);
        ERR.flush();
    }
}
