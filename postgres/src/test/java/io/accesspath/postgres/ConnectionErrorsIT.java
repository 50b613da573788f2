package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.error.UserError;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connection failures are one line that says what was tried and what went wrong, never a password. */
class ConnectionErrorsIT {

    @Test
    void refusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        UserError error = catchThrowableOfType(UserError.class,
                () -> PgUrlDatabase.connect("postgresql://postgres:secret@127.0.0.1:" + port + "/x", ConnectOptions.DEFAULT));

        assertThat(error.exitCode()).isEqualTo(UserError.DATABASE);
        assertThat(error.problems()).singleElement().satisfies(p -> assertThat(p.render()).isEqualTo(
                "cannot connect to postgresql://postgres@127.0.0.1:" + port + "/x: Connection refused;"
                        + " is the server running and accepting TCP connections on that host and port?"));
    }

    @Test
    void unknownHost() {
        UserError error = catchThrowableOfType(UserError.class,
                () -> PgUrlDatabase.connect("jdbc:postgresql://no-such-host.invalid/x?user=u&password=secret",
                        ConnectOptions.DEFAULT.withStatementTimeout(Duration.ZERO)));

        assertThat(error.getMessage()).startsWith("cannot connect to postgresql://u@no-such-host.invalid:5432/x: ")
                .doesNotContain("secret");
    }

    @Test
    void wrongPassword() {
        String url = TestDatabases.adminUrl(TestDatabases.Target.EMBEDDED);
        // The embedded server trusts every local connection, so ask for a role that does not exist instead.
        String noRole = url.replace("postgresql://postgres@", "postgresql://nobody:secret@");
        UserError error = catchThrowableOfType(UserError.class, () -> PgUrlDatabase.connect(noRole, ConnectOptions.DEFAULT));

        assertThat(error.problems()).singleElement().satisfies(p -> assertThat(p.render())
                .contains("role \"nobody\" does not exist")
                .doesNotContain("secret"));
    }

    @Test
    void malformedUrlIsInvalidInput() {
        UserError error = catchThrowableOfType(UserError.class,
                () -> PgUrlDatabase.connect("postgresql://u:secret@h:99999/x", ConnectOptions.DEFAULT));

        assertThat(error.exitCode()).isEqualTo(UserError.INVALID_INPUT);
        assertThat(error.getMessage()).isEqualTo("invalid port '99999' in database URL 'postgresql://u:***@h:99999/x'");
    }
}
