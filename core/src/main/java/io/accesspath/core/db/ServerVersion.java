package io.accesspath.core.db;

/**
 * The version of a running database server.
 *
 * @param major the major version ({@code 17})
 * @param minor the minor version ({@code 7})
 * @param full  the server's own description ({@code PostgreSQL 17.7 on x86_64-pc-linux-gnu, ...})
 */
public record ServerVersion(int major, int minor, String full) {
    /** {@code major.minor}, e.g. {@code 17.7}. */
    public String number() {
        return major + "." + minor;
    }

    public boolean atLeast(int majorVersion) {
        return major >= majorVersion;
    }
}
