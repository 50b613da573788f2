package io.accesspath.postgres.internal;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What the server said in an error: its message, SQLSTATE, hint and the position of the error in
 * the statement, taken from the driver's exception.
 *
 * @param position 1-based character position in the statement, 0 when the server gave none
 */
public record ServerError(String message, String sqlState, Optional<String> hint, int position) {

    /** The server's side of the exception, or the driver's message where the server said nothing. */
    public static ServerError of(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String sqlState = e.getSQLState() == null ? "?????" : e.getSQLState();
        if (server == null || server.getMessage() == null) {
            return new ServerError(firstLine(e.getMessage()), sqlState, Optional.empty(), 0);
        }
        return new ServerError(server.getMessage(), sqlState, Optional.ofNullable(server.getHint()),
                server.getPosition());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
