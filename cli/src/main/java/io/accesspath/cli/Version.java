package io.accesspath.cli;

import picocli.CommandLine;

/** The version shown by {@code --version}, read from the jar's manifest. */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"accesspath " + current()};
    }
}
