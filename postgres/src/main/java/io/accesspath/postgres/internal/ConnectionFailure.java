package io.accesspath.postgres.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Turns a failed connection attempt into one line for the user: what was tried, what the server
 * (or the network) said, and what to do about it.
 */
public final class ConnectionFailure {
    private static final Map<String, String> HINTS = Map.of(
            "3D000", "create the database or name one that exists",
            "28P01", "check the user name and password",
            "28000", "check the user name, and the server's pg_hba.conf for this client address",
            "08004", "give the password in the URL or in ~/.pgpass",
            "53300", "the server has no free connection slots; try again later",
            "57P03", "the server is starting up or shutting down; try again in a moment");

    private ConnectionFailure() {}

    /**
     * The error for a connection to {@code target} (as shown to the user) that failed with
     * {@code e}: {@code cannot connect to postgresql://u@h:5999/x: Connection refused; is the
     * server running ...?}.
     */
    public static UserError of(String target, SQLException e) {
        String reason;
        String hint;
        Throwable network = networkCause(e);
        ServerError server = ServerError.of(e);
        if (network instanceof ConnectException || network instanceof NoRouteToHostException) {
            reason = network.getMessage() == null ? "Connection refused" : network.getMessage();
            hint = "is the server running and accepting TCP connections on that host and port?";
        } else if (network instanceof UnknownHostException) {
            reason = "unknown host " + network.getMessage();
            hint = "check the host name";
        } else if (network instanceof SocketTimeoutException) {
            reason = "no answer in time (" + network.getMessage() + ")";
            hint = "check the host and port, and whether a firewall drops the packets";
        } else {
            reason = server.message();
            hint = HINTS.getOrDefault(server.sqlState(), "check the URL and the server's log");
        }
        String message = "cannot connect to " + target + ": " + oneLine(reason);
        return new UserError(List.of(Problem.of(Loc.NONE, message, hint)), UserError.DATABASE, e);
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException) {
                return t;
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').strip();
    }
}
