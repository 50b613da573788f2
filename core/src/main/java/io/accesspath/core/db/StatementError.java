package io.accesspath.core.db;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.util.List;
import java.util.Optional;

/**
 * A statement the database refused while applying a script. The transaction was rolled back, so
 * nothing of the script is left behind. The message names the statement (its number, kind,
 * subject and first line) and carries the server's message, SQLSTATE and the position of the
 * error inside the statement.
 */
public class StatementError extends UserError {
    private static final long serialVersionUID = 1L;

    private final transient Statement statement;
    private final int number;
    private final String sqlState;
    private final String serverMessage;
    private final int position;

    /**
     * @param statement     the statement that failed
     * @param number        its 1-based number in the script
     * @param count         how many statements the script has
     * @param target        the database, as shown to the user (no password)
     * @param sqlState      the server's SQLSTATE ({@code 42703})
     * @param serverMessage the server's message, one line
     * @param serverHint    the server's hint, if it gave one
     * @param position      1-based character position of the error inside the statement, 0 if
     *                      unknown
     * @param cause         the driver's exception
     */
    public StatementError(Statement statement, int number, int count, String target, String sqlState,
                          String serverMessage, Optional<String> serverHint, int position, Throwable cause) {
        super(List.of(problem(statement, number, count, target, sqlState, serverMessage, serverHint, position)),
                DATABASE, cause);
        this.statement = statement;
        this.number = number;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
        this.position = position;
    }

    private static Problem problem(Statement statement, int number, int count, String target, String sqlState,
                                   String serverMessage, Optional<String> serverHint, int position) {
        StringBuilder sb = new StringBuilder();
        sb.append("statement ").append(number).append(" of ").append(count)
                .append(" (").append(statement.kind()).append(' ').append(statement.subject()).append(") failed on ")
                .append(target).append(": ").append(oneLine(serverMessage))
                .append(" [SQLSTATE ").append(sqlState).append(']');
        if (position > 0) {
            int[] lineColumn = lineColumn(statement.sql(), position);
            sb.append(" at line ").append(lineColumn[0]).append(", column ").append(lineColumn[1]);
        }
        sb.append(" in: ").append(statement.firstLine());
        String hint = serverHint.map(StatementError::oneLine)
                .orElse("the transaction was rolled back; nothing was changed");
        return Problem.of(Loc.NONE, sb.toString(), hint);
    }

    private static int[] lineColumn(String sql, int position) {
        int line = 1;
        int column = 1;
        int end = Math.min(position - 1, sql.length());
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').strip();
    }

    public Statement statement() {
        return statement;
    }

    /** The statement's 1-based number in the script. */
    public int number() {
        return number;
    }

    public String sqlState() {
        return sqlState;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** 1-based character position of the error inside the statement's SQL, 0 if unknown. */
    public int position() {
        return position;
    }
}
